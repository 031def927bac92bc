import { picogramsToMcg } from '../units/conversions.ts';
import type { Milliseconds, Picograms } from '../units/quantity.ts';
import { MS_PER_DAY, MS_PER_HOUR, MS_PER_MINUTE } from '../units/time.ts';
import { type DrugAmounts, type DrugInflow, type DrugStep, effectAtNeed, steadyAmounts } from './patientDynamics.ts';
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

function settled(a: DrugAmounts, b: DrugAmounts, scale: number): boolean {
  const tol = SETTLED * scale;
  return (
    Math.abs(a.spread - b.spread) <= tol &&
    Math.abs(a.csf - b.csf) <= tol &&
    Math.abs(a.effect - b.effect) <= tol &&
    Math.abs(a.subdural - b.subdural) <= tol &&
    Math.abs(a.epidural - b.epidural) <= tol
  );
}

/** The withdrawal deficit over a step: new hours, and each stage change at its own instant. */
function deficitOver(
  s: PatientState,
  p: PatientParameters,
  inDeficit: boolean,
  hours: number,
): { deficitH: number; changes: PatientLogEntry[] } {
  const from = s.deficitH;
  const to = inDeficit ? from + hours : Math.max(0, from - p.withdrawal.recoveryRate * hours);
  const changes: PatientLogEntry[] = [];
  for (const [stage, threshold] of withdrawalThresholds(p)) {
    const below = WITHDRAWAL_STAGES[WITHDRAWAL_STAGES.indexOf(stage) - 1] as WithdrawalStage;
    if (from < threshold && to >= threshold) {
      changes.push({
        at: (s.now + Math.round((threshold - from) * MS_PER_HOUR)) as Milliseconds,
        type: `patient.withdrawal.${stage}`,
      });
    } else if (from >= threshold && to < threshold) {
      const after = (from - threshold) / p.withdrawal.recoveryRate;
      changes.push({
        at: (s.now + Math.round(after * MS_PER_HOUR)) as Milliseconds,
        type: `patient.withdrawal.${below}`,
      });
    }
  }
  // recovery crosses thresholds from the top down
  if (!inDeficit) changes.reverse();
  return { deficitH: to, changes };
}

function stepPatient(
  s: PatientState,
  p: PatientParameters,
  step: DrugStep,
  inflow: DrugInflow,
  ms: number,
): PatientState {
  const hours = ms / MS_PER_HOUR;
  const q = relativeEffect(s, p);
  const drug = step(s.drug, inflow, ms);
  const dep = Math.min(1, q);
  const kDep = Math.LN2 / (p.withdrawal.dependenceHalfLifeDays * 24);
  const dependence = dep + (s.dependence - dep) * Math.exp(-kDep * hours);
  const tolTarget = 1 + p.tolerance.maxIncrease * dep;
  const kTol = Math.LN2 / (p.tolerance.halfLifeDays * 24);
  const tolerance = tolTarget + (s.tolerance - tolTarget) * Math.exp(-kTol * hours);
  const qEnd = drug.effect / effectAtNeed(p) / tolerance;
  const inDeficit = dependence >= MIN_DEPENDENCE && qEnd < p.withdrawal.deficitRatio * dependence;
  const { deficitH, changes } = deficitOver(s, p, inDeficit, hours);
  const now = (s.now + ms) as Milliseconds;
  const overdose = overdoseStageAt(qEnd, p);
  if (overdose !== s.overdose) changes.push({ at: now, type: `patient.overdose.${overdose}` });
  const withdrawal = withdrawalStageAt(deficitH, p);
  return {
    ...s,
    now,
    drug,
    dependence,
    tolerance,
    deficitH,
    withdrawal,
    overdose,
    worst: {
      withdrawal: worse(WITHDRAWAL_STAGES, s.worst.withdrawal, withdrawal),
      overdose: worse(OVERDOSE_STAGES, s.worst.overdose, overdose),
    },
    log: changes.length === 0 ? s.log : [...s.log, ...changes.sort((a, b) => a.at - b.at)],
  };
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
  const steady = steadyAmounts(p, inflow);
  const scale = effectAtNeed(p);
  let state: PatientState = { ...s, received };
  while (state.now < to) {
    const left = to - state.now;
    const ms = Math.min(left, settled(state.drug, steady, scale) ? STEADY_STEP_MS : FINE_STEP_MS);
    state = stepPatient(state, p, step, inflow, ms);
  }
  return state;
}
