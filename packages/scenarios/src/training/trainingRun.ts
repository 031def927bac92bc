import { type OverdoseStage, patientStatus, type Simulation, type WithdrawalStage } from '@itps/core';
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

/** The run record of a simulation at its end. */
export function trainingRunOf(
  scenario: string,
  sim: Simulation,
  trainee: readonly TraineeAction[],
  options: { readonly incompleteSession: boolean; readonly course: TrainingRun['course'] },
): TrainingRun {
  const patient = sim.patient();
  return {
    format: 'itps-training-run/1',
    scenario,
    endedAt: sim.now(),
    trainee,
    events: scenarioEvents(sim),
    final: scenarioObservables(sim),
    worst: patient?.worst ?? { withdrawal: 'none', overdose: 'none' },
    incompleteSession: options.incompleteSession,
    course: options.course,
  };
}

/** One sample of the patient's course for {@link TrainingRun.course}; null when the simulation has no patient. */
export function coursePoint(sim: Simulation): TrainingRun['course'][number] | null {
  const state = sim.patient();
  const parameters = sim.patientParameters;
  if (state === null || parameters === null) return null;
  const status = patientStatus(state, parameters);
  return {
    at: sim.now(),
    ashworth: status.ashworth,
    relativeEffect: status.relativeEffect,
    withdrawal: status.withdrawal,
    overdose: status.overdose,
  };
}
