import {
  type CommandResult,
  createWorld,
  type Milliseconds,
  sampleWorld,
  type TraineeView,
  traineeView,
  type World,
  type WorldCommand,
  type WorldSample,
  type WorldState,
} from '@itps/core';
import {
  createScenarioPlayer,
  createScenarioWorld,
  formatProblem,
  parseSavedSession,
  parseScenario,
  resumeTraining,
  type SavedSession,
  type ScenarioFile,
  type ScenarioPlayer,
  SESSION_FORMAT,
  startTraining,
  type TrainingDebrief,
  type TrainingSession,
  trainingOf,
} from '@itps/scenarios';
import { initialPump } from './initialPump.ts';
import type { ChangeKind, ScenarioSourceText, StageInfo, WorldDoor } from './worldDoor.ts';

/** The plots' first sample spacing (simulated time), doubled each time the series passes its maximum. */
const SERIES_START_SPACING_MS = 15 * 60_000;
/** Most samples a series keeps: a seven-year run stays a few hundred points. */
const SERIES_MAX = 800;

/** A scenario file as the app keeps it: its text (to save) and its parsed form (to play). */
export interface LoadedScenario {
  readonly source: ScenarioSourceText;
  readonly scenario: ScenarioFile;
}

/**
 * What the page runs: a world, and what plays onto it. A free session has neither a scenario nor an
 * exercise; an instructor's scenario plays its timeline as time moves; an exercise is a training
 * session (which plays its own scenario and records the trainee).
 */
export interface Stage {
  readonly world: World;
  readonly scenario: LoadedScenario | null;
  readonly player: ScenarioPlayer | null;
  readonly training: TrainingSession | null;
}

/** A new free session: the bench's pump at 08:00 on day 0. */
export const freeStage = (): Stage => ({
  world: createWorld({ pump: initialPump, origin: 'spinal' }),
  scenario: null,
  player: null,
  training: null,
});

/** A stage that plays an instructor's scenario from t = 0. */
export function scenarioStage(loaded: LoadedScenario): Stage {
  const world = createScenarioWorld(loaded.scenario, loaded.scenario.seed ?? 1);
  return { world, scenario: loaded, player: createScenarioPlayer(loaded.scenario, world), training: null };
}

/** A stage running an exercise from its start (the story before the visit runs unseen). */
export function trainingStage(loaded: LoadedScenario): Stage {
  const training = startTraining(loaded.scenario, loaded.source);
  return { world: training.world, scenario: null, player: null, training };
}

/** The stage a checked saved session describes (see `parseSavedSession`). */
export function restoredStage(session: SavedSession, scenario: ScenarioFile | null): Stage {
  if (session.training !== null && scenario !== null) {
    const training = resumeTraining(scenario, session.training, session.world);
    return { world: training.world, scenario: null, player: null, training };
  }
  const world = createWorld(session.world.input, session.world);
  if (session.scenario === null || scenario === null) return { world, scenario: null, player: null, training: null };
  return {
    world,
    scenario: { source: session.scenario, scenario },
    player: createScenarioPlayer(scenario, world, { playedThrough: world.state().now }),
    training: null,
  };
}

/**
 * The world behind its door in the window that holds it: the stage it runs (a free world, an
 * instructor's scenario and its player, or a training session), commands applied through the
 * stage's door, a version bumped at every change, and the world's state read once per version.
 * Holds no domain logic: the stage does the work.
 */
export class LocalDoor implements WorldDoor {
  #stage: Stage;
  #version = 0;
  #state: { version: number; state: WorldState } | null = null;
  #trainee: { version: number; view: TraineeView } | null = null;
  readonly classroom = null;
  readonly #listeners = new Set<(kind: ChangeKind) => void>();
  /** The plots' series, sampled by simulated time (never by frames), thinned as it grows. */
  #series: WorldSample[] = [];
  #spacing = SERIES_START_SPACING_MS;

  constructor(stage: Stage) {
    this.#stage = stage;
    this.#series = [sampleWorld(stage.world.state())];
  }

  get version(): number {
    return this.#version;
  }

