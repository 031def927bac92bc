import { picogramsToMcg } from '../units/conversions.ts';
import type { Milliseconds, Picograms } from '../units/quantity.ts';
import { MS_PER_DAY, MS_PER_HOUR, MS_PER_MINUTE } from '../units/time.ts';
import {
  type DrugAmounts,
  type DrugInflow,
  type DrugStep,
  NO_INFLOW,
  rateConstants,
  steadyAmounts,
} from './patientDynamics.ts';
import type { ReceivedDrug } from './patientState.ts';
import { stageOf, worseOf } from './stageCrossings.ts';
import {
  NEUROPSYCHIATRIC_STAGES,
  type NeuropsychiatricStage,
  type ZiconotideParameters,
} from './ziconotideParameters.ts';

/** Names of the ziconotide patient's course entries. */
export type ZiconotideLogType = `patient.neuropsychiatric.${NeuropsychiatricStage}`;

/** A change of the ziconotide patient's adverse-effect stage. */
export interface ZiconotideLogEntry {
  readonly at: Milliseconds;
  readonly type: ZiconotideLogType;
}

/** The ziconotide patient at one instant. Plain data. */
export interface ZiconotideState {
  readonly now: Milliseconds;
  /** Ziconotide in the patient, mcg. */
  readonly drug: DrugAmounts;
  /** The effect relative to need the patient has adapted to. */
  readonly adapted: number;
  /** The adverse burden: the effect relative to need followed over weeks. */
  readonly burden: number;
  readonly adverse: NeuropsychiatricStage;
  readonly worst: { readonly adverse: NeuropsychiatricStage };
  readonly received: ReceivedDrug;
  readonly log: readonly ZiconotideLogEntry[];
}

const FINE_STEP_MS = 15 * MS_PER_MINUTE;
const STEADY_STEP_MS = MS_PER_DAY;
const SETTLED = 0.002;

/** The effect-compartment amount at steady state on the need, mcg. */
export const ziconotideEffectAtNeed = (p: ZiconotideParameters): number =>
  p.needMcgPerDay / 24 / rateConstants(p).elimination;

/** Effect relative to need: 1 on exactly the dose needed (no tolerance to ziconotide). */
export const ziconotideRelativeEffect = (s: Pick<ZiconotideState, 'drug'>, p: ZiconotideParameters): number =>
  s.drug.effect / ziconotideEffectAtNeed(p);

/** The adverse-effect stage for a burden and an excess of the effect over what the patient has adapted to. */
export function neuropsychiatricStageAt(
  burden: number,
  excess: number,
  p: ZiconotideParameters,
): NeuropsychiatricStage {
  const a = p.adverse;
  const byBurden = stageOf(
    NEUROPSYCHIATRIC_STAGES,
    [
      ['mild', a.mild.burden],
      ['confusion', a.confusion.burden],
      ['psychosis', a.psychosis.burden],
    ],
    burden,
  );
  const byExcess = stageOf(
    NEUROPSYCHIATRIC_STAGES,
    [
      ['mild', a.mild.excess],
      ['confusion', a.confusion.excess],
      ['psychosis', a.psychosis.excess],
    ],
    excess,
  );
  return worseOf(NEUROPSYCHIATRIC_STAGES, byBurden, byExcess);
}

/** A ziconotide patient settled on a daily dose (adapted to it), or on none. */
export function createZiconotideState(
  p: ZiconotideParameters,
  start: { readonly at: Milliseconds; readonly dailyDoseMcg: number; readonly received?: ReceivedDrug },
): ZiconotideState {
  const drug = steadyAmounts(p, { ...NO_INFLOW, intrathecal: start.dailyDoseMcg / 24 });
  const q = ziconotideRelativeEffect({ drug }, p);
  const adverse = neuropsychiatricStageAt(q, 0, p);
  return {
    now: start.at,
    drug,
    adapted: q,
    burden: q,
    adverse,
    worst: { adverse },
    received: start.received ?? { csf: 0, subdural: 0, epidural: 0 },
    log: [],
  };
}

/**
 * The ziconotide patient at `to`, given the pump's cumulative sinks then (drug since the last call
 * arrived at a constant rate; drug that came in no time is a bolus into the CSF). Stages change at
 * step ends: 15 minutes at most while the drug moves, a day once it has settled.
 */
export function advanceZiconotide(
  s: ZiconotideState,
  p: ZiconotideParameters,
  step: DrugStep,
  to: Milliseconds,
  received: ReceivedDrug,
): ZiconotideState {
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
  const within = SETTLED * ziconotideEffectAtNeed(p);
  const kBurden = Math.LN2 / (p.adverse.burdenHalfLifeDays * 24);
  const kAdapt = Math.LN2 / (p.adverse.adaptationHalfLifeDays * 24);
  let now: number = s.now;
  let { drug, adapted, burden, adverse } = s;
  let worst = s.worst.adverse;
  const log: ZiconotideLogEntry[] = [];
  while (now < to) {
    const isSettled =
      Math.abs(drug.spread - steady.spread) <= within &&
      Math.abs(drug.csf - steady.csf) <= within &&
      Math.abs(drug.effect - steady.effect) <= within &&
      Math.abs(drug.subdural - steady.subdural) <= within &&
      Math.abs(drug.epidural - steady.epidural) <= within;
    const ms = Math.min(to - now, isSettled ? STEADY_STEP_MS : FINE_STEP_MS);
    const h = ms / MS_PER_HOUR;
    drug = step(drug, inflow, ms);
    const q = ziconotideRelativeEffect({ drug }, p);
    burden = q + (burden - q) * Math.exp(-kBurden * h);
    adapted = q + (adapted - q) * Math.exp(-kAdapt * h);
    now += ms;
    const stage = neuropsychiatricStageAt(burden, q - adapted, p);
    if (stage !== adverse) {
      log.push({ at: now as Milliseconds, type: `patient.neuropsychiatric.${stage}` });
      adverse = stage;
      worst = worseOf(NEUROPSYCHIATRIC_STAGES, worst, stage);
    }
  }
  return {
    now: now as Milliseconds,
    drug,
    adapted,
    burden,
    adverse,
    worst: { adverse: worst },
    received,
    log: log.length === 0 ? s.log : [...s.log, ...log],
  };
}
