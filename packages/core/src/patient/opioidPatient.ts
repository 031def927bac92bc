import { picogramsToMcg } from '../units/conversions.ts';
import type { Milliseconds, Picograms } from '../units/quantity.ts';
import { MS_PER_DAY, MS_PER_HOUR, MS_PER_MINUTE } from '../units/time.ts';
import {
  GRANULOMA_STAGES,
  type GranulomaStage,
  OPIOID_WITHDRAWAL_STAGES,
  type OpioidParameters,
  type OpioidWithdrawalStage,
  RESPIRATORY_STAGES,
  type RespiratoryStage,
  SEDATION_STAGES,
  type SedationStage,
} from './opioidParameters.ts';
import {
  type DrugAmounts,
  type DrugInflow,
  type DrugStep,
  NO_INFLOW,
  rateConstants,
  steadyAmounts,
} from './patientDynamics.ts';
import type { ReceivedDrug } from './patientState.ts';
import { stageCrossings, stageOf, worseOf } from './stageCrossings.ts';
import {
  NO_SYSTEMIC,
  pocketEffectEquivalent,
  type SystemicMorphine,
  steadySystemic,
  stepSystemic,
  systemicEffectEquivalent,
} from './systemicMorphine.ts';

/** Names of the morphine patient's course entries (part of the scenario format's event names). */
export type OpioidLogType =
  | `patient.sedation.${SedationStage}`
  | `patient.respiratoryDepression.${RespiratoryStage}`
  | `patient.opioidWithdrawal.${OpioidWithdrawalStage}`
  | `patient.granuloma.${GranulomaStage}`;

/** A stage change of the morphine patient. */
export interface OpioidLogEntry {
  readonly at: Milliseconds;
  readonly type: OpioidLogType;
}

/**
 * What reached the patient from the pump, cumulative: each site's drug mass (pg), the volume into
 * the CSF (nL), and the mass under the skin (pg; the pump's `pocket` sink, none when left out).
 */
export interface OpioidIntake extends ReceivedDrug {
  readonly csfVolume: number;
  readonly pocket?: number;
}

/** The morphine patient at one instant. Plain data: serialisable, restorable. */
export interface OpioidState {
  readonly now: Milliseconds;
  /** Morphine in the patient, mcg. */
  readonly drug: DrugAmounts;
  /** Morphine under the skin and in the blood, mcg (from the pump's `pocket` sink). */
  readonly systemic: SystemicMorphine;
  /** Physical dependence, 0 (never exposed) to 1. */
  readonly dependence: number;
  /** Need now / need at the start, from 1 up. */
  readonly tolerance: number;
  /** Hours of withdrawal deficit accumulated. */
  readonly deficitH: number;
  /** Size of the catheter-tip inflammatory mass, 0 (none) to 1 (largest). */
  readonly granuloma: number;
  readonly sedation: SedationStage;
  readonly respiratory: RespiratoryStage;
  readonly withdrawal: OpioidWithdrawalStage;
  readonly granulomaStage: GranulomaStage;
  /** The worst stages reached so far (for scoring). */
  readonly worst: {
    readonly sedation: SedationStage;
    readonly respiratory: RespiratoryStage;
    readonly withdrawal: OpioidWithdrawalStage;
    readonly granuloma: GranulomaStage;
  };
  readonly received: OpioidIntake;
  readonly log: readonly OpioidLogEntry[];
}

/** Longest step while the drug amounts are moving: stage changes of sedation and breathing are timed within it. */
const FINE_STEP_MS = 15 * MS_PER_MINUTE;
/** Longest step once the drug has settled: tolerance, dependence and a granuloma move slowly. */
const STEADY_STEP_MS = MS_PER_DAY;
/** Amounts within this share of the effect at need count as settled. */
const SETTLED = 0.002;
/** Dependence below which no deficit is felt. */
const MIN_DEPENDENCE = 0.25;

