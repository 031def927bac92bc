import { randomInt, randomUUID } from 'node:crypto';
import type { CommandResult } from '@itps/core';
import { type ClassClock, type ClassSpeed, type ClassView, distinctName, FAULT_CHOICES } from '@itps/scenarios';
import type { Trainee } from '../db/recordStore.ts';
import { type ClassExercise, Seat } from './seat.ts';

/** Join codes use letters and digits that cannot be mistaken for one another on a tablet. */
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const CODE_LENGTH = 6;
/** How long a class's join code stays valid (it also dies when the class ends). */
export const CLASS_LIFETIME_MS = 8 * 60 * 60_000;
/** The most trainees one class seats. */
export const MAX_SEATS = 60;

/** A new join code. */
export function newJoinCode(): string {
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i += 1) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

/**
 * One class: an exercise, its seats, and the class clock that is the one authority for their time.
 * The clock moves only when {@link Classroom.tick} is called with real time elapsed, so a test can
 * drive it without timers.
 */
export class Classroom {
  readonly id = randomUUID();
  readonly code: string;
  readonly exercise: ClassExercise;
  readonly createdAt: number;
  readonly expiresAt: number;
  readonly #seats = new Map<string, Seat>();
  readonly #joinUrl: string;
  #running = false;
  #speed: ClassSpeed = 1;
  #ended = false;
  #locked = false;
  /** Simulated milliseconds the class clock has run. */
  #elapsed = 0;

  constructor(exercise: ClassExercise, code: string, joinUrl: string, now: number) {
    this.exercise = exercise;
    this.code = code;
    this.#joinUrl = joinUrl;
    this.createdAt = now;
    this.expiresAt = now + CLASS_LIFETIME_MS;
  }

  get ended(): boolean {
    return this.#ended;
  }

  get clock(): ClassClock {
    return { running: this.#running, speed: this.#speed, ended: this.#ended };
  }

  get elapsed(): number {
    return this.#elapsed;
  }

  seats(): Seat[] {
    return [...this.#seats.values()];
  }

  seat(id: string): Seat | undefined {
    return this.#seats.get(id);
  }

  get locked(): boolean {
    return this.#locked;
  }

  /** Whether a trainee may still join (the class runs, is not locked, its code has not expired, a seat is free). */
  joinRefusal(now: number): string | null {
    if (this.#ended) return 'This class has ended.';
    if (this.#locked) return 'The instructor has locked this class: no one joins now. Ask them to open it.';
    if (now > this.expiresAt) return 'This join code has expired.';
    if (this.#seats.size >= MAX_SEATS) return `This class is full (${MAX_SEATS} trainees).`;
    return null;
  }

  /** `name` told apart from the names of the seats already here (`Sam (2)`). */
  distinctName(name: string): string {
    return distinctName(
      name,
      this.seats().map((s) => s.trainee.name),
    );
  }

  /** Locks the class (no one joins) or opens it again. */
  lock(locked: boolean): void {
    if (!this.#ended) this.#locked = locked;
  }

  /** Takes a seat out of the class (its place is free again); false when there is no such seat. */
  removeSeat(id: string): boolean {
    return this.#seats.delete(id);
  }

  /** Seats a trainee: their own world of the exercise, starting at its beginning. */
  join(trainee: Trainee, startedAt: string): Seat {
    const seat = new Seat(this.exercise, trainee, this.#elapsed, startedAt);
    this.#seats.set(seat.id, seat);
    return seat;
  }

  /** Runs the clock at `speed`, or pauses it. */
  control(action: 'run' | 'pause', speed?: ClassSpeed): void {
    if (this.#ended) return;
    this.#running = action === 'run';
    if (speed !== undefined) this.#speed = speed;
  }

  /** Real time passed: the class clock moves by it times the speed, and every seat with it. */
  tick(realMs: number): boolean {
    if (!this.#running || this.#ended || realMs <= 0) return false;
    this.#elapsed += Math.round(realMs * this.#speed);
    for (const seat of this.#seats.values()) seat.advanceTo(this.#elapsed);
    return true;
  }

  /** Injects a fault (by its id) into one seat or all: what each answered. */
  inject(seatId: string | 'all', faultId: string): { seatId: string; result: CommandResult }[] | string {
    const choice = FAULT_CHOICES.find((f) => f.id === faultId);
    if (choice === undefined)
      return `No fault "${faultId.slice(0, 60)}"; the faults are ${FAULT_CHOICES.map((f) => f.id).join(', ')}.`;
    const targets = seatId === 'all' ? this.seats().filter((s) => !s.finished) : [this.#seats.get(seatId)];
    if (targets.some((s) => s === undefined)) return 'No such trainee in this class.';
    return (targets as Seat[]).map((seat) => ({ seatId: seat.id, result: seat.inject(choice.label, choice.start) }));
  }

  /** Ends the class: the clock stops for good and the join code dies. Each seat is finished by the caller. */
  end(): void {
    this.#ended = true;
    this.#running = false;
  }

  view(scoreNow: boolean): ClassView {
    return {
      classId: this.id,
      code: this.code,
      exercise: { file: this.exercise.file, name: this.exercise.scenario.name, version: this.exercise.version },
      joinUrl: this.#joinUrl,
      expiresAt: new Date(this.expiresAt).toISOString(),
      clock: this.clock,
      locked: this.#locked,
      seats: this.seats().map((s) => s.summary(scoreNow)),
    };
  }
}
