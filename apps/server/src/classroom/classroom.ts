import { randomInt } from 'node:crypto';
import type { CommandResult } from '@itps/core';
import { type ClassClock, type ClassSpeed, type ClassView, distinctName, FAULT_CHOICES } from '@itps/scenarios';
import type { ClassEntry } from './classEntry.ts';
import { type ClassExercise, Seat, type SeatSnapshot } from './seat.ts';

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

/** The clock's speed in words, for the records. */
const SPEED_WORDS: Record<ClassSpeed, string> = {
  1: 'real time',
  60: '1 simulated minute a second',
  3600: '1 simulated hour a second',
};

/** A class as plain data: what a snapshot keeps, to rebuild it without replaying its whole log. */
export interface ClassroomSnapshot {
  readonly format: 'itps-class/1';
  readonly open: Extract<ClassEntry, { k: 'open' }>;
  readonly running: boolean;
  readonly speed: ClassSpeed;
  readonly ended: boolean;
  /** Whether the instructor locked the class (absent in snapshots from before locks: open). */
  readonly locked?: boolean;
  readonly elapsed: number;
  readonly seats: readonly SeatSnapshot[];
}

type Open = Extract<ClassEntry, { k: 'open' }>;
type Of<K extends ClassEntry['k']> = Extract<ClassEntry, { k: K }>;

/**
 * One class: an exercise, its seats, and the class clock that is the one authority for their time.
 * Every change is a {@link ClassEntry} given to {@link Classroom.apply} (or the method of its kind):
 * the server logs the same line it applied, and a class rebuilt from its log goes through the very
 * same code. The clock moves only by `tick` lines, so a test drives it without timers.
 */
export class Classroom {
  readonly id: string;
  readonly code: string;
  readonly exercise: ClassExercise;
  readonly createdAt: number;
  readonly expiresAt: number;
  readonly opened: Open;
  readonly #seats = new Map<string, Seat>();
  readonly #joinUrl: string;
  #running = false;
  #speed: ClassSpeed = 1;
  #ended = false;
  #locked = false;
  /** Simulated milliseconds the class clock has run. */
  #elapsed = 0;

  constructor(exercise: ClassExercise, opened: Open, restored?: ClassroomSnapshot) {
    this.exercise = exercise;
    this.opened = opened;
    this.id = opened.id;
    this.code = opened.code;
    this.#joinUrl = opened.joinUrl;
    this.createdAt = opened.at;
    this.expiresAt = opened.at + CLASS_LIFETIME_MS;
    if (restored !== undefined) {
      this.#running = restored.running;
      this.#speed = restored.speed;
      this.#ended = restored.ended;
      this.#locked = restored.locked ?? false;
      this.#elapsed = restored.elapsed;
      for (const seat of restored.seats) this.#seats.set(seat.id, new Seat(exercise, seat, seat));
    }
  }

