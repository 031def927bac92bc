import type { DrugKinetics } from './patientDynamics.ts';

/** Ziconotide's psychiatric and neurological adverse effects, from none to psychosis (pain-drugs.md 2). */
export type NeuropsychiatricStage = 'none' | 'mild' | 'confusion' | 'psychosis';

/** The adverse-effect stages in order of severity. */
export const NEUROPSYCHIATRIC_STAGES: readonly NeuropsychiatricStage[] = ['none', 'mild', 'confusion', 'psychosis'];

/**
 * One simulated patient on intrathecal ziconotide: analgesia that comes slowly, and adverse effects
 * that rise with the dose (a `burden` following the effect over weeks) and with a rise faster than
 * the patient adapts (an `excess` of the effect over what they have `adapted` to, over days). No
 * respiratory depression, no tolerance, no withdrawal. Sources beside {@link ZICONOTIDE_DEFAULTS}.
 */
export interface ZiconotideParameters extends DrugKinetics {
  readonly drug: 'ziconotide';
  /** Daily intrathecal dose that brings pain down to `targetPain`, mcg/day. */
  readonly needMcgPerDay: number;
  readonly baselinePain: number;
  readonly targetPain: number;
  readonly adverse: {
    /** Half-life with which the adverse burden follows the effect relative to need, days. */
    readonly burdenHalfLifeDays: number;
    /** Half-life with which the patient adapts to a new effect level, days. */
    readonly adaptationHalfLifeDays: number;
    /** Burden and excess at which each stage begins (the worse of the two decides). */
    readonly mild: { readonly burden: number; readonly excess: number };
    readonly confusion: { readonly burden: number; readonly excess: number };
    readonly psychosis: { readonly burden: number; readonly excess: number };
    /** Creatine kinase, times the upper limit of normal, per unit of burden above 1. */
    readonly ckPerBurden: number;
  };
}

/** The default ziconotide patient. */
export const ZICONOTIDE_DEFAULTS: ZiconotideParameters = {
  drug: 'ziconotide',
  needMcgPerDay: 7, // (2°) mean 6.9 mcg/day at day 21 of the slow trial [P35]; 75 % of responders <= 9.6 (V) [P33]
  baselinePain: 7, // (U)
  targetPain: 4, // (U) a more modest relief than morphine's
  csfHalfLifeH: 4.6, // (V) [P37]
  spreadHalfLifeH: 2, // (U) fitted: the CSF level plateaus by about 8 h of infusion (V, dog) [P79]
  effectHalfLifeH: 24, // (U) analgesia comes over hours to days [pain-drugs 2, model note]
  subdural: { share: 0.5, halfLifeH: 24 }, // (U) as baclofen
  epidural: { share: 0.1, halfLifeH: 6 }, // (U) as baclofen
  adverse: {
    burdenHalfLifeDays: 14, // (U) fitted: confusion onset median 31 days, mean 49 (V) [P39]; cognitive effects after weeks (V) [P33]
    adaptationHalfLifeDays: 3, // (U) fitted: steps of 2.4 mcg/day two or three times a week are tolerated (V) [P33, P34]
    mild: { burden: 1.3, excess: 0.6 }, // (U) dizziness, nausea, nystagmus, unsteady gait (2°) [P42]
    confusion: { burden: 1.8, excess: 1 }, // (U) confusion, memory impairment (V) [P39]
    psychosis: { burden: 2.5, excess: 1.6 }, // (U) hallucinations, paranoia; within 24 h of an increase (V) [P41]
    ckPerBurden: 2, // (U) CK > 3 x ULN in 5.7 % at month 1 (V) [P40]
  },
};

/** How a ziconotide patient is chosen: the defaults with any figure set outright. */
export interface ZiconotideInput {
  readonly needMcgPerDay?: number;
  readonly baselinePain?: number;
}

/** The parameters of a ziconotide patient. */
export function createZiconotideParameters(input: ZiconotideInput = {}): ZiconotideParameters {
  const d = ZICONOTIDE_DEFAULTS;
  return {
    ...d,
    needMcgPerDay: input.needMcgPerDay ?? d.needMcgPerDay,
    baselinePain: input.baselinePain ?? d.baselinePain,
    targetPain: input.baselinePain === undefined ? d.targetPain : (input.baselinePain * d.targetPain) / d.baselinePain,
  };
}
