import type { CommandResult, TraineeView, WorldCommand, WorldSample, WorldState } from '@itps/core';
import {
  applyViewDelta,
  type SavedSession,
  type ServerMessage,
  type TraineeExercise,
  type TrainingDebrief,
} from '@itps/scenarios';
import type { ChangeKind, ClassStatus, StageInfo, WorldDoor } from '../simulation/worldDoor.ts';
import { type ClassSeat, leaveClass, setTraineeKey, socketUrl } from './classSeat.ts';

type TraineeContent = Pick<Extract<ServerMessage, { type: 'trainee' }>, 'view' | 'exercise' | 'clock'>;

/**
 * Real milliseconds before trying the server again, doubling to the last, each with up to half as
 * much again at random so thirty tablets do not come back in the same instant after a restart.
 */
const RECONNECT_MS = [250, 500, 1000, 2000, 4000] as const;

/** Refusals that mean "not here, not now": the class is being taken up (after a restart, or by another server process). */
const COME_BACK = new Set(['class.elsewhere', 'class.moved', 'server.error']);

const NOT_HERE = 'In a class the instructor chooses the exercise and runs the clock.';

/**
 * The door of a trainee's device in a class: the world runs on the classroom server, this device
 * sends the trainee's commands over a WebSocket and receives only the trainee's view (programmer,
 * bedside, ward clock) and the exercise without its hidden parts. A lost connection is shown as a
 * lost link and retried; the seat is taken up again where it was.
 */
export class ClassDoor implements WorldDoor {
  readonly #seat: ClassSeat;
  #socket: WebSocket | null = null;
  #view: TraineeView | null = null;
  /** The last whole view this connection holds and its version: the base of the next delta. */
  #held: { readonly content: TraineeContent; readonly version: number } | null = null;
  #exercise: TraineeExercise | null = null;
  #info: StageInfo | null = null;
  #status: ClassStatus;
  #version = 0;
  #nextId = 1;
  #attempt = 0;
  #closed = false;
  readonly #pending = new Map<number, (result: CommandResult) => void>();
  readonly #finishing: ((debrief: TrainingDebrief | null) => void)[] = [];
  readonly #listeners = new Set<(kind: ChangeKind) => void>();
  readonly #ready: Promise<string | null>;
  #settle: (problem: string | null) => void = () => {};

