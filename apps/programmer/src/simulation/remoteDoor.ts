import {
  type CommandResult,
  type TraineeView,
  traineeView,
  type WorldCommand,
  type WorldSample,
  type WorldState,
} from '@itps/core';
import type { SavedSession, TrainingDebrief } from '@itps/scenarios';
import type { ChangeKind, ScenarioSourceText, StageInfo, WorldDoor } from './worldDoor.ts';

/** What the window holding the world broadcasts after every change. */
export interface WorldSnapshotMessage {
  readonly kind: 'snapshot';
  readonly state: WorldState;
  readonly info: StageInfo;
  readonly series: readonly WorldSample[];
  readonly change: ChangeKind;
}

/** A request to the window holding the world, and its answer. */
export type DoorRequest = {
  readonly kind: 'request';
  readonly id: string;
  readonly op: DoorOp;
  readonly args: unknown[];
};
export type DoorReply = { readonly kind: 'reply'; readonly id: string; readonly value: unknown };
/** A window asks for the world as it is now. */
export type DoorHello = { readonly kind: 'hello' };
/** What may be asked of the window holding the world. */
export type DoorOp =
  | 'apply'
  | 'loadScenario'
  | 'startExercise'
  | 'finishExercise'
  | 'leaveExercise'
  | 'restore'
  | 'startOver'
  | 'session';

/** How long to wait between two hellos while no window has answered. */
const HELLO_EVERY_MS = 300;

/**
 * The door of a window that does not hold the world: every operation is a request to the window
 * that does, over the browser's BroadcastChannel; its state and stage are the last snapshot that
 * window broadcast. Same browser, same origin: the classroom server does the same across devices.
 */
export class RemoteDoor implements WorldDoor {
  #snapshot: WorldSnapshotMessage | null = null;
  #version = 0;
  #trainee: { version: number; view: TraineeView } | null = null;
  readonly classroom = null;
  readonly #listeners = new Set<(kind: ChangeKind) => void>();
  readonly #pending = new Map<string, (value: unknown) => void>();
  readonly #channel: BroadcastChannel;
  #ready: Promise<void>;

  constructor(channel: BroadcastChannel) {
    this.#channel = channel;
    let arrived: () => void = () => {};
    this.#ready = new Promise((resolve) => {
      arrived = resolve;
    });
    const hello = setInterval(() => channel.postMessage({ kind: 'hello' } satisfies DoorHello), HELLO_EVERY_MS);
    channel.postMessage({ kind: 'hello' } satisfies DoorHello);
    channel.addEventListener(
      'message',
      (e: MessageEvent<WorldSnapshotMessage | DoorReply | DoorRequest | DoorHello>) => {
        const message = e.data;
        if (message.kind === 'snapshot') {
          this.#snapshot = message;
          this.#version += 1;
          clearInterval(hello);
          arrived();
          for (const listener of this.#listeners) listener(message.change);
        } else if (message.kind === 'reply') {
          this.#pending.get(message.id)?.(message.value);
          this.#pending.delete(message.id);
        }
      },
    );
  }

  /** Resolves once the window holding the world has sent its first snapshot. */
  ready(): Promise<void> {
    return this.#ready;
  }

  get version(): number {
    return this.#version;
  }

  state(): WorldState {
    if (this.#snapshot === null) throw new Error('RemoteDoor.state: no snapshot yet (await ready())');
    return this.#snapshot.state;
  }

  trainee(): TraineeView {
    if (this.#trainee?.version !== this.#version)
      this.#trainee = { version: this.#version, view: traineeView(this.state()) };
    return this.#trainee.view;
  }

  info(): StageInfo {
    if (this.#snapshot === null) throw new Error('RemoteDoor.info: no snapshot yet (await ready())');
    return this.#snapshot.info;
  }

  series(): readonly WorldSample[] {
    return this.#snapshot?.series ?? [];
  }

  subscribe = (listener: (kind: ChangeKind) => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  #call<T>(op: DoorOp, ...args: unknown[]): Promise<T> {
    const id = crypto.randomUUID();
    return new Promise<T>((resolve) => {
      this.#pending.set(id, resolve as (value: unknown) => void);
      this.#channel.postMessage({ kind: 'request', id, op, args } satisfies DoorRequest);
    });
  }

  apply = (command: WorldCommand, kind: ChangeKind = 'act') => this.#call<CommandResult>('apply', command, kind);
  loadScenario = (source: ScenarioSourceText) => this.#call<readonly string[]>('loadScenario', source);
  startExercise = (source: ScenarioSourceText) => this.#call<readonly string[]>('startExercise', source);
  finishExercise = () => this.#call<TrainingDebrief | null>('finishExercise');
  leaveExercise = () => this.#call<void>('leaveExercise');
  restore = (session: unknown, file: string) => this.#call<readonly string[]>('restore', session, file);
  startOver = () => this.#call<void>('startOver');
  session = () => this.#call<SavedSession>('session');
}
