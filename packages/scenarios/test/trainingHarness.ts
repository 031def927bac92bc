import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type ClinicianEvent, type Milliseconds, programmerView, restartDraft } from '@itps/core';
import { perform } from '../src/applyAction.ts';
import {
  formatProblem,
  parseDuration,
  parseScenario,
  type ScenarioFile,
  startTraining,
  type TrainingRun,
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

/**
 * One step of a scripted trainee at an instant: read the pump on the programmer (`interrogate`),
 * restart therapy through the programmer (`restart`), do something at the pump (as a timeline
 * action), and/or record a clinical action.
 */
export interface TraineeStep {
  readonly at: string;
  readonly pump?: ActionAt | 'interrogate' | 'restart';
  readonly trainee?: string;
  readonly detail?: string;
}

const ms = (d: string): Milliseconds => {
  const parsed = parseDuration(d);
  if (parsed === null) throw new Error(`trainingHarness: ${d} is not a duration`);
  return parsed;
};

/**
 * Plays a training scenario with a scripted trainee through the package's training session, as the
 * app does: the story before the visit unseen, the scenario's timeline (the hidden truth) playing as
 * time moves, every trainee step a command through the session's door, then the rest of the story.
 */
export function playTraining(s: ScenarioFile, steps: readonly TraineeStep[]): TrainingRun {
  const training = startTraining(s, { text: JSON.stringify(s), file: s.name });
  const door = { apply: training.apply, state: () => training.world.state() };
  const act = (event: ClinicianEvent) => training.apply({ type: 'programmer.act', event });
  for (const step of [...steps].sort((a, b) => ms(a.at) - ms(b.at))) {
    const at = ms(step.at);
    if (at > training.world.state().now) training.apply({ type: 'time.advance', to: at });
    if (step.pump === 'interrogate') act({ type: 'session.connect' });
    else if (step.pump === 'restart') {
      act({ type: 'session.connect' });
      const view = programmerView(training.world.state()).pump;
      if (view === null) throw new Error('trainingHarness: the programmer read nothing');
      act({ type: 'workflow.start', workflow: 'stopRestart' });
      act({ type: 'draft.change', draft: restartDraft(view, view.therapy) });
      for (const f of programmerView(training.world.state()).findings)
        if (f.severity === 'confirm') act({ type: 'finding.confirm', code: f.code });
      act({ type: 'review.open' });
      act({ type: 'review.confirm' });
    } else if (step.pump !== undefined) perform(door, { ...step.pump, at } as ScenarioAction, catheterVolumePerCm(s));
    if (step.trainee !== undefined)
      training.apply({
        type: 'clinical.act',
        action: step.trainee,
        ...(step.detail === undefined ? {} : { detail: step.detail }),
      });
  }
  return training.finish().run;
}
