import { picogramsToMcg } from '../units/conversions.ts';
import type { Milliseconds, Picograms } from '../units/quantity.ts';
import { MS_PER_DAY, MS_PER_HOUR, MS_PER_MINUTE } from '../units/time.ts';
import {
  type DrugInflow,
  type DrugStep,
  effectAtNeed,
  sparseRows,
  steadyAmounts,
  transitionRow,
} from './patientDynamics.ts';
import {
  OVERDOSE_STAGES,
  type OverdoseStage,
  type PatientParameters,
  WITHDRAWAL_STAGES,
  type WithdrawalStage,
} from './patientParameters.ts';
import type { PatientLogEntry, PatientState, ReceivedDrug } from './patientState.ts';

/** Longest step while the drug amounts are still moving: stage changes are timed to within it. */
const FINE_STEP_MS = 15 * MS_PER_MINUTE;
/** Longest step at steady state: dependence and tolerance move slowly, but they do move. */
const STEADY_STEP_MS = MS_PER_DAY;
/** Amounts within this share of the effect at need count as settled. */
const SETTLED = 0.002;
/** Dependence below which no deficit is felt (the patient has lost it). */
const MIN_DEPENDENCE = 0.25;

/** The patient's effect relative to need (tolerance included): 1 on exactly the dose needed. */
export const relativeEffect = (s: Pick<PatientState, 'drug' | 'tolerance'>, p: PatientParameters): number =>
  s.drug.effect / effectAtNeed(p) / s.tolerance;

/** The overdose stage for an effect relative to need. */
export function overdoseStageAt(q: number, p: PatientParameters): OverdoseStage {
  const o = p.overdose;
  if (q >= o.coma) return 'coma';
  if (q >= o.respiratoryDepression) return 'respiratoryDepression';
  if (q >= o.somnolent) return 'somnolent';
  if (q >= o.drowsy) return 'drowsy';
  return 'none';
}

function withdrawalThresholds(p: PatientParameters): readonly [WithdrawalStage, number][] {
  const w = p.withdrawal;
  return [
    ['early', w.delayH],
    ['moderate', w.delayH + w.progressionH / 2],
    ['severe', w.delayH + w.progressionH],
  ];
}

/** The withdrawal stage for hours of deficit. */
export function withdrawalStageAt(deficitH: number, p: PatientParameters): WithdrawalStage {
  let stage: WithdrawalStage = 'none';
  for (const [name, from] of withdrawalThresholds(p)) if (deficitH >= from) stage = name;
  return stage;
}

const worse = <T extends string>(order: readonly T[], a: T, b: T): T => (order.indexOf(b) > order.indexOf(a) ? b : a);

/** Figures of a patient that every step uses, worked out once per parameters object. */
interface Constants {
  readonly effectAtNeed: number;
  readonly kDependence: number;
  readonly kTolerance: number;
  readonly thresholds: readonly [WithdrawalStage, number][];
  /** `exp(-k h)` of dependence and tolerance over a fine step, the most common step by far. */
  readonly fineDependenceDecay: number;
  readonly fineToleranceDecay: number;
}

const constantsCache = new WeakMap<PatientParameters, Constants>();
function constantsOf(p: PatientParameters): Constants {
  let c = constantsCache.get(p);
  if (c === undefined) {
    const kDependence = Math.LN2 / (p.withdrawal.dependenceHalfLifeDays * 24);
    const kTolerance = Math.LN2 / (p.tolerance.halfLifeDays * 24);
    const fineH = FINE_STEP_MS / MS_PER_HOUR;
    c = {
      effectAtNeed: effectAtNeed(p),
      kDependence,
      kTolerance,
      thresholds: withdrawalThresholds(p),
      fineDependenceDecay: Math.exp(-kDependence * fineH),
      fineToleranceDecay: Math.exp(-kTolerance * fineH),
    };
    constantsCache.set(p, c);
  }
  return c;
}

/**
 * The withdrawal deficit over a step: the new hours, and each stage change at its own instant
 * (the deficit grows or falls linearly within a step, so the crossing instants are exact).
 */
