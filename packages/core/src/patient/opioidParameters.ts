import type { DrugKinetics } from './patientDynamics.ts';

/** Whether the patient took opioids regularly before the intrathecal morphine (sets need and risk). */
export type PatientOpioidHistory = 'naive' | 'tolerant';

/** Sedation stages of opioid overdose, from alert to coma (pain-drugs.md 1.6). */
export type SedationStage = 'none' | 'drowsy' | 'hardToRouse' | 'stupor' | 'coma';
/** Respiratory depression stages, by breathing rate (pain-drugs.md 1.6). */
export type RespiratoryStage = 'none' | 'early' | 'moderate' | 'severe' | 'arrest';
/** Opioid withdrawal stages after an abrupt stop (pain-drugs.md 1.7). */
export type OpioidWithdrawalStage = 'none' | 'early' | 'moderate' | 'severe';
/** The catheter-tip inflammatory mass: none, a mass that clears the drug, a neurological deficit, cord compression. */
export type GranulomaStage = 'none' | 'mass' | 'deficit' | 'compression';

/** The sedation stages in order of severity. */
export const SEDATION_STAGES: readonly SedationStage[] = ['none', 'drowsy', 'hardToRouse', 'stupor', 'coma'];
/** The respiratory depression stages in order of severity. */
export const RESPIRATORY_STAGES: readonly RespiratoryStage[] = ['none', 'early', 'moderate', 'severe', 'arrest'];
/** The opioid withdrawal stages in order of severity. */
export const OPIOID_WITHDRAWAL_STAGES: readonly OpioidWithdrawalStage[] = ['none', 'early', 'moderate', 'severe'];
/** The granuloma stages in order of severity. */
export const GRANULOMA_STAGES: readonly GranulomaStage[] = ['none', 'mass', 'deficit', 'compression'];

/**
 * One simulated patient on intrathecal morphine. Drug is followed in micrograms with the same linear
 * model as baclofen's ({@link DrugKinetics}); `q`, the effect relative to need (tolerance and any
 * granuloma included), drives pain, sedation and breathing. Every figure's source and how sure it is
 * stands beside its default in {@link OPIOID_HISTORIES}.
 */
export interface OpioidParameters extends DrugKinetics {
  readonly drug: 'morphine';
  readonly history: PatientOpioidHistory;
  /** Daily intrathecal dose that brings pain down to `targetPain` (before tolerance), mcg/day. */
  readonly needMcgPerDay: number;
  /** Pain score without morphine, 0-10 numeric rating scale. */
  readonly baselinePain: number;
  /** Pain score on exactly the dose needed. */
  readonly targetPain: number;
  /** `q` at which each sedation stage begins. */
  readonly sedation: {
    readonly drowsy: number;
    readonly hardToRouse: number;
    readonly stupor: number;
    readonly coma: number;
  };
  /** Breathing rate: `restingPerMin` up to `q` = `depressionFrom`, then falling `fallPerUnit` breaths/min per unit of `q`. */
  readonly breathing: { readonly restingPerMin: number; readonly depressionFrom: number; readonly fallPerUnit: number };
  /** Breathing rate (per minute, before rounding) at or below which each respiratory stage begins. */
  readonly respiratory: {
    readonly early: number;
    readonly moderate: number;
    readonly severe: number;
    readonly arrest: number;
  };
  readonly withdrawal: {
    /** `q` below which a dependent patient is in deficit, times dependence. */
    readonly deficitRatio: number;
    /** Hours of deficit at which each stage begins. */
    readonly earlyH: number;
    readonly moderateH: number;
    readonly severeH: number;
    /** Hours of deficit undone per hour without deficit. */
    readonly recoveryRate: number;
    /** Half-life of physical dependence following exposure, days. */
    readonly dependenceHalfLifeDays: number;
  };
  /** Tolerance: the need grows by up to `maxIncrease` under sustained therapy, and falls back after a stop. */
  readonly tolerance: {
    readonly maxIncrease: number;
    readonly growthHalfLifeDays: number;
    readonly recoveryHalfLifeDays: number;
  };
  /**
   * The catheter-tip inflammatory mass. Its drive is (dose / `doseRefMcgPerDay`) x (concentration at
   * the tip / `concentrationRefMcgPerMl`); above 1 it grows by (drive - 1) / `formationDays` a day,
   * otherwise it shrinks by 1 / `regressionDays` a day; size 1 is the largest. It clears the drug at
   * the tip: the effect falls by `effectLoss` x size. Stages begin at the sizes given.
   */
  readonly granuloma: {
    readonly doseRefMcgPerDay: number;
    readonly concentrationRefMcgPerMl: number;
    readonly formationDays: number;
    readonly regressionDays: number;
    readonly effectLoss: number;
    readonly mass: number;
    readonly deficit: number;
    readonly compression: number;
  };
  /**
   * Morphine outside the spinal fluid (the pump's `pocket` sink: a pocket fill, a disconnection, a
   * tip under the skin): absorbed into the blood with `absorptionHalfLifeH`, eliminated from it with
   * `eliminationHalfLifeH`, and acting as intrathecal morphine `potencyRatio` times weaker (the same
   * sedation, breathing, pupils and analgesia, through the same `q`).
   */
  readonly systemic: {
    readonly absorptionHalfLifeH: number;
    readonly eliminationHalfLifeH: number;
    readonly potencyRatio: number;
  };
}