/** The effect-compartment amount at steady state on the patient's need, mcg. */
export const opioidEffectAtNeed = (p: OpioidParameters): number => p.needMcgPerDay / 24 / rateConstants(p).elimination;

/** The share of the effect a granuloma of this size leaves (it clears the drug at the tip). */
export const granulomaSparing = (size: number, p: OpioidParameters): number => 1 - p.granuloma.effectLoss * size;

/**
 * Effect relative to need, `q`: tolerance and any granuloma included; 1 on exactly the dose needed.
 * Morphine in the blood adds its intrathecal equivalent ({@link systemicEffectEquivalent}); a
 * granuloma at the tip does not spare it.
 */
export const opioidRelativeEffect = (
  s: Pick<OpioidState, 'drug' | 'systemic' | 'tolerance' | 'granuloma'>,
  p: OpioidParameters,
): number =>
  (s.drug.effect * granulomaSparing(s.granuloma, p) + systemicEffectEquivalent(s.systemic, p)) /
  opioidEffectAtNeed(p) /
  s.tolerance;

/** The pain score (0-10) for an effect relative to need: an Emax curve from the baseline through the target on the need. */
export function painAt(q: number, baseline: number, target: number): number {
  const half = target / (baseline - target);
  return (baseline * half) / (half + Math.max(0, q));
}

/** Breaths per minute (before rounding) at an effect relative to need. */
export const breathingRateAt = (q: number, p: OpioidParameters): number =>
  Math.max(0, p.breathing.restingPerMin - p.breathing.fallPerUnit * Math.max(0, q - p.breathing.depressionFrom));

const sedationThresholds = (p: OpioidParameters): [SedationStage, number][] => [
  ['drowsy', p.sedation.drowsy],
  ['hardToRouse', p.sedation.hardToRouse],
  ['stupor', p.sedation.stupor],
  ['coma', p.sedation.coma],
];

/** The sedation stage at an effect relative to need. */
export const sedationStageAt = (q: number, p: OpioidParameters): SedationStage =>
  stageOf(SEDATION_STAGES, sedationThresholds(p), q);

/** The respiratory stage at an effect relative to need (by the breathing rate it gives). */
export function respiratoryStageAt(q: number, p: OpioidParameters): RespiratoryStage {
  const rate = breathingRateAt(q, p);
  const r = p.respiratory;
  if (rate <= r.arrest) return 'arrest';
  if (rate <= r.severe) return 'severe';
  if (rate <= r.moderate) return 'moderate';
  if (rate <= r.early) return 'early';
  return 'none';
}

const withdrawalThresholds = (p: OpioidParameters): [OpioidWithdrawalStage, number][] => [
  ['early', p.withdrawal.earlyH],
  ['moderate', p.withdrawal.moderateH],
  ['severe', p.withdrawal.severeH],
];

const granulomaThresholds = (p: OpioidParameters): [GranulomaStage, number][] => [
  ['mass', p.granuloma.mass],
  ['deficit', p.granuloma.deficit],
  ['compression', p.granuloma.compression],
];

/** How a morphine patient starts: when, the intrathecal dose they are settled on (0: none yet), and the pump's totals then. */
export interface OpioidStart {
  readonly at: Milliseconds;
  readonly dailyDoseMcg: number;
  readonly received?: OpioidIntake;
}

/** A morphine patient at steady state on a daily intrathecal dose (dependent in proportion to its effect), or on none. */
export function createOpioidState(p: OpioidParameters, start: OpioidStart): OpioidState {
  const drug = steadyAmounts(p, { ...NO_INFLOW, intrathecal: start.dailyDoseMcg / 24 });
  const q = opioidRelativeEffect({ drug, systemic: NO_SYSTEMIC, tolerance: 1, granuloma: 0 }, p);
  const sedation = sedationStageAt(q, p);
  const respiratory = respiratoryStageAt(q, p);
  return {
    now: start.at,
    drug,
    systemic: NO_SYSTEMIC,
    dependence: Math.min(1, q),
    tolerance: 1,
    deficitH: 0,
    granuloma: 0,
    sedation,
    respiratory,
    withdrawal: 'none',
    granulomaStage: 'none',
    worst: { sedation, respiratory, withdrawal: 'none', granuloma: 'none' },
    received: start.received ?? { csf: 0, subdural: 0, epidural: 0, csfVolume: 0 },
    log: [],
  };
}

