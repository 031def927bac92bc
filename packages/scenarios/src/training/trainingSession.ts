import {
  type CommandResult,
  createWorld,
  type Milliseconds,
  MS_PER_HOUR,
  programmerView,
  type World,
  type WorldCommand,
  type WorldSnapshot,
} from '@itps/core';
import { createScenarioWorld } from '../runScenario.ts';
import { createScenarioPlayer, type ScenarioPlayer } from '../scenarioPlayer.ts';
import type { ScenarioFile } from '../scenarioSchema.ts';
import { type ProgrammerScreen, programmerScreen, sameScreen } from './programmerScreen.ts';
import { type InjectedFault, scoreTraining, type TrainingDebrief, trainingOf } from './scoreTraining.ts';
import type { TraineeAction } from './traineeActions.ts';
import { coursePoint, type PumpChange, pumpChanges, type TrainingRun, trainingRunOf } from './trainingRun.ts';

/** The patient's course is sampled at most this often (simulated time). */
export const COURSE_EVERY_MS = 15 * 60_000;
/** Course points after which the sampling spacing doubles, so years stay a few thousand points. */
const MAX_COURSE = 2000;

type CoursePoint = TrainingRun['course'][number];

/** Everything a training session must keep to go on later: plain, serialisable data. */
export interface TrainingRecord {
  readonly format: 'itps-training/2';
  /** The scenario file's text and name, parsed again on resume. */
  readonly source: { readonly text: string; readonly file: string };
  readonly seed: number;
  readonly trainee: readonly TraineeAction[];
  readonly course: readonly CoursePoint[];
  /**
   * What the trainee's programmer showed after each of their programmer actions, for the debrief's
   * replay (absent in records saved before it was kept).
   */
  readonly screens?: readonly ProgrammerScreen[];
  /**
   * What the trainee's commands changed in the pump, beside the truth then (absent in records saved
   * before it was kept): scoring names entry errors from it.
   */
  readonly changes?: readonly PumpChange[];
  /** The debrief once the exercise is finished; null while it runs. */
  readonly debrief: TrainingDebrief | null;
}

/**
 * One trainee's exercise: the world behind its door, the scenario's timeline playing onto it as time
 * moves, the trainee's actions recorded from the commands they give, the patient's course sampled,
 * and the score and debrief at the end. The app and the tests use it as it is.
 */
export interface TrainingSession {
  readonly scenario: ScenarioFile;
  /** The world, for its views and for saving; act on it only through {@link TrainingSession.apply}. */
  readonly world: World;
  /**
   * The exercise's door: applies a command to the world, playing the scenario's timeline as time
   * moves, and records what the trainee did (programmer steps, clinical actions).
   */
  apply(command: WorldCommand): CommandResult;
  /** The next instant of the scenario's timeline, or null when it is done. */
  nextStepAt(): Milliseconds | null;
  /**
   * Runs the rest of the story to the scenario's end and scores the run: the run record and its
   * debrief (with the faults the instructor injected, when given, on its timeline and as causes).
   */
  finish(injected?: readonly InjectedFault[]): { readonly run: TrainingRun; readonly debrief: TrainingDebrief };
  /** What to save. */
  record(): TrainingRecord;
}

/** At most this many screens are kept for the replay (a long exercise keeps its first ones). */
export const MAX_SCREENS = 2000;

interface Progress {
  trainee: TraineeAction[];
  course: CoursePoint[];
  screens: ProgrammerScreen[];
  changes: PumpChange[];
  debrief: TrainingDebrief | null;
  run: TrainingRun | null;
}