  state(): WorldState {
    if (this.#state?.version !== this.#version)
      this.#state = { version: this.#version, state: this.#stage.world.state() };
    return this.#state.state;
  }

  trainee(): TraineeView {
    if (this.#trainee?.version !== this.#version)
      this.#trainee = { version: this.#version, view: traineeView(this.state()) };
    return this.#trainee.view;
  }

  info(): StageInfo {
    const { scenario, training } = this.#stage;
    return {
      scenario: scenario === null ? null : { name: scenario.scenario.name },
      training:
        training === null
          ? null
          : {
              name: training.scenario.name,
              brief: trainingOf(training.scenario).brief,
              phase: trainingOf(training.scenario).phase ?? 'implanted',
              record: training.record(),
            },
      nextStepAt: training?.nextStepAt() ?? this.#stage.player?.nextStepAt() ?? null,
    };
  }

  /** Applies a command at once (the same as {@link LocalDoor.apply}, without the promise). */
  applyNow(command: WorldCommand, kind: ChangeKind = 'act'): CommandResult {
    let result: CommandResult;
    if (command.type === 'time.advance' && command.to >= this.#stage.world.state().now) {
      // time moves from sample to sample, so the plots keep up at every speed and over any jump
      for (let t = this.#nextSampleAt(); t <= command.to; t = this.#nextSampleAt()) {
        this.#through({ ...command, to: t });
        this.#sample();
      }
      result = this.#through(command);
    } else result = this.#through(command);
    this.#changed(kind);
    return result;
  }

  /** The plots' series: every sample so far, and the world now. */
  series(): readonly WorldSample[] {
    const now = sampleWorld(this.state());
    const last = this.#series[this.#series.length - 1];
    return last !== undefined && last.at === now.at ? this.#series : [...this.#series, now];
  }

  /** A command through the stage's own door: the exercise's, the scenario's player, or the world's. */
  #through(command: WorldCommand): CommandResult {
    const { training, player, world } = this.#stage;
    if (training !== null) return training.apply(command);
    if (player !== null && command.type === 'time.advance' && command.to >= world.state().now) {
      player.advanceTo(command.to, command.pace);
      return { ok: true, at: world.state().now };
    }
    return world.apply(command);
  }

  #nextSampleAt(): Milliseconds {
    const last = this.#series[this.#series.length - 1]?.at ?? 0;
    return (last + this.#spacing) as Milliseconds;
  }

  #sample(): void {
    this.#series.push(sampleWorld(this.#stage.world.state()));
    if (this.#series.length > SERIES_MAX) {
      this.#series = this.#series.filter((_, i) => i % 2 === 0);
      this.#spacing *= 2;
    }
  }

  apply(command: WorldCommand, kind: ChangeKind = 'act'): Promise<CommandResult> {
    return Promise.resolve(this.applyNow(command, kind));
  }

  async loadScenario(source: ScenarioSourceText): Promise<readonly string[]> {
    const parsed = parseScenario(source.text, source.file);
    if (!parsed.ok) return parsed.problems.map(formatProblem);
    this.#replace(scenarioStage({ source, scenario: parsed.scenario }));
    return [];
  }

  async startExercise(source: ScenarioSourceText): Promise<readonly string[]> {
    const parsed = parseScenario(source.text, source.file);
    if (!parsed.ok) return parsed.problems.map(formatProblem);
    if (parsed.scenario.patient === undefined)
      return [`${source.file}: patient: expected a patient (patient.origin) for an exercise, found none`];
    this.#replace(trainingStage({ source, scenario: parsed.scenario }));
    return [];
  }

  async finishExercise(): Promise<TrainingDebrief | null> {
    const training = this.#stage.training;
    if (training === null) return null;
    const { debrief } = training.finish();
    this.#changed('act');
    return debrief;
  }

  async leaveExercise(): Promise<void> {
    this.#replace({ world: this.#stage.world, scenario: null, player: null, training: null });
  }

  async restore(session: unknown, file: string): Promise<readonly string[]> {
    const checked = parseSavedSession(session, file);
    if (!checked.ok) return checked.problems.map(formatProblem);
    this.#replace(restoredStage(checked.session, checked.scenario));
    return [];
  }

  async startOver(): Promise<void> {
    this.#replace(freeStage());
  }

  async session(): Promise<SavedSession> {
    return this.sessionNow();
  }

  /** The session as it is saved and exported, at once. */
  sessionNow(): SavedSession {
    const { world, scenario, training } = this.#stage;
    return {
      format: SESSION_FORMAT,
      world: world.persist(),
      scenario: scenario?.source ?? null,
      training: training?.record() ?? null,
    };
  }

  subscribe = (listener: (kind: ChangeKind) => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  #replace(stage: Stage): void {
    this.#stage = stage;
    this.#series = [sampleWorld(stage.world.state())];
    this.#spacing = SERIES_START_SPACING_MS;
    this.#changed('act');
  }

  #changed(kind: ChangeKind): void {
    this.#version += 1;
    for (const listener of this.#listeners) listener(kind);
  }
}
