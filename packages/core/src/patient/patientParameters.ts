import type { SpasticityOrigin } from '../drug/drug.ts';
import { nextIntInRange, seedRandom } from '../random/seededRandom.ts';

/** Withdrawal stages, from none to severe (high fever, rigidity). */
export type WithdrawalStage = 'none' | 'early' | 'moderate' | 'severe';
/** Overdose stages, from none to coma. */
export type OverdoseStage = 'none' | 'drowsy' | 'somnolent' | 'respiratoryDepression' | 'coma';

/** The withdrawal stages in order of severity. */
export const WITHDRAWAL_STAGES: readonly WithdrawalStage[] = ['none', 'early', 'moderate', 'severe'];
/** The overdose stages in order of severity. */
export const OVERDOSE_STAGES: readonly OverdoseStage[] = [
  'none',
  'drowsy',
  'somnolent',
  'respiratoryDepression',
  'coma',
];

/**
 * One simulated patient. Drug is followed in micrograms (a physiological model, not a conserved
 * quantity: the pump's exact accounting ends at the catheter tip). Figures tagged (U) in the domain
 * research are parameters here; the tag is given beside each default in {@link PATIENT_ORIGINS}.
 */
export interface PatientParameters {
  readonly origin: SpasticityOrigin;
  /** Daily intrathecal dose that brings spasticity down to `targetAshworth` (before tolerance), mcg/day. */
  readonly needMcgPerDay: number;
  /** Elimination half-life of baclofen in the CSF near the tip, hours. */
  readonly csfHalfLifeH: number;
  /** Equilibration half-life between CSF and effect site (the effect compartment), hours. */
  readonly effectHalfLifeH: number;
  /** Half-life of the spread of a slow catheter infusion from the tip into the CSF around it, hours. */
  readonly spreadHalfLifeH: number;
  /** Modified Ashworth score without baclofen (0 to 4). */
  readonly baselineAshworth: number;
  /** Modified Ashworth score at the dose the patient needs. */
  readonly targetAshworth: number;
  /** Drug left in the subdural or epidural space: the share that reaches the CSF, and how slowly. */
  readonly subdural: { readonly share: number; readonly halfLifeH: number };
  readonly epidural: { readonly share: number; readonly halfLifeH: number };
  readonly withdrawal: {
    /** Effect (relative to need, tolerance included) below which a dependent patient is in deficit, times dependence. */
    readonly deficitRatio: number;
    /** Hours of deficit before early signs. */
    readonly delayH: number;
    /** Hours of further deficit from early to severe (moderate half-way). */
    readonly progressionH: number;
    /** Hours of deficit undone per hour without deficit. */
    readonly recoveryRate: number;
    /** Half-life of physical dependence following exposure, days. */
    readonly dependenceHalfLifeDays: number;
  };
  /** Effect relative to need at which each overdose stage begins. */
  readonly overdose: {
    readonly drowsy: number;
    readonly somnolent: number;
    readonly respiratoryDepression: number;
    readonly coma: number;
  };
  /** Slow tolerance: need grows by up to `maxIncrease` under sustained therapy, with this half-life. */
  readonly tolerance: { readonly maxIncrease: number; readonly halfLifeDays: number };
}

/** Ranges of the daily need by origin, from which seeded patients are drawn (mcg/day). */
export interface OriginProfile {
  readonly defaults: PatientParameters;
  readonly needRange: { readonly min: number; readonly max: number };
}

const common = {
  csfHalfLifeH: 3, // (V) 0.9-5 h [R33, R34]
  effectHalfLifeH: 3, // (U) fitted: a 50 mcg bolus peaks at about 4 h [R33]
  spreadHalfLifeH: 8, // (U) fitted: an infusion's onset at 6-8 h and its maximum at 24-48 h [R33, R79]
  baselineAshworth: 3, // (U) severe spasticity
  targetAshworth: 1, // (U)
  subdural: { share: 0.5, halfLifeH: 24 }, // (U) "little and late" [R62]
  epidural: { share: 0.1, halfLifeH: 6 }, // (U)
  withdrawal: {
    deficitRatio: 0.5, // (U)
    delayH: 20, // (U) with the effect's own fall, early signs about 36 h after an interruption: 1-3 days (V) [R36]
    progressionH: 48, // (V) 24-72 h [R35]
    recoveryRate: 2, // (U)
    dependenceHalfLifeDays: 7, // (U)
  },
  overdose: { drowsy: 1.6, somnolent: 2.5, respiratoryDepression: 4, coma: 6 }, // (U)
  tolerance: { maxIncrease: 0.3, halfLifeDays: 120 }, // (U) slow tolerance over months
} as const;

/** Default patients by spasticity origin, with the range their need is drawn from. */
export const PATIENT_ORIGINS: Readonly<Record<SpasticityOrigin, OriginProfile>> = {
  spinal: { defaults: { ...common, origin: 'spinal', needMcgPerDay: 300 }, needRange: { min: 300, max: 800 } }, // (V) [R37]
  cerebral: { defaults: { ...common, origin: 'cerebral', needMcgPerDay: 250 }, needRange: { min: 90, max: 703 } }, // (V) [R28b, R37]
  pediatric: { defaults: { ...common, origin: 'pediatric', needMcgPerDay: 200 }, needRange: { min: 100, max: 300 } }, // (2°) [R38]
};

/** How a patient is chosen: by origin, with seeded variation or not, and any parameter set outright. */
export interface PatientInput {
  readonly origin: SpasticityOrigin;
  /** Draw the need and CSF half-life from their ranges with this seed; the origin's defaults without it. */
  readonly seed?: number;
  readonly needMcgPerDay?: number;
  readonly csfHalfLifeH?: number;
  readonly baselineAshworth?: number;
}

/**
 * The parameters of a patient. With a seed, the need is drawn log-uniformly from the origin's
 * range and the CSF half-life uniformly from 0.9-5 h (V) [R34], so patients differ but each seed
 * always gives the same patient.
 */
export function createPatientParameters(input: PatientInput): PatientParameters {
  const { defaults, needRange } = PATIENT_ORIGINS[input.origin];
  let need = defaults.needMcgPerDay;
  let halfLife = defaults.csfHalfLifeH;
  if (input.seed !== undefined) {
    const a = nextIntInRange(seedRandom(input.seed ^ 0x5eed_ba11), 0, 1000);
    const b = nextIntInRange(a.state, 9, 50);
    need = Math.round(needRange.min * (needRange.max / needRange.min) ** (a.value / 1000));
    halfLife = b.value / 10;
  }
  return {
    ...defaults,
    needMcgPerDay: input.needMcgPerDay ?? need,
    csfHalfLifeH: input.csfHalfLifeH ?? halfLife,
    baselineAshworth: input.baselineAshworth ?? defaults.baselineAshworth,
  };
}
