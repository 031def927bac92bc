import { createHash } from 'node:crypto';
import type { ClassRow } from '@itps/scenarios';
import type { Database } from './database.ts';

/** The SHA-256 of a secret (a seat's token, an instructor's session), as the database keeps it. */
export const hashSecret = (secret: string): string => createHash('sha256').update(secret).digest('hex');

/** How long a lease on a class lasts unless renewed (ms): a dead holder's classes are free this soon. */
export const LEASE_MS = 5000;

/** The class's lease is held by another process (or expired and was taken): this process must let it go. */
export class LeaseLost extends Error {
  constructor(readonly classId: string) {
    super(`The lease on class ${classId} is held by another server process.`);
  }
}

/** What a transaction may run: the work a log line carries with it (a record, the class's end). */
export type Tx = Pick<Database, 'query'>;

/** One line of a class's log as stored: its number and its JSON text. */
export interface StoredLine {
  readonly seq: number;
  readonly text: string;
}

/** An open class's row, with its code and join address. */
export interface OpenClassRow extends ClassRow {
  readonly code: string;
  readonly joinUrl: string;
  readonly expiresAt: string;
}

/**
 * The classes' log, snapshots, leases and seats in the database: parameterised SQL only. Each class
 * is held by one server process (its `holder` id) under a lease row that expires within seconds
 * unless renewed; every append checks the lease in the same transaction, so a process that lost its
 * class can never write to it again.
 */
export class ClassJournal {
  readonly #db: Database;
  readonly holder: string;
  readonly #leaseMs: number;

  constructor(db: Database, holder: string, leaseMs: number = LEASE_MS) {
    this.#db = db;
    this.holder = holder;
    this.#leaseMs = leaseMs;
  }