const common = {
  drug: 'morphine',
  csfHalfLifeH: 3, // (U) placeholder 1.5-3 h [pain-drugs 1.5]
  effectHalfLifeH: 3, // (U) fitted with spread: bolus onset 1-2 h, lasting 18-24 h, late respiratory depression peaking 8-10 h (2°) [P8]
  spreadHalfLifeH: 3, // (U) fitted with the effect: hydrophilic morphine spreads slowly from where it is given
  subdural: { share: 0.5, halfLifeH: 24 }, // (U) as baclofen
  epidural: { share: 0.1, halfLifeH: 6 }, // (U) intrathecal is about 1/10 of epidural (V) [P5]
  baselinePain: 7, // (U) severe chronic pain on a 0-10 scale
  targetPain: 3, // (U) a good response
  sedation: { drowsy: 2.5, hardToRouse: 4, stupor: 6, coma: 8 }, // (U) sedation comes before breathing fails [pain-drugs 1.6]
  breathing: { restingPerMin: 16, depressionFrom: 2.5, fallPerUnit: 2 }, // (U)
  // stage 1 10-12/min (U), 2 8-10/min with the hold rule below 8 (2°) [P75], 3 2-4/min (V) [P7], 4 apnoea (V) [P7]
  respiratory: { early: 12, moderate: 9, severe: 4, arrest: 0 },
  withdrawal: {
    deficitRatio: 0.7, // (U)
    earlyH: 2, // (U) fitted: craving, anxiety, sweating 6-14 h after a stop (2°) [P22]; within 24 h (V) [P21]
    moderateH: 8, // (U) fitted: tears, yawning, dilated pupils, gooseflesh 14-24 h (2°) [P22]
    severeH: 18, // (U) fitted: diarrhoea, insomnia, fast breathing and pulse 24-36 h (2°) [P22]
    recoveryRate: 2, // (U)
    dependenceHalfLifeDays: 5, // (U)
  },
  // (U) fitted: 1-3 %/week early, plateau after about 3 years (V) [P18-P20]; reversal within 6 opioid-free weeks (V) [P16]
  tolerance: { maxIncrease: 1.5, growthHalfLifeDays: 365, recoveryHalfLifeDays: 10 },
  granuloma: {
    doseRefMcgPerDay: 10_000, // (U) dose and its yearly rise are the risk (V) [P25]; caution above 20 mg/day (2°) [P1]
    concentrationRefMcgPerMl: 10_000, // (U) DISAGREE: 20-25 mg/mL named (2°) [P30]; no link with concentration (V) [P25]
    formationDays: 240, // (U) fitted: months to symptoms (V) [P28]; 5 weeks at the fastest (V) [P26]
    regressionDays: 120, // (U) regresses once the opioid is stopped or diluted [P27]
    effectLoss: 0.6, // (U) falling effect first: the mass clears the drug (2°) [P31]
    mass: 0.3, // (U)
    deficit: 0.7, // (U) dermatomal pain, sensory change (V) [P27, P28]
    compression: 1, // (U) motor loss, bladder and bowel (V) [P27, P28]
  },
  systemic: {
    absorptionHalfLifeH: 0.1, // (U) fitted with the elimination: subcutaneous morphine peaks about 15-30 min after injection (model 27 min)
    eliminationHalfLifeH: 2, // (U) morphine's half-life in the blood, 2-3 h (not yet in pain-drugs.md)
    potencyRatio: 100, // (2°) IV : intrathecal 100:1 [P9]; parenteral : intrathecal about 100:1 (V) [P10]
  },
} as const;

/** Default patients by opioid history, with the range their need is drawn from (mcg/day). */
export const OPIOID_HISTORIES: Readonly<
  Record<
    PatientOpioidHistory,
    { readonly defaults: OpioidParameters; readonly needRange: { min: number; max: number } }
  >
> = {
  // start 0.2-1 mg/day (2°) [P1]
  naive: { defaults: { ...common, history: 'naive', needMcgPerDay: 500 }, needRange: { min: 200, max: 1000 } },
  // start 1-10 mg/day (2°) [P1]
  tolerant: {
    defaults: { ...common, history: 'tolerant', needMcgPerDay: 4000 },
    needRange: { min: 1000, max: 10_000 },
  },
};

/** How a morphine patient is chosen: by opioid history, with any figure set outright. */
export interface OpioidInput {
  readonly history: PatientOpioidHistory;
  readonly needMcgPerDay?: number;
  readonly baselinePain?: number;
  readonly csfHalfLifeH?: number;
}

/** The parameters of a morphine patient: the history's defaults with any figure the input sets. */
export function createOpioidParameters(input: OpioidInput): OpioidParameters {
  const { defaults } = OPIOID_HISTORIES[input.history];
  return {
    ...defaults,
    needMcgPerDay: input.needMcgPerDay ?? defaults.needMcgPerDay,
    baselinePain: input.baselinePain ?? defaults.baselinePain,
    // the same share of relief on the need whatever the baseline
    targetPain:
      input.baselinePain === undefined
        ? defaults.targetPain
        : (input.baselinePain * defaults.targetPain) / defaults.baselinePain,
    csfHalfLifeH: input.csfHalfLifeH ?? defaults.csfHalfLifeH,
  };
}
