import {
  type CommandResult,
  type Milliseconds,
  patientStages,
  traineeView,
  type WorldCommand,
  type WorldSnapshot,
} from '@itps/core';
import {
  type ClassEvent,
  type LibraryRef,
  type ProgrammerScreen,
  resumeTraining,
  type ScenarioFile,
  type SeatSummary,
  startTraining,
  type TraineeExercise,
  type TrainingDebrief,
  type TrainingRecord,
  type TrainingSession,
  trainingOf,
} from '@itps/scenarios';
import type { Trainee } from '../db/recordStore.ts';

/** The exercise a class runs: its file, parsed, and the version of its text. */
export interface ClassExercise {
  readonly file: string;
  readonly text: string;
  readonly version: string;
  readonly scenario: ScenarioFile;
  /** The library exercise and version it is (absent for a shipped exercise). */
  readonly library?: LibraryRef;
}

/** Words for the programmer's session states, as the instructor's class view says where a trainee is. */
const WHERE: Record<string, string> = {
  disconnected: 'programmer not connected',
  connecting: 'connecting',
  interrogating: 'interrogating',
  ready: 'pump read, no workflow',
  editing: 'editing',
  finish: 'on the finish screen',
  sending: 'sending',
  verifying: 'verifying',
  incomplete: 'session incomplete',
};

/** Who sits in a seat and how their device comes back to it: what a seat is made from. */
export interface SeatIdentity {
  readonly id: string;
  /** The SHA-256 of the secret the trainee's device keeps to come back (the secret itself is never kept). */
  readonly tokenHash: string;
  readonly trainee: Trainee;
  /** The real instant the trainee joined, ISO 8601. */
  readonly startedAt: string;
  /** The class clock's elapsed simulated time when this seat joined. */
  readonly joinedAtElapsed: number;
}

/** Everything a seat is, as plain data: what a class snapshot keeps of it. */
export interface SeatSnapshot extends SeatIdentity {
  readonly origin: number;
  readonly record: TrainingRecord;
  readonly world: WorldSnapshot;
  readonly debrief: TrainingDebrief | null;
  readonly recordId: string | null;
  readonly faults: readonly string[];
  readonly events: readonly ClassEvent[];
}

/**
 * The exercise as every seat starts it (the story before the visit, run once per exercise): its
 * record and world as JSON text, each seat resuming its own copy. Starting is deterministic, so a
 * copy is the very session a start would give (the seat tests check it); it spares each join and
 * each rebuilt seat the run up to the visit.
 */
const started = new WeakMap<ClassExercise, string>();

function startSeat(exercise: ClassExercise): TrainingSession {
  let text = started.get(exercise);
  if (text === undefined) {
    const fresh = startTraining(exercise.scenario, { text: exercise.text, file: exercise.file });
    text = JSON.stringify({ record: fresh.record(), world: fresh.world.persist() });
    started.set(exercise, text);
  }
  const { record, world } = JSON.parse(text) as { record: TrainingRecord; world: WorldSnapshot };
  return resumeTraining(exercise.scenario, record, world);
}

/**
 * One trainee's place in a class: their exercise (a training session, the world behind its door),
 * the hash of the secret their device comes back with, what the class did to it, and what the
 * instructor sees of them. Time reaches it only from the class clock; commands only from the
 * trainee's device, checked before. Deterministic: the same calls in the same order give the same
 * world, which is how a class is rebuilt from its log.
 */
export class Seat {
  readonly id: string;
  readonly tokenHash: string;
  readonly trainee: Trainee;
  readonly startedAt: string;
  readonly joinedAtElapsed: number;
  readonly #exercise: ClassExercise;
  readonly #training: TrainingSession;
  readonly #origin: Milliseconds;
  #debrief: TrainingDebrief | null = null;
  #recordId: string | null = null;
  #connections = 0;
  #faults: string[] = [];
  readonly #events: ClassEvent[] = [];
  #score: { version: number; percent: number } | null = null;
  /** Bumped whenever the trainee acts or a fault is injected: the live score is worked out again. */
  #version = 0;

  constructor(exercise: ClassExercise, identity: SeatIdentity, restored?: SeatSnapshot) {
    this.#exercise = exercise;
    this.id = identity.id;
    this.tokenHash = identity.tokenHash;
    this.trainee = identity.trainee;
    this.joinedAtElapsed = identity.joinedAtElapsed;
    this.startedAt = identity.startedAt;
    if (restored === undefined) {
      this.#training = startSeat(exercise);
      this.#origin = this.#training.world.state().now;
    } else {
      this.#training = resumeTraining(exercise.scenario, restored.record, restored.world);
      this.#origin = restored.origin as Milliseconds;
      this.#debrief = restored.debrief;
      this.#recordId = restored.recordId;
      this.#faults = [...restored.faults];
      this.#events.push(...restored.events);
    }
  }