  /** Opens a class: its row, line 0 of its log and this process's lease on it, in one transaction. */
  async open(row: OpenClassRow, line0: string): Promise<void> {
    await this.#db.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO classes (id, exercise_file, exercise_name, exercise_version, created_at, ended_at, code, join_url, expires_at,
           library_id, library_version)
         VALUES ($1, $2, $3, $4, $5, NULL, $6, $7, $8, $9, $10)`,
        [
          row.id,
          row.exerciseFile,
          row.exerciseName,
          row.exerciseVersion,
          row.createdAt,
          row.code,
          row.joinUrl,
          row.expiresAt,
          row.library?.id ?? null,
          row.library?.version ?? null,
        ],
      );
      await tx.query('INSERT INTO class_log (class_id, seq, entry) VALUES ($1, 0, $2)', [row.id, line0]);
      await tx.query(
        `INSERT INTO class_leases (class_id, holder, expires_at) VALUES ($1, $2, now() + $3 * interval '1 millisecond')`,
        [row.id, this.holder, this.#leaseMs],
      );
    });
  }

  /**
   * Appends lines to a class's log with the work they carry, in one transaction that first renews
   * this process's lease: all of it or none. Throws {@link LeaseLost} when the lease is not ours.
   */
  async append(
    classId: string,
    lines: readonly StoredLine[],
    work: readonly ((tx: Tx) => Promise<void>)[],
    snapshot: StoredLine | null,
  ): Promise<void> {
    await this.#db.transaction(async (tx) => {
      const held = await tx.query(
        `UPDATE class_leases SET expires_at = now() + $3 * interval '1 millisecond'
         WHERE class_id = $1 AND holder = $2 RETURNING class_id`,
        [classId, this.holder, this.#leaseMs],
      );
      if (held.length !== 1) throw new LeaseLost(classId);
      // rows of parameters (never jsonb: it refuses a \u0000 a trainee may have typed, and reorders keys)
      for (let from = 0; from < lines.length; from += 500) {
        const chunk = lines.slice(from, from + 500);
        const params: unknown[] = [classId];
        const rows = chunk.map((line) => {
          params.push(line.seq, line.text);
          return `($1, $${params.length - 1}, $${params.length})`;
        });
        await tx.query(`INSERT INTO class_log (class_id, seq, entry) VALUES ${rows.join(', ')}`, params);
      }
      for (const w of work) await w(tx);
      if (snapshot !== null)
        await tx.query(
          `INSERT INTO class_snapshots (class_id, seq, snapshot) VALUES ($1, $2, $3)
           ON CONFLICT (class_id) DO UPDATE SET seq = EXCLUDED.seq, snapshot = EXCLUDED.snapshot, taken_at = now()`,
          [classId, snapshot.seq, snapshot.text],
        );
    });
  }

  /** A class's latest snapshot and the lines after it, in order (line 0 always among them). */
  async load(classId: string): Promise<{ snapshot: StoredLine | null; lines: StoredLine[]; line0: string } | null> {
    const first = await this.#db.query<{ entry: string }>(
      'SELECT entry FROM class_log WHERE class_id = $1 AND seq = 0',
      [classId],
    );
    const line0 = first[0]?.entry;
    if (line0 === undefined) return null;
    const snaps = await this.#db.query<{ seq: number; snapshot: string }>(
      'SELECT seq, snapshot FROM class_snapshots WHERE class_id = $1',
      [classId],
    );
    const snap = snaps[0];
    const after = snap === undefined ? 0 : Number(snap.seq);
    const rows = await this.#db.query<{ seq: number; entry: string }>(
      'SELECT seq, entry FROM class_log WHERE class_id = $1 AND seq > $2 ORDER BY seq',
      [classId, after],
    );
    return {
      line0,
      snapshot: snap === undefined ? null : { seq: Number(snap.seq), text: snap.snapshot },
      lines: rows.map((r) => ({ seq: Number(r.seq), text: r.entry })),
    };
  }

  /** Every line of a class's log, in order (for tests and audits). */
  async lines(classId: string): Promise<StoredLine[]> {
    const rows = await this.#db.query<{ seq: number; entry: string }>(
      'SELECT seq, entry FROM class_log WHERE class_id = $1 ORDER BY seq',
      [classId],
    );
    return rows.map((r) => ({ seq: Number(r.seq), text: r.entry }));
  }

  /**
   * Takes the lease on a class when it is free (no lease, or expired), or whatever its state when
   * `force` (the one process on an embedded database); true when this process now holds it.
   */
  async acquire(classId: string, force = false): Promise<boolean> {
    const rows = await this.#db.query(
      `INSERT INTO class_leases (class_id, holder, expires_at) VALUES ($1, $2, now() + $3 * interval '1 millisecond')
       ON CONFLICT (class_id) DO UPDATE SET holder = EXCLUDED.holder, expires_at = EXCLUDED.expires_at
       WHERE class_leases.holder = $2 OR class_leases.expires_at < now() OR $4
       RETURNING class_id`,
      [classId, this.holder, this.#leaseMs, force],
    );
    return rows.length === 1;
  }

  /** Renews this process's leases on `classIds`; returns those it still holds. */
  async renew(classIds: readonly string[]): Promise<Set<string>> {
    if (classIds.length === 0) return new Set();
    const rows = await this.#db.query<{ class_id: string }>(
      `UPDATE class_leases SET expires_at = now() + $3 * interval '1 millisecond'
       WHERE holder = $2 AND class_id = ANY ($1::uuid[]) RETURNING class_id`,
      [`{${classIds.join(',')}}`, this.holder, this.#leaseMs],
    );
    return new Set(rows.map((r) => String(r.class_id)));
  }

  /** Lets a class go (this process stops holding it). */
  async release(classId: string): Promise<void> {
    await this.#db.query('DELETE FROM class_leases WHERE class_id = $1 AND holder = $2', [classId, this.holder]);
  }

  /**
   * Classes not ended that no live process holds: ready to be taken up (one whose code expired
   * meanwhile is taken up to be ended, its exercises scored and kept).
   */
  async unheld(): Promise<string[]> {
    const rows = await this.#db.query<{ id: string }>(
      `SELECT c.id FROM classes c LEFT JOIN class_leases l ON l.class_id = c.id
       WHERE c.ended_at IS NULL AND c.code IS NOT NULL
         AND (l.class_id IS NULL OR l.expires_at < now())
       ORDER BY c.created_at`,
    );
    return rows.map((r) => String(r.id));
  }

  /** Every class not ended (its code may have expired: it is then ended when taken up), held here or elsewhere. */
  async openClasses(): Promise<string[]> {
    const rows = await this.#db.query<{ id: string }>(
      `SELECT id FROM classes WHERE ended_at IS NULL AND code IS NOT NULL ORDER BY created_at`,
    );
    return rows.map((r) => String(r.id));
  }

  /** The open class a join code belongs to, or null. */
  async classByCode(code: string): Promise<string | null> {
    const rows = await this.#db.query<{ id: string }>(
      'SELECT id FROM classes WHERE code = $1 AND ended_at IS NULL ORDER BY created_at DESC LIMIT 1',
      [code],
    );
    return rows[0] === undefined ? null : String(rows[0].id);
  }

  /** The class a seat's token (by its hash) belongs to, or null. */
  async classBySeat(tokenHash: string): Promise<string | null> {
    const rows = await this.#db.query<{ class_id: string }>('SELECT class_id FROM class_seats WHERE token_hash = $1', [
      tokenHash,
    ]);
    return rows[0] === undefined ? null : String(rows[0].class_id);
  }

  /** The work that keeps a new seat's token hash with its class (run in the join line's transaction). */
  static seatWork(classId: string, seatId: string, tokenHash: string): (tx: Tx) => Promise<void> {
    return async (tx) => {
      await tx.query('INSERT INTO class_seats (token_hash, class_id, seat_id) VALUES ($1, $2, $3)', [
        tokenHash,
        classId,
        seatId,
      ]);
    };
  }

  /** The work that marks a class ended (run in the end line's transaction). */
  static endWork(classId: string, endedAt: string): (tx: Tx) => Promise<void> {
    return async (tx) => {
      await tx.query('UPDATE classes SET ended_at = $2 WHERE id = $1', [classId, endedAt]);
      await tx.query('DELETE FROM class_leases WHERE class_id = $1', [classId]);
    };
  }
}