function session(
  scenario: ScenarioFile,
  source: TrainingRecord['source'],
  seed: number,
  world: World,
  player: ScenarioPlayer,
  progress: Progress,
): TrainingSession {
  const sample = () => {
    const point = coursePoint(world.state());
    if (point === null) return;
    const last = progress.course[progress.course.length - 1];
    if (last !== undefined && point.at === last.at) return;
    progress.course.push(point);
  };
  const spacing = () => COURSE_EVERY_MS * 2 ** Math.floor(progress.course.length / MAX_COURSE);
  /** Moves time, sampling the course at its spacing on the way so a long jump still draws its curve. */
  const advance = (to: Milliseconds, pace?: number) => {
    for (;;) {
      const last = progress.course[progress.course.length - 1]?.at ?? world.state().now;
      const next = last + spacing();
      if (next > to) break;
      player.advanceTo(next as Milliseconds, pace);
      sample();
    }
    player.advanceTo(to, pace);
  };
  const note = (action: TraineeAction) => {
    if (progress.debrief === null) progress.trainee.push(action);
  };
  const recordProgrammer = (command: Extract<WorldCommand, { type: 'programmer.act' }>, result: CommandResult) => {
    if (!result.ok) return;
    const before = beforeView;
    const after = programmerView(world.state());
    let was = before.session;
    let wasAt = result.at;
    for (const step of result.trail ?? []) {
      if (was === 'disconnected' && step.session === 'connecting') note({ at: step.at, type: 'programmer.connect' });
      if (step.session === 'sending') note({ at: step.at, type: 'programmer.sent' });
      if (step.session === 'verifying') note({ at: step.at, type: 'programmer.verify' });
      was = step.session;
      wasAt = step.at;
    }
    if (after.workflow !== null && after.workflow !== before.workflow)
      note({ at: wasAt, type: 'programmer.workflow', detail: after.workflow });
    for (const code of after.acknowledged)
      if (!before.acknowledged.includes(code))
        note({ at: result.at, type: 'programmer.softLimitConfirmed', detail: code });
    if (command.event.type === 'therapy.restart') note({ at: result.at, type: 'programmer.restart' });
  };
  let beforeView = programmerView(world.state());
  /** The programmer's screen now, kept when it differs from the last one kept (while the exercise runs). */
  const keepScreen = () => {
    if (progress.debrief !== null || progress.screens.length >= MAX_SCREENS) return;
    const screen = programmerScreen(programmerView(world.state()));
    const last = progress.screens[progress.screens.length - 1];
    if (last === undefined || !sameScreen(last, screen)) progress.screens.push(screen);
  };
  return {
    scenario,
    world,
    apply(command) {
      if (command.type === 'time.advance') {
        if (command.to < world.state().now) return world.apply(command);
        advance(command.to, command.pace);
        return { ok: true, at: world.state().now };
      }
      beforeView = programmerView(world.state());
      const beforeWorld = world.state();
      const result = world.apply(command);
      // what the trainee's command did to the pump, beside the truth (scenario steps are not the trainee's)
      if (result.ok && progress.debrief === null) progress.changes.push(...pumpChanges(beforeWorld, world.state()));
      if (command.type === 'programmer.act') {
        recordProgrammer(command, result);
        keepScreen();
      }
      if (command.type === 'pump.replace' && result.ok) note({ at: result.at, type: 'clinical.pumpReplaced' });
      if (command.type === 'pump.connect' && result.ok) note({ at: result.at, type: 'clinical.catheterConnected' });
      if (command.type === 'patient.testDose' && result.ok)
        note({
          at: result.at,
          type: 'clinical.testDose',
          detail: `${command.doseMcg} mcg${command.drug === 'morphine' ? ' of morphine' : ''}`,
        });
      if (command.type === 'clinical.act' && result.ok)
        note({
          at: result.at,
          type: command.action,
          ...(command.detail === undefined ? {} : { detail: command.detail }),
        });
      return result;
    },
    nextStepAt: () => player.nextStepAt(),
    finish(injected = []) {
      if (progress.debrief !== null && progress.run !== null) return { run: progress.run, debrief: progress.debrief };
      // the rest of the story: the scenario runs on to its end, so the debrief shows what followed
      const end = scenario.duration;
      for (let t = world.state().now + MS_PER_HOUR; t < end; t += MS_PER_HOUR) advance(t as Milliseconds);
      if (end > world.state().now) advance(end);
      sample();
      const run = trainingRunOf(scenario.name, world.state(), progress.trainee, {
        incompleteSession: programmerView(world.state()).incomplete,
        course: progress.course,
        changes: progress.changes,
      });
      progress.run = run;
      progress.debrief = scoreTraining(scenario, run, injected);
      return { run, debrief: progress.debrief };
    },
    record: () => ({
      format: 'itps-training/2',
      source,
      seed,
      trainee: [...progress.trainee],
      course: [...progress.course],
      screens: [...progress.screens],
      changes: [...progress.changes],
      debrief: progress.debrief,
    }),
  };
}

/**
 * Starts an exercise: a new world from the scenario, the story before the visit run unseen (the
 * patient's course still sampled hourly, for the debrief), the trainee meeting the patient at
 * `training.visitAt`.
 */
export function startTraining(
  scenario: ScenarioFile,
  source: TrainingRecord['source'],
  seed = scenario.seed ?? 1,
): TrainingSession {
  const world = createScenarioWorld(scenario, seed);
  const player = createScenarioPlayer(scenario, world);
  const progress: Progress = { trainee: [], course: [], screens: [], changes: [], debrief: null, run: null };
  const visit = trainingOf(scenario).visitAt ?? 0;
  for (let t = 0; ; t = Math.min(visit, t + MS_PER_HOUR)) {
    player.advanceTo(t as Milliseconds);
    const point = coursePoint(world.state());
    if (point !== null) progress.course.push(point);
    if (t >= visit) break;
  }
  return session(scenario, source, seed, world, player, progress);
}

/** Goes on with a saved exercise: its world restored, the scenario's timeline resumed where the world is. */
export function resumeTraining(
  scenario: ScenarioFile,
  record: TrainingRecord,
  snapshot: WorldSnapshot,
): TrainingSession {
  const world = createWorld(snapshot.input, snapshot);
  const player = createScenarioPlayer(scenario, world, { playedThrough: world.state().now });
  const progress: Progress = {
    trainee: [...record.trainee],
    course: [...record.course],
    screens: [...(record.screens ?? [])],
    changes: [...(record.changes ?? [])],
    debrief: record.debrief,
    run: null,
  };
  return session(scenario, record.source, record.seed, world, player, progress);
}