  /** The seat as plain data, to rebuild it later exactly as it is. */
  snapshot(): SeatSnapshot {
    return {
      id: this.id,
      tokenHash: this.tokenHash,
      trainee: this.trainee,
      startedAt: this.startedAt,
      joinedAtElapsed: this.joinedAtElapsed,
      origin: this.#origin,
      record: this.#training.record(),
      world: this.#training.world.persist(),
      debrief: this.#debrief,
      recordId: this.#recordId,
      faults: [...this.#faults],
      events: [...this.#events],
    };
  }

  /** Notes what the class did to this exercise, at the exercise's time now. */
  note(event: Omit<ClassEvent, 'at'>): void {
    this.#events.push({ at: this.#training.world.state().now, ...event });
  }

  /** What the class did to this exercise, in order. */
  events(): readonly ClassEvent[] {
    return this.#events;
  }

  get recordId(): string | null {
    return this.#recordId;
  }

  get finished(): boolean {
    return this.#debrief !== null;
  }

  get connected(): boolean {
    return this.#connections > 0;
  }

  connect(): void {
    this.#connections += 1;
  }

  disconnect(): void {
    this.#connections = Math.max(0, this.#connections - 1);
  }

  /**
   * Moves this seat's world to the class clock (elapsed simulated time since the class began), at
   * the clock's pace (simulated ms a real ms): the programmer's time-outs count in the trainee's time.
   */
  advanceTo(classElapsed: number, pace = 1): void {
    if (this.finished) return;
    const to = (this.#origin + Math.max(0, classElapsed - this.joinedAtElapsed)) as Milliseconds;
    if (to > this.#training.world.state().now) this.#training.apply({ type: 'time.advance', to, pace });
  }

  /** A trainee's checked command through the exercise's door. */
  act(command: WorldCommand): CommandResult {
    const result = this.#training.apply(command);
    this.#version += 1;
    return result;
  }

  /** An instructor's fault, unseen by the trainee. */
  inject(label: string, command: WorldCommand, when: string): CommandResult {
    const at = this.#training.world.state().now;
    const result = this.#training.apply(command);
    this.#events.push({ at, when, by: 'instructor', kind: 'fault', detail: label, ok: result.ok });
    if (result.ok) {
      this.#faults.push(label);
      this.#version += 1;
    }
    return result;
  }

  /** Scores the exercise (running the rest of its story) and keeps the debrief; once. */
  finish(): { readonly debrief: TrainingDebrief; readonly record: ReturnType<TrainingSession['record']> } {
    if (this.#debrief === null) {
      const injected = this.#events.flatMap((e) =>
        e.kind === 'fault' && e.ok ? [{ at: e.at, label: e.detail ?? '' }] : [],
      );
      this.#debrief = this.#training.finish(injected).debrief;
    }
    return { debrief: this.#debrief, record: this.#training.record() };
  }

  recorded(recordId: string): void {
    this.#recordId = recordId;
  }

  /** What the trainee's devices may show: the views, and the exercise without its hidden parts. */
  traineeMessage(): { view: ReturnType<typeof traineeView>; exercise: TraineeExercise } {
    const record = this.#training.record();
    const training = trainingOf(this.#exercise.scenario);
    const done = this.#debrief !== null;
    return {
      view: traineeView(this.#training.world.state()),
      exercise: {
        name: this.#exercise.scenario.name,
        brief: training.brief,
        phase: training.phase ?? 'implanted',
        trainee: record.trainee,
        debrief: this.#debrief,
        course: done ? record.course : [],
        screens: done ? (record.screens ?? ([] as readonly ProgrammerScreen[])) : [],
      },
    };
  }

  /** Truth beside belief, for the instructor watching this seat. */
  worldState() {
    return this.#training.world.state();
  }

  /**
   * The score if the exercise were finished now, worked out on a copy of the world (the trainee's
   * own is untouched), again only after the trainee acted or a fault was injected.
   */
  liveScore(): number | null {
    if (this.#debrief !== null) return this.#debrief.scorePercent;
    if (this.#score?.version === this.#version) return this.#score.percent;
    const copy = resumeTraining(this.#exercise.scenario, this.#training.record(), this.#training.world.persist());
    const percent = copy.finish().debrief.scorePercent;
    this.#score = { version: this.#version, percent };
    return percent;
  }

  summary(scoreNow: boolean): SeatSummary {
    const state = this.#training.world.state();
    const view = traineeView(state);
    const trainee = this.#training.record().trainee;
    const last = trainee[trainee.length - 1];
    const session = view.programmer.session;
    return {
      seatId: this.id,
      name: this.trainee.name,
      connected: this.connected,
      now: state.now,
      where: this.finished
        ? 'finished'
        : `${WHERE[session] ?? session}${view.programmer.workflow === null ? '' : ` (${view.programmer.workflow})`}`,
      lastAction: last === undefined ? null : last.type,
      actions: trainee.length,
      sounding: view.bedside.sounding.map((s) => s.name),
      scorePercent: scoreNow ? this.liveScore() : (this.#score?.percent ?? null),
      finished: this.finished,
      recordId: this.#recordId,
      faults: this.#faults,
      patient: patientStages(state),
    };
  }
}
