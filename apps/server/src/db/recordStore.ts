import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { ClassEvent, ClassRow, LibraryRef, RecordSummary, StoredRecord, TraineeAction } from '@itps/scenarios';
import type { Database } from './database.ts';

/** A trainee as the records know them: an id, the name they gave, and the key their device holds. */
export interface Trainee {
  readonly id: string;
  readonly name: string;
}

/** A finished exercise to keep (records kept before seats were have neither seat nor class events). */
export type NewRecord = Omit<StoredRecord, 'id' | 'traineeName' | 'seatId' | 'events'> & {
  readonly seatId?: string | null;
  readonly events?: readonly ClassEvent[];
};

const hashKey = (key: string) => createHash('sha256').update(key).digest('hex');

const iso = (value: unknown): string => (value instanceof Date ? value.toISOString() : String(value));

const SUMMARY_COLUMNS = `r.id, r.trainee_id, t.name AS trainee_name, r.class_id, r.exercise_file, r.exercise_name,
  r.exercise_version, r.library_id, r.library_version, r.started_at, r.finished_at, r.score_percent, r.passed, r.seat_id`;

/** The library exercise and version of a row's `library_id` and `library_version`, or null. */
const libraryOf = (row: Record<string, unknown>): LibraryRef | null =>
  row.library_id === null || row.library_id === undefined
    ? null
    : { id: String(row.library_id), version: Number(row.library_version) };

function summaryOf(row: Record<string, unknown>): RecordSummary {
  return {
    id: String(row.id),
    traineeId: String(row.trainee_id),
    traineeName: String(row.trainee_name),
    classId: row.class_id === null ? null : String(row.class_id),
    exerciseFile: String(row.exercise_file),
    exerciseName: String(row.exercise_name),
    exerciseVersion: String(row.exercise_version),
    library: libraryOf(row),
    startedAt: iso(row.started_at),
    finishedAt: iso(row.finished_at),
    scorePercent: Number(row.score_percent),
    passed: Boolean(row.passed),
    seatId: row.seat_id === null || row.seat_id === undefined ? null : String(row.seat_id),
  };
}

/** JSON columns come back parsed from both drivers; a string is parsed here for safety. */
const json = <T>(value: unknown): T => (typeof value === 'string' ? JSON.parse(value) : value) as T;

/**
 * The records: trainees, classes, finished exercises and the instructor's passphrase, over either
 * database. Every query is parameterised; nothing from a client is ever spliced into SQL.
 */
export class RecordStore {
  readonly #db: Database;

  constructor(db: Database) {
    this.#db = db;
  }

  /** The database the records are in (the classes' journal shares it). */
  get db(): Database {
    return this.#db;
  }

