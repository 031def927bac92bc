import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Milliseconds } from '@itps/core';
import { perform } from '../src/applyAction.ts';
import {
  coursePoint,
  createScenarioPlayer,
  createScenarioWorld,
  formatProblem,
  parseDuration,
  parseScenario,
  type ScenarioFile,
  type TraineeAction,
  type TrainingRun,
  trainingRunOf,
} from '../src/index.ts';
import { catheterVolumePerCm } from '../src/scenarioPlayer.ts';
import type { ScenarioAction } from '../src/scenarioSchema.ts';

export const TRAINING_DIR = join(import.meta.dirname, '..', 'training');

/** Every training scenario of the library, parsed. */
export function trainingLibrary(): { file: string; scenario: ScenarioFile }[] {
  return readdirSync(TRAINING_DIR)
    .filter((f) => f.endsWith('.scenario.yaml'))
    .sort()
    .map((file) => {
      const parsed = parseScenario(readFileSync(join(TRAINING_DIR, file), 'utf8'), file);
      if (!parsed.ok) throw new Error(parsed.problems.map(formatProblem).join('\n'));
      return { file, scenario: parsed.scenario };
    });
}

/** A timeline action without its instant (distributed over the union, so each action keeps its own fields). */
type ActionAt = ScenarioAction extends infer A ? (A extends unknown ? Omit<A, 'at'> : never) : never;

/** One step of a scripted trainee: at an instant, do something to the pump (as a timeline action) and/or record an action. */
export interface TraineeStep {
  readonly at: string;
  readonly pump?: ActionAt | 'interrogate' | 'restart';
  readonly trainee?: string;
  readonly detail?: string;
}

const ms = (d: string) => (parseDuration(d) ?? 0) as Milliseconds;

/**
 * Plays a training scenario with a scripted trainee, the way the app does: the scenario's own
 * timeline (the hidden truth) plays as time moves; the trainee's pump actions happen whole at their
 * instants; the patient's course is sampled hourly.
 */
export function playTraining(s: ScenarioFile, steps: readonly TraineeStep[]): TrainingRun {
  const world = createScenarioWorld(s, s.seed ?? 1);
  const sim = world.simulation;
  const player = createScenarioPlayer(s, world);
  const trainee: TraineeAction[] = [];
  const course: TrainingRun['course'][number][] = [];
  const end = ms(s.duration);
  const due = [...steps].sort((a, b) => ms(a.at) - ms(b.at));
  let next = 0;
  for (let t = 0; t <= end; t += 3_600_000) {
    for (let step = due[next]; step !== undefined && ms(step.at) <= t; step = due[next]) {
      next += 1;
      player.advanceTo(ms(step.at));
      if (step.pump === 'interrogate') sim.send({ type: 'telemetry.interrogate' });
      else if (step.pump === 'restart') {
        sim.send({ type: 'update.abort' });
        sim.send({ type: 'therapy.start' });
      } else if (step.pump !== undefined)
        perform(world, { ...step.pump, at: step.at } as ScenarioAction, catheterVolumePerCm(s));
      if (step.trainee !== undefined)
        trainee.push({ at: ms(step.at), type: step.trainee, ...(step.detail ? { detail: step.detail } : {}) });
    }
    player.advanceTo(t as Milliseconds);
    const point = coursePoint(sim);
    if (point !== null) course.push(point);
  }
  return trainingRunOf(s.name, sim, trainee, { incompleteSession: false, course });
}
