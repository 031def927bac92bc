import { type OverdoseStage, sampleWorld, type WithdrawalStage, type WorldState } from '@itps/core';
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
  }[];
}

/** The run record of a world at its end. */
export function trainingRunOf(
  scenario: string,
  world: WorldState,
  trainee: readonly TraineeAction[],
  options: { readonly incompleteSession: boolean; readonly course: TrainingRun['course'] },
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
  };
}

/** One sample of the patient's course for {@link TrainingRun.course}, from the world's one sampler; null without a patient. */
export function coursePoint(world: WorldState): TrainingRun['course'][number] | null {
  const { at, patient } = sampleWorld(world);
  return patient === null ? null : { at, ...patient };
}