  constructor(seat: ClassSeat) {
    this.#seat = seat;
    this.#status = {
      name: seat.name,
      code: seat.code,
      connected: false,
      clock: { running: false, speed: 1, ended: false },
    };
    this.#ready = new Promise((resolve) => {
      this.#settle = resolve;
    });
    this.#open();
  }

  /** Resolves once the seat's first view came (null), or with why the seat cannot be taken up. */
  ready(): Promise<string | null> {
    return this.#ready;
  }

  /** Stops talking to the server. */
  close(): void {
    this.#closed = true;
    this.#socket?.close();
  }

  #open(): void {
    const socket = new WebSocket(socketUrl());
    this.#socket = socket;
    socket.addEventListener('open', () => {
      this.#held = null;
      socket.send(JSON.stringify({ type: 'resume', seat: this.#seat.seat }));
    });
    socket.addEventListener('message', (e: MessageEvent<string>) => this.#receive(JSON.parse(e.data) as ServerMessage));
    socket.addEventListener('close', () => {
      if (this.#socket !== socket) return;
      this.#socket = null;
      // what was on its way is not known to have reached the pump: the programmer says so
      for (const [, resolve] of this.#pending)
        resolve({
          ok: false,
          at: this.#view?.now ?? (0 as never),
          refusal: {
            code: 'programmer.unavailable',
            message: 'The link to the pump was lost; check the pump before you go on.',
          },
        });
      this.#pending.clear();
      this.#setConnected(false);
      if (this.#closed) return;
      const wait = RECONNECT_MS[Math.min(this.#attempt, RECONNECT_MS.length - 1)] as number;
      this.#attempt += 1;
      setTimeout(() => this.#open(), wait * (1 + Math.random() / 2));
    });
  }

  #setConnected(connected: boolean): void {
    if (this.#status.connected === connected) return;
    this.#status = { ...this.#status, connected };
    this.#changed('act');
  }

  #receive(message: ServerMessage): void {
    switch (message.type) {
      case 'joined':
        if (message.traineeKey !== null) setTraineeKey(message.traineeKey);
        return;
      case 'traineeDelta': {
        // changes against the view this connection holds; any mismatch: reconnect for a whole one
        const held = this.#held;
        let content: TraineeContent | null = null;
        if (held !== null && held.version === message.base)
          try {
            content = applyViewDelta(held.content, message.ops);
          } catch {
            content = null;
          }
        if (content === null) {
          this.#socket?.close();
          return;
        }
        this.#receive({ type: 'trainee', ...content, version: message.version });
        return;
      }
      case 'trainee': {
        this.#attempt = 0;
        this.#held = {
          content: { view: message.view, exercise: message.exercise, clock: message.clock },
          version: message.version ?? 0,
        };
        const finishedNow = this.#exercise?.debrief == null && message.exercise.debrief !== null;
        this.#view = message.view;
        this.#exercise = message.exercise;
        this.#status = { ...this.#status, connected: true, clock: message.clock };
        this.#info = null;
        this.#settle(null);
        if (finishedNow) for (const resolve of this.#finishing.splice(0)) resolve(message.exercise.debrief);
        this.#changed(message.clock.running ? 'time' : 'act');
        return;
      }
      case 'result':
        this.#pending.get(message.id)?.(message.result);
        this.#pending.delete(message.id);
        return;
      case 'error':
        if (message.code === 'seat.removed') {
          // the instructor took this seat out: this device forgets it (and its records' key)
          this.#closed = true;
          this.#socket?.close();
          leaveClass();
          return;
        }
        if (COME_BACK.has(message.code)) {
          // the server closes this socket, or it is of no use: try again with back-off
          this.#socket?.close();
          return;
        }
        if (message.about === 'resume') {
          // the seat's class is gone: stop trying, and say so (a page already open shows it in its bar)
          this.#closed = true;
          this.#status = { ...this.#status, connected: false, lost: message.message };
          this.#settle(message.message);
          this.#changed('act');
        }
        if (message.about === 'finish') for (const resolve of this.#finishing.splice(0)) resolve(null);
        return;
      default:
        return;
    }
  }

  #changed(kind: ChangeKind): void {
    this.#version += 1;
    for (const listener of this.#listeners) listener(kind);
  }

  get version(): number {
    return this.#version;
  }

  get classroom(): ClassStatus {
    return this.#status;
  }

  subscribe = (listener: (kind: ChangeKind) => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  state(): WorldState {
    throw new Error("ClassDoor.state: a trainee's device in a class has only the trainee's view");
  }

  trainee(): TraineeView {
    if (this.#view === null) throw new Error('ClassDoor.trainee: no view yet (await ready())');
    return this.#view;
  }

  info(): StageInfo {
    const exercise = this.#exercise;
    this.#info ??= {
      scenario: null,
      training:
        exercise === null
          ? null
          : {
              name: exercise.name,
              brief: exercise.brief,
              phase: exercise.phase,
              record: {
                trainee: exercise.trainee,
                course: exercise.course,
                screens: exercise.screens,
                debrief: exercise.debrief,
              },
            },
      nextStepAt: null,
    };
    return this.#info;
  }

  series(): readonly WorldSample[] {
    return [];
  }

  apply(command: WorldCommand): Promise<CommandResult> {
    const at = this.#view?.now ?? (0 as never);
    if (command.type === 'time.advance')
      return Promise.resolve({ ok: false, at, refusal: { code: 'programmer.unavailable', message: NOT_HERE } });
    const socket = this.#socket;
    if (socket === null || socket.readyState !== WebSocket.OPEN)
      return Promise.resolve({
        ok: false,
        at,
        refusal: {
          code: 'programmer.unavailable',
          message: 'No link to the pump: the connection to the class is lost.',
        },
      });
    const id = this.#nextId++;
    return new Promise((resolve) => {
      this.#pending.set(id, resolve);
      socket.send(JSON.stringify({ type: 'command', id, command }));
    });
  }

  finishExercise(): Promise<TrainingDebrief | null> {
    if (this.#exercise?.debrief != null) return Promise.resolve(this.#exercise.debrief);
    return new Promise((resolve) => {
      this.#finishing.push(resolve);
      this.#socket?.send(JSON.stringify({ type: 'finish' }));
    });
  }

  loadScenario = async () => [NOT_HERE];
  startExercise = async () => [NOT_HERE];
  restore = async () => [NOT_HERE];
  leaveExercise = async () => {};
  startOver = async () => {};

  session(): Promise<SavedSession> {
    return Promise.reject(new Error(NOT_HERE));
  }
}