/**
 * The morphine patient at `to`, given the pump's cumulative intake then. As for baclofen
 * ({@link advancePatient}), drug that arrived since the last call came at a constant rate over the
 * interval (callers cut time where delivery changes), and drug that came in no time is a bolus.
 * The drug amounts move exactly (the shared matrix-exponential step); dependence and tolerance
 * relax exponentially within each step; the withdrawal deficit and the granuloma are linear within
 * a call, so their stage changes fall at exact instants. Sedation and breathing stages change at
 * step ends (15 minutes at most while the drug moves).
 */
export function advanceOpioid(
  s: OpioidState,
  p: OpioidParameters,
  step: DrugStep,
  to: Milliseconds,
  received: OpioidIntake,
): OpioidState {
  const mcg = (now: number, before: number) => picogramsToMcg((now - before) as Picograms);
  const arrived = {
    intrathecal: mcg(received.csf, s.received.csf),
    subdural: mcg(received.subdural, s.received.subdural),
    epidural: mcg(received.epidural, s.received.epidural),
  };
  const toPocket = mcg(received.pocket ?? 0, s.received.pocket ?? 0);
  const duration = to - s.now;
  if (duration <= 0) {
    // morphine is hydrophilic: a dose given at once spreads from where it was given before it acts
    const drug = {
      ...s.drug,
      spread: s.drug.spread + arrived.intrathecal,
      subdural: s.drug.subdural + arrived.subdural,
      epidural: s.drug.epidural + arrived.epidural,
    };
    // morphine under the skin all at once (a pocket fill) is absorbed from there
    const systemic = toPocket === 0 ? s.systemic : { ...s.systemic, pocket: s.systemic.pocket + toPocket };
    return { ...s, drug, systemic, received };
  }
  const hours = duration / MS_PER_HOUR;
  const inflow: DrugInflow = {
    intrathecal: arrived.intrathecal / hours,
    subdural: arrived.subdural / hours,
    epidural: arrived.epidural / hours,
  };
  // the granuloma's drive: the daily dose at the tip and its concentration (pg per nL is mcg per mL)
  const volume = received.csfVolume - s.received.csfVolume;
  const concentration = volume > 0 ? (received.csf - s.received.csf) / volume : 0;
  const g = p.granuloma;
  const drive = ((inflow.intrathecal * 24) / g.doseRefMcgPerDay) * (concentration / g.concentrationRefMcgPerMl);
  const granulomaPerHour = drive > 1 ? (drive - 1) / g.formationDays / 24 : -1 / g.regressionDays / 24;

  const steady = steadyAmounts(p, inflow);
  const pocketInflow = toPocket / hours;
  const steadyOutside = steadySystemic(p, pocketInflow);
  const atNeed = opioidEffectAtNeed(p);
  const settledWithin = SETTLED * atNeed;
  const kDependence = Math.LN2 / (p.withdrawal.dependenceHalfLifeDays * 24);
  const kGrowth = Math.LN2 / (p.tolerance.growthHalfLifeDays * 24);
  const kRecovery = Math.LN2 / (p.tolerance.recoveryHalfLifeDays * 24);
  const wThresholds = withdrawalThresholds(p);
  const gThresholds = granulomaThresholds(p);

  let now: number = s.now;
  let drug = s.drug;
  let systemic = s.systemic;
  let { dependence, tolerance, deficitH, granuloma, sedation, respiratory } = s;
  const worst = { ...s.worst };
  const log: OpioidLogEntry[] = [];
  while (now < to) {
    const isSettled =
      Math.abs(drug.spread - steady.spread) <= settledWithin &&
      Math.abs(drug.csf - steady.csf) <= settledWithin &&
      Math.abs(drug.effect - steady.effect) <= settledWithin &&
      Math.abs(drug.subdural - steady.subdural) <= settledWithin &&
      Math.abs(drug.epidural - steady.epidural) <= settledWithin &&
      Math.abs(systemicEffectEquivalent(systemic, p) - systemicEffectEquivalent(steadyOutside, p)) <= settledWithin &&
      Math.abs(pocketEffectEquivalent(systemic, p) - pocketEffectEquivalent(steadyOutside, p)) <= settledWithin;
    const ms = Math.min(to - now, isSettled ? STEADY_STEP_MS : FINE_STEP_MS);
    const h = ms / MS_PER_HOUR;
    const exposure = Math.min(1, opioidRelativeEffect({ drug, systemic, tolerance, granuloma }, p));
    drug = step(drug, inflow, ms);
    systemic = stepSystemic(systemic, p, pocketInflow, h);
    dependence = exposure + (dependence - exposure) * Math.exp(-kDependence * h);
    const tolTarget = 1 + p.tolerance.maxIncrease * exposure;
    tolerance = tolTarget + (tolerance - tolTarget) * Math.exp(-(tolTarget >= tolerance ? kGrowth : kRecovery) * h);
    // crossings on the unbounded line (so their instants are exact), then the size kept within 0-1
    const unbounded = granuloma + granulomaPerHour * h;
    for (const c of stageCrossings(GRANULOMA_STAGES, gThresholds, granuloma, unbounded, now, h))
      log.push({ at: c.at, type: `patient.granuloma.${c.stage}` });
    granuloma = Math.min(1, Math.max(0, unbounded));
    const q = opioidRelativeEffect({ drug, systemic, tolerance, granuloma }, p);
    const inDeficit = dependence >= MIN_DEPENDENCE && q < p.withdrawal.deficitRatio * dependence;
    if (inDeficit || deficitH > 0) {
      const next = inDeficit ? deficitH + h : Math.max(0, deficitH - p.withdrawal.recoveryRate * h);
      for (const c of stageCrossings(OPIOID_WITHDRAWAL_STAGES, wThresholds, deficitH, next, now, h))
        log.push({ at: c.at, type: `patient.opioidWithdrawal.${c.stage}` });
      deficitH = next;
    }
    now += ms;
    const sed = sedationStageAt(q, p);
    if (sed !== sedation) {
      log.push({ at: now as Milliseconds, type: `patient.sedation.${sed}` });
      sedation = sed;
      worst.sedation = worseOf(SEDATION_STAGES, worst.sedation, sed);
    }
    const resp = respiratoryStageAt(q, p);
    if (resp !== respiratory) {
      log.push({ at: now as Milliseconds, type: `patient.respiratoryDepression.${resp}` });
      respiratory = resp;
      worst.respiratory = worseOf(RESPIRATORY_STAGES, worst.respiratory, resp);
    }
  }
  const withdrawal = stageOf(OPIOID_WITHDRAWAL_STAGES, wThresholds, deficitH);
  const granulomaStage = stageOf(GRANULOMA_STAGES, gThresholds, granuloma);
  worst.withdrawal = worseOf(OPIOID_WITHDRAWAL_STAGES, worst.withdrawal, withdrawal);
  worst.granuloma = worseOf(GRANULOMA_STAGES, worst.granuloma, granulomaStage);
  for (const e of log) {
    if (e.type.startsWith('patient.opioidWithdrawal.'))
      worst.withdrawal = worseOf(OPIOID_WITHDRAWAL_STAGES, worst.withdrawal, e.type.slice(25) as OpioidWithdrawalStage);
  }
  return {
    now: now as Milliseconds,
    drug,
    systemic,
    dependence,
    tolerance,
    deficitH,
    granuloma,
    sedation,
    respiratory,
    withdrawal,
    granulomaStage,
    worst,
    received,
    log: log.length === 0 ? s.log : [...s.log, ...log.sort((a, b) => a.at - b.at)],
  };
}
