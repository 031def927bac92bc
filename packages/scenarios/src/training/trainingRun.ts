import {
  type ActiveBolusKind,
  massOf,
  type OverdoseStage,
  type PumpProgram,
  pumpTruthView,
  sampleWorld,
  type WithdrawalStage,
  type WorldState,
} from '@itps/core';
import { scenarioEvents, scenarioObservables } from '../runScenario.ts';
import type { TraineeAction } from './traineeActions.ts';

/** Everything scoring and the debrief need from one trainee's run of a training scenario. Plain data. */
export interface TrainingRun {
  readonly format: 'itps-training-run/1';
  readonly scenario: string;
  /** How far simulated time ran (ms). */
  readonly endedAt: number;
  readonly trainee: readonly TraineeAction[];
  /** The pump's log and the patient's course. */
  readonly events: readonly { readonly at: number; readonly type: string }[];
  /** Every observable at the end (belief, truth, patient). */
  readonly final: Readonly<Record<string, string | number>>;
  readonly worst: { readonly withdrawal: WithdrawalStage; readonly overdose: OverdoseStage };
  /** A programming session was left unfinished (sent, never verified). */
  readonly incompleteSession: boolean;
  /** The patient's course, sampled, for the debrief's plot. */
  readonly course: readonly {
    readonly at: number;
    readonly ashworth: number;
    readonly relativeEffect: number;
    readonly withdrawal: WithdrawalStage;
    readonly overdose: OverdoseStage;
    /** nL really in the reservoir (absent in records saved before it was kept). */
    readonly truthReservoirNl?: number;
    /** nL the pump believed in its reservoir (absent in records saved before it was kept). */
    readonly beliefReservoirNl?: number;
  }[];
  /**
   * What the trainee's commands changed in the pump, with the truth at that instant: what scoring
   * judges entry errors on (absent in records saved before it was kept).
   */
  readonly changes?: readonly PumpChange[];
}

/**
 * One change the trainee's command made to the pump, as the pump took it, beside what was really in
 * its reservoir then: a new program (dose, flex steps, concentration), a bolus started, a refill
 * recorded.
 */
export type PumpChange =
  | {
      readonly at: number;
      readonly kind: 'program';
      readonly old: PumpProgram;
      readonly new: PumpProgram;
      /** mcg/mL really in the reservoir (null when it is empty). */
      readonly trueMcgPerMl: number | null;
      /** A refill was recorded by the same command. */
      readonly refill: boolean;
    }
  | {
      readonly at: number;
      readonly kind: 'bolus';
      readonly bolus: ActiveBolusKind;
      readonly volumeNl: number;
      /** The concentration the pump was programmed with. */
      readonly programmedMcgPerMl: number;
      readonly trueMcgPerMl: number | null;
    }
  | {
      readonly at: number;
      readonly kind: 'refill';
      readonly recordedNl: number;
      readonly trueNl: number;
      readonly programmedMcgPerMl: number;
      readonly trueMcgPerMl: number | null;
    };

/** mcg/mL of the program's drug really in a world's reservoir (pg/nL is mcg/mL); null when it is empty. */
const trueConcentration = (world: WorldState): number | null => {
  const r = pumpTruthView(world.pump).reservoir;
  return r.volume === 0 ? null : massOf(r, world.pump.program.drug) / r.volume;
};

/**
 * What a trainee's command changed in the pump, from the world before and after it: the program,
 * a bolus started, a refill recorded, each beside the truth. Empty when it changed none of these.
 */
export function pumpChanges(before: WorldState, after: WorldState): PumpChange[] {
  const at = after.now;
  const out: PumpChange[] = [];
  const was = before.pump;
  const is = after.pump;
  const trueMcgPerMl = trueConcentration(after);
  const refilled = is.belief.lastRefill !== was.belief.lastRefill && is.belief.lastRefill !== null;
  if (JSON.stringify(was.program) !== JSON.stringify(is.program))
    out.push({ at, kind: 'program', old: was.program, new: is.program, trueMcgPerMl, refill: refilled });
  if (refilled)
    out.push({
      at,
      kind: 'refill',
      recordedNl: is.belief.calculatedReservoir,
      trueNl: pumpTruthView(is).reservoir.volume,
      programmedMcgPerMl: is.program.concentration,
      trueMcgPerMl,
    });
  if (is.bolus !== null && (was.bolus === null || was.bolus.startedAt !== is.bolus.startedAt))
    out.push({
      at,
      kind: 'bolus',
      bolus: is.bolus.kind,
      volumeNl: is.bolus.volume,
      programmedMcgPerMl: is.program.concentration,
      trueMcgPerMl,
    });
  return out;
}

/** The run record of a world at its end. */
export function trainingRunOf(
  scenario: string,
  world: WorldState,
  trainee: readonly TraineeAction[],
  options: {
    readonly incompleteSession: boolean;
    readonly course: TrainingRun['course'];
    readonly changes?: readonly PumpChange[];
  },
): TrainingRun {
  return {
    format: 'itps-training-run/1',
    scenario,
    endedAt: world.now,
    trainee,
    events: scenarioEvents(world),
    final: scenarioObservables(world),
    worst: world.patient?.state.worst ?? { withdrawal: 'none', overdose: 'none' },
    incompleteSession: options.incompleteSession,
    course: options.course,
    ...(options.changes === undefined ? {} : { changes: options.changes }),
  };
}

/** One sample of the patient's course for {@link TrainingRun.course}, from the world's one sampler; null without a patient. */
export function coursePoint(world: WorldState): TrainingRun['course'][number] | null {
  const { at, patient, truthReservoir, beliefReservoir } = sampleWorld(world);
  return patient === null
    ? null
    : { at, ...patient, truthReservoirNl: truthReservoir, beliefReservoirNl: beliefReservoir };
}