  /** The class as plain data, exactly as it is now. */
  snapshot(): ClassroomSnapshot {
    return {
      format: 'itps-class/1',
      open: this.opened,
      running: this.#running,
      speed: this.#speed,
      ended: this.#ended,
      locked: this.#locked,
      elapsed: this.#elapsed,
      seats: this.seats().map((s) => s.snapshot()),
    };
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

  seatByTokenHash(hash: string): Seat | undefined {
    for (const seat of this.#seats.values()) if (seat.tokenHash === hash) return seat;
    return undefined;
  }

  get locked(): boolean {
    return this.#locked;
  }

  /** `name` told apart from the names of the seats already here (`Sam (2)`). */
  distinctName(name: string): string {
    return distinctName(
      name,
      this.seats().map((s) => s.trainee.name),
    );
  }

  /** Whether a trainee may still join (the class runs, is not locked, its code has not expired, a seat is free). */
  joinRefusal(now: number): string | null {
    if (this.#ended) return 'This class has ended.';
    if (this.#locked) return 'The instructor has locked this class: no one joins now. Ask them to open it.';
    if (now > this.expiresAt) return 'This join code has expired.';
    if (this.#seats.size >= MAX_SEATS) return `This class is full (${MAX_SEATS} trainees).`;
    return null;
  }

  /** Applies one line of the class's log (replaying, or the server applying what it logs). */
  apply(entry: ClassEntry): void {
    switch (entry.k) {
      case 'open':
        return;
      case 'join':
        this.join(entry);
        return;
      case 'link':
        this.link(entry);
        return;
      case 'tick':
        this.tick(entry);
        return;
      case 'command':
        this.command(entry);
        return;
      case 'control':
        this.control(entry);
        return;
      case 'inject':
        this.inject(entry);
        return;
      case 'finish':
        this.finish(entry);
        return;
      case 'lock':
        this.lock(entry);
        return;
      case 'remove':
        this.remove(entry);
        return;
      case 'end':
        this.end(entry);
        return;
    }
  }

  /** Seats a trainee: their own world of the exercise, starting at its beginning. */
  join(entry: Of<'join'>): Seat {
    const when = new Date(entry.at).toISOString();
    const seat = new Seat(this.exercise, {
      id: entry.seatId,
      tokenHash: entry.tokenHash,
      trainee: entry.trainee,
      startedAt: when,
      joinedAtElapsed: this.#elapsed,
    });
    this.#seats.set(seat.id, seat);
    seat.note({ when, by: 'trainee', kind: 'join', detail: null, ok: true });
    return seat;
  }

  /** A trainee's device left or came back (for the record; the world does not notice). */
  link(entry: Of<'link'>): void {
    this.#seats.get(entry.seatId)?.note({
      when: new Date(entry.at).toISOString(),
      by: 'trainee',
      kind: entry.connected ? 'back' : 'leave',
      detail: null,
      ok: true,
    });
  }

  /** The tick line that moves the clock by `realMs` of real time at its speed, or null when it does not move. */
  tickFor(realMs: number): Of<'tick'> | null {
    if (!this.#running || this.#ended || realMs <= 0) return null;
    const step = Math.round(realMs * this.#speed);
    return step <= 0 ? null : { k: 'tick', elapsed: this.#elapsed + step };
  }

  /** The class clock moves to the line's elapsed time, and every seat with it. */
  tick(entry: Of<'tick'>): boolean {
    if (entry.elapsed <= this.#elapsed) return false;
    this.#elapsed = entry.elapsed;
    for (const seat of this.#seats.values()) seat.advanceTo(this.#elapsed, this.#speed);
    return true;
  }

  /** A trainee's checked command through their exercise's door. */
  command(entry: Of<'command'>): CommandResult | null {
    return this.#seats.get(entry.seatId)?.act(entry.command) ?? null;
  }

  /** Runs the clock at `speed`, or pauses it; every running exercise's record says so. */
  control(entry: Of<'control'>): void {
    if (this.#ended) return;
    this.#running = entry.action === 'run';
    if (entry.speed !== undefined) this.#speed = entry.speed;
    const when = new Date(entry.at).toISOString();
    for (const seat of this.#seats.values())
      if (!seat.finished)
        seat.note({
          when,
          by: 'instructor',
          kind: entry.action,
          detail: entry.action === 'run' ? SPEED_WORDS[this.#speed] : null,
          ok: true,
        });
  }

  /** Why an inject line would be refused whole (an unknown fault or seat), or null. */
  injectRefusal(target: string, faultId: string): string | null {
    if (FAULT_CHOICES.find((f) => f.id === faultId) === undefined)
      return `No fault "${faultId.slice(0, 60)}"; the faults are ${FAULT_CHOICES.map((f) => f.id).join(', ')}.`;
    if (target !== 'all' && !this.#seats.has(target)) return 'No such trainee in this class.';
    return null;
  }

  /** Injects a fault (by its id) into one seat or every unfinished one: what each answered. */
  inject(entry: Of<'inject'>): { seatId: string; result: CommandResult }[] {
    const choice = FAULT_CHOICES.find((f) => f.id === entry.fault);
    if (choice === undefined || this.injectRefusal(entry.target, entry.fault) !== null) return [];
    const targets =
      entry.target === 'all' ? this.seats().filter((s) => !s.finished) : [this.#seats.get(entry.target) as Seat];
    const when = new Date(entry.at).toISOString();
    return targets.map((seat) => ({ seatId: seat.id, result: seat.inject(choice.label, choice.start, when) }));
  }

  /** Finishes one seat's exercise (scored, its record id given); false when it was finished already. */
  finish(entry: Of<'finish'>): boolean {
    const seat = this.#seats.get(entry.seatId);
    if (seat === undefined || seat.finished) return false;
    this.#finishSeat(seat, entry.at, entry.recordId, 'finish');
    return true;
  }

  #finishSeat(seat: Seat, at: number, recordId: string, kind: 'finish' | 'end' | 'remove'): void {
    seat.note({
      when: new Date(at).toISOString(),
      by: kind === 'finish' ? 'trainee' : 'instructor',
      kind,
      detail: null,
      ok: true,
    });
    seat.finish();
    seat.recorded(recordId);
  }

  /** Locks the class (no one joins) or opens it again. */
  lock(entry: Of<'lock'>): void {
    if (!this.#ended) this.#locked = entry.locked;
  }

  /**
   * Takes a seat out of the class (its place is free again), its exercise finished and recorded
   * first when the line gives a record id; false when there is no such seat.
   */
  remove(entry: Of<'remove'>): boolean {
    const seat = this.#seats.get(entry.seatId);
    if (seat === undefined) return false;
    if (entry.recordId !== null && !seat.finished) this.#finishSeat(seat, entry.at, entry.recordId, 'remove');
    return this.#seats.delete(entry.seatId);
  }

  /** Ends the class: the clock stops for good, the join code dies, every unfinished seat is finished. */
  end(entry: Of<'end'>): Seat[] {
    if (this.#ended) return [];
    this.#ended = true;
    this.#running = false;
    const finished: Seat[] = [];
    for (const seat of this.#seats.values()) {
      const recordId = entry.recordIds[seat.id];
      if (seat.finished || recordId === undefined) continue;
      this.#finishSeat(seat, entry.at, recordId, 'end');
      finished.push(seat);
    }
    return finished;
  }

  view(scoreNow: boolean): ClassView {
    return {
      classId: this.id,
      code: this.code,
      exercise: {
        file: this.exercise.file,
        name: this.exercise.scenario.name,
        version: this.exercise.version,
        library: this.exercise.library ?? null,
      },
      joinUrl: this.#joinUrl,
      expiresAt: new Date(this.expiresAt).toISOString(),
      clock: this.clock,
      locked: this.#locked,
      seats: this.seats().map((s) => s.summary(scoreNow)),
    };
  }
}