function deficitOver(
  from: number,
  stepStart: number,
  p: PatientParameters,
  c: Constants,
  inDeficit: boolean,
  hours: number,
  changes: PatientLogEntry[],
): number {
  const to = inDeficit ? from + hours : Math.max(0, from - p.withdrawal.recoveryRate * hours);
  // in threshold order, though recovery crosses them from the top down: the log is sorted at the end
  for (const [stage, threshold] of c.thresholds) {
    if (from < threshold && to >= threshold) {
      changes.push({
        at: (stepStart + Math.round((threshold - from) * MS_PER_HOUR)) as Milliseconds,
        type: `patient.withdrawal.${stage}`,
      });
    } else if (from >= threshold && to < threshold) {
      const below = WITHDRAWAL_STAGES[WITHDRAWAL_STAGES.indexOf(stage) - 1] as WithdrawalStage;
      const after = (from - threshold) / p.withdrawal.recoveryRate;
      changes.push({
        at: (stepStart + Math.round(after * MS_PER_HOUR)) as Milliseconds,
        type: `patient.withdrawal.${below}`,
      });
    }
  }
  return to;
}

/**
 * The patient at `to`, given the pump's cumulative sinks then. Drug that reached each site since the
 * last call is taken to have arrived at a constant rate over the interval (callers cut time wherever
 * the pump's delivery changes); drug that arrived in no time at all (an injection through the
 * catheter access port) arrives as a bolus. Steps are short while the drug is moving and a day at
 * most once it has settled, so a long steady stretch costs a few steps.
 */
