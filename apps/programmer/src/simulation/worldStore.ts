import {
  type CommandResult,
  createWorld,
  type Milliseconds,
  type World,
  type WorldCommand,
  type WorldState,
} from '@itps/core';
import {
  createScenarioPlayer,
  createScenarioWorld,
  resumeTraining,
  type SavedSession,
  type ScenarioFile,
  type ScenarioPlayer,
  SESSION_FORMAT,
  startTraining,
  type TrainingDebrief,
  type TrainingSession,
} from '@itps/scenarios';
import { initialPump } from './initialPump.ts';

/** A scenario file as the app keeps it: its text (to save) and its parsed form (to play). */
export interface LoadedScenario {
  readonly source: { readonly text: string; readonly file: string };
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

/** Why the store changed: a command a person gave (saved at once) or time running (saved now and then). */
export type ChangeKind = 'act' | 'time';

/**
 * The page's one world behind its door, as an external store for React: commands go in through
 * {@link WorldStore.apply}, every change bumps a version that `useSyncExternalStore` reads, and the
 * world's state is read once per version. Holds no domain logic: the stage does the work.
 */
export class WorldStore {
  #stage: Stage;
  #version = 0;
  #state: { version: number; state: WorldState } | null = null;
  readonly #listeners = new Set<(kind: ChangeKind) => void>();

  constructor(stage: Stage) {
    this.#stage = stage;
  }

  /** What the page runs now. */
  get stage(): Stage {
    return this.#stage;
  }

  /** Bumped at every change. */
  get version(): number {
    return this.#version;
  }

  /** The world now (plain data), read once per version. */
  state(): WorldState {
    if (this.#state?.version !== this.#version)
      this.#state = { version: this.#version, state: this.#stage.world.state() };
    return this.#state.state;
  }

  /**
   * Applies a command through the stage's door (the exercise's, the scenario's, or the world's own).
   * `kind` says who gave it: a person (saved at once) or the running clock (saved now and then).
   */
  apply(command: WorldCommand, kind: ChangeKind = 'act'): CommandResult {
    const { training, player, world } = this.#stage;
    let result: CommandResult;
    if (training !== null) result = training.apply(command);
    else if (player !== null && command.type === 'time.advance' && command.to >= world.state().now) {
      player.advanceTo(command.to);
      result = { ok: true, at: world.state().now };
    } else result = world.apply(command);
    this.#changed(kind);
    return result;
  }

  /** The next instant the stage's timeline does something; null when nothing is scheduled. */
  nextStepAt(): Milliseconds | null {
    return this.#stage.training?.nextStepAt() ?? this.#stage.player?.nextStepAt() ?? null;
  }

  /** Scores the exercise (running the rest of its story); null when none runs. */
  finishTraining(): TrainingDebrief | null {
    const training = this.#stage.training;
    if (training === null) return null;
    const { debrief } = training.finish();
    this.#changed('act');
    return debrief;
  }

  /** Replaces what the page runs. */
  replace(stage: Stage): void {
    this.#stage = stage;
    this.#changed('act');
  }

  /** The session as it is saved and exported. */
  session(): SavedSession {
    const { world, scenario, training } = this.#stage;
    return {
      format: SESSION_FORMAT,
      world: world.persist(),
      scenario: scenario?.source ?? null,
      training: training?.record() ?? null,
    };
  }

  /** Calls `listener` after every change; returns the unsubscribe function. */
  subscribe = (listener: (kind: ChangeKind) => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  #changed(kind: ChangeKind): void {
    this.#version += 1;
    for (const listener of this.#listeners) listener(kind);
  }
}
