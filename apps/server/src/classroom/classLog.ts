import type { ClassJournal, StoredLine, Tx } from '../db/classJournal.ts';
import type { ClassEntry } from './classEntry.ts';
import type { ClassroomSnapshot } from './classroom.ts';

/**
 * A snapshot is kept after this many lines, or this much real time, whichever comes first: a restart
 * replays at most about this much of the class, and replaying costs what running did (mostly moving
 * the worlds' time: at 1 h a second, about 3.6 ms a seat for each 250 ms tick). A snapshot grows with
 * the class (each seat's course and screens), so snapshots are spaced to take at most
 * 1/{@link SNAPSHOT_COST_SHARE} of the time: one that took 200 ms comes 4 s after the last at the soonest.
 */
export const SNAPSHOT_EVERY_LINES = 500;
export const SNAPSHOT_EVERY_MS = 2000;
export const SNAPSHOT_COST_SHARE = 20;

interface Pending {
  readonly line: StoredLine;
  readonly snapshot: boolean;
  readonly work: ((tx: Tx) => Promise<void>) | null;
  readonly done: { resolve: () => void; reject: (error: unknown) => void };
}

/** How a class's log is told the class's state for a snapshot, the real time, and that it failed. */
export interface ClassLogHooks {
  readonly snapshot: () => ClassroomSnapshot;
  readonly now: () => number;
  /** The log could not be written: the class in memory is ahead of the database and must be dropped. */
  readonly failed: (error: unknown) => void;
  /** Lines between snapshots ({@link SNAPSHOT_EVERY_LINES} unless given: tests take them often, whatever they cost). */
  readonly snapshotEveryLines?: number;
}

/**
 * One class's log as it is written: each line the class applied is appended here in the order it
 * was applied (its number given at once), and written with the lines that came while the previous
 * write was under way, in one transaction (a group commit). `append` resolves only once its line is
 * committed; the server answers a client only then, so a client is never told of a change the
 * database does not have. Once a write fails, every later append fails too: the class must be
 * rebuilt from what was committed.
 */
export class ClassLog {
  readonly #journal: ClassJournal;
  readonly #classId: string;
  readonly #hooks: ClassLogHooks;
  #next: number;
  #queue: Pending[] = [];
  #writing = false;
  #failed: unknown = null;
  #sinceSnapshot = 0;
  #lastSnapshotAt: number;
  /** Real ms the last snapshot took (made and written). */
  #snapshotCost = 0;

  constructor(journal: ClassJournal, classId: string, nextSeq: number, hooks: ClassLogHooks) {
    this.#journal = journal;
    this.#classId = classId;
    this.#next = nextSeq;
    this.#hooks = hooks;
    this.#lastSnapshotAt = hooks.now();
  }

  /** The number the next line will have. */
  get next(): number {
    return this.#next;
  }

  get failed(): boolean {
    return this.#failed !== null;
  }

  /**
   * Appends a line the class has just applied (call it in the same synchronous step as the apply),
   * with work to run in its transaction (and a snapshot with it when `snapshot`); resolves once committed.
   */
  append(entry: ClassEntry, work: ((tx: Tx) => Promise<void>) | null = null, snapshot = false): Promise<void> {
    if (this.#failed !== null) return Promise.reject(this.#failed);
    const line = { seq: this.#next, text: JSON.stringify(entry) };
    this.#next += 1;
    this.#sinceSnapshot += 1;
    const promise = new Promise<void>((resolve, reject) => {
      this.#queue.push({ line, work, snapshot, done: { resolve, reject } });
    });
    if (!this.#writing) void this.#write();
    return promise;
  }

  /** Resolves once everything appended so far is committed (or the log failed). */
  async settled(): Promise<void> {
    while (this.#writing || this.#queue.length > 0) await new Promise((r) => setTimeout(r, 5));
  }

  async #write(): Promise<void> {
    this.#writing = true;
    // let the lines applied in this turn of the event loop join the batch
    await new Promise((r) => setImmediate(r));
    while (this.#queue.length > 0 && this.#failed === null) {
      const batch = this.#queue.splice(0);
      const last = batch[batch.length - 1] as Pending;
      // every line applied so far is in this batch: the class in memory is exactly as of its last line
      const since = this.#hooks.now() - this.#lastSnapshotAt;
      const covered = this.#sinceSnapshot;
      const due =
        batch.some((p) => p.snapshot) ||
        (since >= this.#snapshotCost * (this.#hooks.snapshotEveryLines === undefined ? SNAPSHOT_COST_SHARE : 0) &&
          (this.#sinceSnapshot >= (this.#hooks.snapshotEveryLines ?? SNAPSHOT_EVERY_LINES) ||
            since >= SNAPSHOT_EVERY_MS));
      const started = performance.now();
      const snapshot = due ? { seq: last.line.seq, text: JSON.stringify(this.#hooks.snapshot()) } : null;
      try {
        await this.#journal.append(
          this.#classId,
          batch.map((p) => p.line),
          batch.flatMap((p) => (p.work === null ? [] : [p.work])),
          snapshot,
        );
        if (snapshot !== null) {
          this.#sinceSnapshot -= covered;
          this.#lastSnapshotAt = this.#hooks.now();
          this.#snapshotCost = performance.now() - started;
        }
        for (const p of batch) p.done.resolve();
      } catch (error) {
        this.#failed = error;
        for (const p of [...batch, ...this.#queue.splice(0)]) p.done.reject(error);
        this.#hooks.failed(error);
      }
    }
    this.#writing = false;
  }
}