export function advancePatient(
  s: PatientState,
  p: PatientParameters,
  step: DrugStep,
  to: Milliseconds,
  received: ReceivedDrug,
): PatientState {
  const mcg = (now: number, before: number) => picogramsToMcg((now - before) as Picograms);
  const arrived = {
    intrathecal: mcg(received.csf, s.received.csf),
    subdural: mcg(received.subdural, s.received.subdural),
    epidural: mcg(received.epidural, s.received.epidural),
  };
  const duration = to - s.now;
  if (duration <= 0) {
    const drug = {
      ...s.drug,
      csf: s.drug.csf + arrived.intrathecal,
      subdural: s.drug.subdural + arrived.subdural,
      epidural: s.drug.epidural + arrived.epidural,
    };
    return { ...s, drug, received };
  }
  const hours = duration / MS_PER_HOUR;
  const inflow: DrugInflow = {
    intrathecal: arrived.intrathecal / hours,
    subdural: arrived.subdural / hours,
    epidural: arrived.epidural / hours,
  };
  const c = constantsOf(p);
  const steady = steadyAmounts(p, inflow);
  // the loop works on plain locals and builds one state at the end: a long run is many steps
  let now: number = s.now;
  // the drug amounts in locals, stepped with the transition matrix as DrugStep steps them
  let { spread, csf, effect, subdural, epidural } = s.drug;
  const { intrathecal: inIntrathecal, subdural: inSubdural, epidural: inEpidural } = inflow;
  const settledWithin = SETTLED * c.effectAtNeed;
  const f = sparseRows(step.transition(FINE_STEP_MS));
  let { dependence, tolerance, deficitH, overdose } = s;
  let worstOverdose = s.worst.overdose;
  let worstWithdrawal = s.worst.withdrawal;
  const changes: PatientLogEntry[] = [];
  while (now < to) {
    const isSettled =
      Math.abs(spread - steady.spread) <= settledWithin &&
      Math.abs(csf - steady.csf) <= settledWithin &&
      Math.abs(effect - steady.effect) <= settledWithin &&
      Math.abs(subdural - steady.subdural) <= settledWithin &&
      Math.abs(epidural - steady.epidural) <= settledWithin;
    const ms = Math.min(to - now, isSettled ? STEADY_STEP_MS : FINE_STEP_MS);
    const h = ms / MS_PER_HOUR;
    const exposure = Math.min(1, effect / c.effectAtNeed / tolerance);
    const fine = ms === FINE_STEP_MS;
    if (fine && f !== null) {
      // the fine step's rows without their zero terms, the others in the same order: the same doubles
      const nextSpread = Math.max(0, f.s0 * spread + f.s5 * inIntrathecal);
      const nextCsf = Math.max(
        0,
        f.c0 * spread +
          f.c1 * csf +
          f.c3 * subdural +
          f.c4 * epidural +
          f.c5 * inIntrathecal +
          f.c6 * inSubdural +
          f.c7 * inEpidural,
      );
      const nextEffect = Math.max(
        0,
        f.e0 * spread +
          f.e1 * csf +
          f.e2 * effect +
          f.e3 * subdural +
          f.e4 * epidural +
          f.e5 * inIntrathecal +
          f.e6 * inSubdural +
          f.e7 * inEpidural,
      );
      subdural = Math.max(0, f.d3 * subdural + f.d6 * inSubdural);
      epidural = Math.max(0, f.p4 * epidural + f.p7 * inEpidural);
      spread = nextSpread;
      csf = nextCsf;
      effect = nextEffect;
    } else {
      const phi = step.transition(ms);
      const r0 = phi[0] as readonly number[];
      const r1 = phi[1] as readonly number[];
      const r2 = phi[2] as readonly number[];
      const r3 = phi[3] as readonly number[];
      const r4 = phi[4] as readonly number[];
      // each row summed left to right, term by term: the doubles DrugStep gives
      const nextSpread = Math.max(
        0,
        transitionRow(r0, spread, csf, effect, subdural, epidural, inIntrathecal, inSubdural, inEpidural),
      );
      const nextCsf = Math.max(
        0,
        transitionRow(r1, spread, csf, effect, subdural, epidural, inIntrathecal, inSubdural, inEpidural),
      );
      const nextEffect = Math.max(
        0,
        transitionRow(r2, spread, csf, effect, subdural, epidural, inIntrathecal, inSubdural, inEpidural),
      );
      const nextSubdural = Math.max(
        0,
        transitionRow(r3, spread, csf, effect, subdural, epidural, inIntrathecal, inSubdural, inEpidural),
      );
      const nextEpidural = Math.max(
        0,
        transitionRow(r4, spread, csf, effect, subdural, epidural, inIntrathecal, inSubdural, inEpidural),
      );
      spread = nextSpread;
      csf = nextCsf;
      effect = nextEffect;
      subdural = nextSubdural;
      epidural = nextEpidural;
    }
    dependence = exposure + (dependence - exposure) * (fine ? c.fineDependenceDecay : Math.exp(-c.kDependence * h));
    const tolTarget = 1 + p.tolerance.maxIncrease * exposure;
    tolerance = tolTarget + (tolerance - tolTarget) * (fine ? c.fineToleranceDecay : Math.exp(-c.kTolerance * h));
    const q = effect / c.effectAtNeed / tolerance;
    const inDeficit = dependence >= MIN_DEPENDENCE && q < p.withdrawal.deficitRatio * dependence;
    // no deficit and none building: nothing to move and no stage to cross
    if (inDeficit || deficitH > 0) deficitH = deficitOver(deficitH, now, p, c, inDeficit, h, changes);
    now += ms;
    const stage = overdoseStageAt(q, p);
    if (stage !== overdose) {
      changes.push({ at: now as Milliseconds, type: `patient.overdose.${stage}` });
      overdose = stage;
      worstOverdose = worse(OVERDOSE_STAGES, worstOverdose, stage);
    }
  }
  const withdrawal = withdrawalStageAt(deficitH, p);
  for (const ch of changes) {
    if (ch.type.startsWith('patient.withdrawal.'))
      worstWithdrawal = worse(WITHDRAWAL_STAGES, worstWithdrawal, ch.type.slice(19) as WithdrawalStage);
  }
  // every field, in the order createPatientState makes them (one shape for every state)
  return {
    now: now as Milliseconds,
    drug: { spread, csf, effect, subdural, epidural },
    dependence,
    tolerance,
    deficitH,
    withdrawal,
    overdose,
    worst: { withdrawal: worstWithdrawal, overdose: worstOverdose },
    received,
    log: changes.length === 0 ? s.log : [...s.log, ...changes.sort((a, b) => a.at - b.at)],
  };
}