  /** Keeps an instructor's session: the hash of its token and until when it lasts. */
  async saveSession(tokenHash: string, until: number): Promise<void> {
    await this.#db.query(
      `INSERT INTO instructor_sessions (token_hash, expires_at) VALUES ($1, $2)
       ON CONFLICT (token_hash) DO UPDATE SET expires_at = EXCLUDED.expires_at`,
      [tokenHash, new Date(until).toISOString()],
    );
  }

  /** Until when the session with this token hash lasts (epoch ms), or null when there is none. */
  async sessionUntil(tokenHash: string): Promise<number | null> {
    const rows = await this.#db.query<{ expires_at: unknown }>(
      'SELECT expires_at FROM instructor_sessions WHERE token_hash = $1',
      [tokenHash],
    );
    return rows[0] === undefined ? null : Date.parse(iso(rows[0].expires_at));
  }

  /** Ends a session (signed out, or expired). */
  async removeSession(tokenHash: string): Promise<void> {
    await this.#db.query('DELETE FROM instructor_sessions WHERE token_hash = $1', [tokenHash]);
  }

  /** The instructor's passphrase hash, or null before it is set (first start). */
  async passphraseHash(): Promise<string | null> {
    const rows = await this.#db.query<{ passphrase_hash: string }>(
      'SELECT passphrase_hash FROM instructor WHERE id = 1',
    );
    return rows[0]?.passphrase_hash ?? null;
  }

  /** Sets the passphrase once; false when one is set already (it is not replaced this way). */
  async setPassphraseHash(hash: string): Promise<boolean> {
    const rows = await this.#db.query(
      'INSERT INTO instructor (id, passphrase_hash) VALUES (1, $1) ON CONFLICT (id) DO NOTHING RETURNING id',
      [hash],
    );
    return rows.length === 1;
  }

  /** A new trainee and the key their device keeps (only its hash is stored). */
  async addTrainee(name: string): Promise<{ trainee: Trainee; key: string }> {
    const trainee = { id: randomUUID(), name };
    const key = randomBytes(32).toString('base64url');
    await this.#db.query('INSERT INTO trainees (id, name, key_hash) VALUES ($1, $2, $3)', [
      trainee.id,
      name,
      hashKey(key),
    ]);
    return { trainee, key };
  }

  /** The trainee a device's key belongs to, or null. */
  async traineeByKey(key: string): Promise<Trainee | null> {
    const rows = await this.#db.query<{ id: string; name: string }>(
      'SELECT id, name FROM trainees WHERE key_hash = $1',
      [hashKey(key)],
    );
    const row = rows[0];
    return row === undefined ? null : { id: String(row.id), name: row.name };
  }

  async addClass(row: ClassRow): Promise<void> {
    await this.#db.query(
      `INSERT INTO classes (id, exercise_file, exercise_name, exercise_version, created_at, ended_at, library_id,
         library_version)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        row.id,
        row.exerciseFile,
        row.exerciseName,
        row.exerciseVersion,
        row.createdAt,
        row.endedAt,
        row.library?.id ?? null,
        row.library?.version ?? null,
      ],
    );
  }

  async endClass(id: string, endedAt: string): Promise<void> {
    await this.#db.query('UPDATE classes SET ended_at = $2 WHERE id = $1', [id, endedAt]);
  }

  /** Every class, newest first. */
  async classes(): Promise<ClassRow[]> {
    const rows = await this.#db.query(
      `SELECT id, exercise_file, exercise_name, exercise_version, library_id, library_version, created_at, ended_at
       FROM classes ORDER BY created_at DESC`,
    );
    return rows.map((row) => ({
      id: String(row.id),
      exerciseFile: String(row.exercise_file),
      exerciseName: String(row.exercise_name),
      exerciseVersion: String(row.exercise_version),
      library: libraryOf(row),
      createdAt: iso(row.created_at),
      endedAt: row.ended_at === null ? null : iso(row.ended_at),
    }));
  }

  /**
   * Keeps a finished exercise (in the transaction `tx` when given: a class's end keeps all its records
   * in one); returns its id (`id` when given).
   */
  async addRecord(
    record: NewRecord,
    tx: Pick<Database, 'query'> = this.#db,
    id: string = randomUUID(),
  ): Promise<string> {
    await tx.query(
      `INSERT INTO records (id, trainee_id, class_id, exercise_file, exercise_name, exercise_version, started_at,
         finished_at, score_percent, passed, debrief, record, seat_id, events, library_id, library_version)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)`,
      [
        id,
        record.traineeId,
        record.classId,
        record.exerciseFile,
        record.exerciseName,
        record.exerciseVersion,
        record.startedAt,
        record.finishedAt,
        record.scorePercent,
        record.passed,
        JSON.stringify(record.debrief),
        JSON.stringify(record.record),
        record.seatId ?? null,
        JSON.stringify(record.events ?? []),
        record.library?.id ?? null,
        record.library?.version ?? null,
      ],
    );
    return id;
  }

  /**
   * The records, newest first: one trainee's, one class's, or every one; each with what the class did
   * to it and what the trainee did (for the exports), without its debrief and course.
   */
  async list(filter: { readonly traineeId?: string; readonly classId?: string } = {}): Promise<RecordSummary[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.traineeId !== undefined) {
      params.push(filter.traineeId);
      where.push(`r.trainee_id = $${params.length}`);
    }
    if (filter.classId !== undefined) {
      params.push(filter.classId);
      where.push(`r.class_id = $${params.length}`);
    }
    const rows = await this.#db.query(
      `SELECT ${SUMMARY_COLUMNS}, r.events, r.record->'trainee' AS actions
       FROM records r JOIN trainees t ON t.id = r.trainee_id
       ${where.length === 0 ? '' : `WHERE ${where.join(' AND ')}`} ORDER BY r.finished_at DESC, r.id`,
      params,
    );
    return rows.map((row) => ({
      ...summaryOf(row),
      events: json<ClassEvent[]>(row.events),
      actions: json<TraineeAction[] | null>(row.actions) ?? [],
    }));
  }

  /** One record whole, or null. */
  async get(id: string): Promise<StoredRecord | null> {
    const rows = await this.#db.query(
      `SELECT ${SUMMARY_COLUMNS}, r.debrief, r.record, r.seat_id, r.events
       FROM records r JOIN trainees t ON t.id = r.trainee_id WHERE r.id = $1`,
      [id],
    );
    const row = rows[0];
    if (row === undefined) return null;
    return {
      ...summaryOf(row),
      debrief: json(row.debrief),
      record: json(row.record),
      seatId: row.seat_id === null ? null : String(row.seat_id),
      events: json(row.events),
    };
  }
}
