import { randomBytes, randomUUID } from 'node:crypto';
import { type CommandResult, type Milliseconds, traineeView, type WorldCommand } from '@itps/core';
import {
  type ProgrammerScreen,
  resumeTraining,
  type ScenarioFile,
  type SeatSummary,
  startTraining,
  type TraineeExercise,
  type TrainingDebrief,
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

/**
 * One trainee's place in a class: their exercise (a training session, the world behind its door),
 * the secret their device comes back with, and what the instructor sees of them. Time reaches it
 * only from the class clock; commands only from the trainee's device, checked before.
 */
export class Seat {
  readonly id = randomUUID();
  /** What the trainee's device keeps to come back to this seat. */
  readonly token = randomBytes(24).toString('base64url');
  readonly trainee: Trainee;
  readonly startedAt: string;
  /** The class clock's elapsed simulated time when this seat joined. */
  readonly joinedAtElapsed: number;
  readonly #exercise: ClassExercise;
  readonly #training: TrainingSession;
  readonly #origin: Milliseconds;
  #debrief: TrainingDebrief | null = null;
  #recordId: string | null = null;
  #connections = 0;
  #faults: string[] = [];
  #score: { version: number; percent: number } | null = null;
  /** Bumped whenever the trainee acts or a fault is injected: the live score is worked out again. */
  #version = 0;

  constructor(exercise: ClassExercise, trainee: Trainee, joinedAtElapsed: number, startedAt: string) {
    this.#exercise = exercise;
    this.trainee = trainee;
    this.joinedAtElapsed = joinedAtElapsed;
    this.startedAt = startedAt;
    this.#training = startTraining(exercise.scenario, { text: exercise.text, file: exercise.file });
    this.#origin = this.#training.world.state().now;
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

  /** Moves this seat's world to the class clock (elapsed simulated time since the class began). */
  advanceTo(classElapsed: number): void {
    if (this.finished) return;
    const to = (this.#origin + Math.max(0, classElapsed - this.joinedAtElapsed)) as Milliseconds;
    if (to > this.#training.world.state().now) this.#training.apply({ type: 'time.advance', to });
  }

  /** A trainee's checked command through the exercise's door. */
  act(command: WorldCommand): CommandResult {
    const result = this.#training.apply(command);
    this.#version += 1;
    return result;
  }

  /** An instructor's fault, unseen by the trainee. */
  inject(label: string, command: WorldCommand): CommandResult {
    const result = this.#training.apply(command);
    if (result.ok) {
      this.#faults.push(label);
      this.#version += 1;
    }
    return result;
  }

  /** Scores the exercise (running the rest of its story) and keeps the debrief; once. */
  finish(): { readonly debrief: TrainingDebrief; readonly record: ReturnType<TrainingSession['record']> } {
    if (this.#debrief === null) this.#debrief = this.#training.finish().debrief;
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
    };
  }
}
