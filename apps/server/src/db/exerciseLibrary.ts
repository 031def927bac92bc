import { randomUUID } from 'node:crypto';
import type { ExerciseMeta } from '@itps/scenarios';
import type { Database } from './database.ts';

/** One exercise as the library lists it: its latest version. */
export interface LibraryEntry {
  readonly id: string;
  readonly title: string;
  readonly topic: readonly string[];
  readonly difficulty: string | null;
  readonly version: number;
  readonly retired: boolean;
  /** A shipped exercise, offered read-only to start from (never in the table). */
  readonly template: boolean;
  /** When the latest version was saved (ISO 8601); null for a template. */
  readonly savedAt: string | null;
  /** The brief, for text search (not sent in lists). */
  readonly brief: string;
}

/** Which exercises a list shows. */
export interface LibraryFilter {
  /** Words in the title or the brief, any case. */
  readonly q?: string;
  readonly topic?: string;
  readonly difficulty?: string;
  /** `active` (the default): not retired; `retired`: only retired; `all`: both. */
  readonly retired?: 'active' | 'retired' | 'all';
}

/** What a save may come back with besides its version. */
export type SaveOutcome =
  | { readonly ok: true; readonly version: number }
  | { readonly ok: false; readonly reason: 'unknown' }
  | { readonly ok: false; readonly reason: 'retired' }
  | { readonly ok: false; readonly reason: 'conflict'; readonly latest: number };

const iso = (value: unknown): string => (value instanceof Date ? value.toISOString() : String(value));
/** JSON columns come back parsed from both drivers; a string is parsed here for safety. */
const json = <T>(value: unknown): T => (typeof value === 'string' ? JSON.parse(value) : value) as T;
/** A search text as a LIKE pattern that matches it literally anywhere. */
const likeAnywhere = (text: string): string => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * The exercise library in the records database: each exercise its versions, every save a new
 * version (never one changed in place), listed and searched by text, topic and difficulty,
 * duplicated, retired (hidden from choice, every version kept for the records that name it).
 * Parameterised SQL only. What is saved is checked before it comes here.
 */
export class ExerciseLibrary {
  readonly #db: Database;
  readonly #now: () => number;

  constructor(db: Database, now: () => number = Date.now) {
    this.#db = db;
    this.#now = now;
  }

  /** A new exercise whose version 1 is `yaml`; `from` names what it was duplicated from. */
  async create(yaml: string, meta: ExerciseMeta, from: string | null = null): Promise<{ id: string; version: 1 }> {
    const id = randomUUID();
    const at = new Date(this.#now()).toISOString();
    await this.#db.transaction(async (tx) => {
      await tx.query(
        'INSERT INTO library_exercises (id, created_at, retired_at, duplicated_from) VALUES ($1, $2, NULL, $3)',
        [id, at, from],
      );
      await this.#insertVersion(tx, id, 1, yaml, meta, at);
    });
    return { id, version: 1 };
  }

  /**
   * Saves `yaml` as the next version of an exercise, only when `baseVersion` (the version the
   * editor started from) is still the latest: two instructors editing the same exercise cannot
   * overwrite each other; the second is told which version is now the latest.
   */
  async save(id: string, yaml: string, meta: ExerciseMeta, baseVersion: number): Promise<SaveOutcome> {
    return this.#db.transaction(async (tx): Promise<SaveOutcome> => {
      // the exercise's row locked: saves of one exercise queue here, one after the other
      const rows = await tx.query<{ retired_at: unknown }>(
        'SELECT retired_at FROM library_exercises WHERE id = $1 FOR UPDATE',
        [id],
      );
      const row = rows[0];
      if (row === undefined) return { ok: false, reason: 'unknown' };
      if (row.retired_at !== null) return { ok: false, reason: 'retired' };
      const latest = await this.#latest(tx, id);
      if (latest !== baseVersion) return { ok: false, reason: 'conflict', latest };
      await this.#insertVersion(tx, id, latest + 1, yaml, meta, new Date(this.#now()).toISOString());
      return { ok: true, version: latest + 1 };
    });
  }

  /** Hides an exercise from choice (its versions kept); false when there is no such exercise. */
  async retire(id: string): Promise<boolean> {
    const rows = await this.#db.query(
      'UPDATE library_exercises SET retired_at = COALESCE(retired_at, $2) WHERE id = $1 RETURNING id',
      [id, new Date(this.#now()).toISOString()],
    );
    return rows.length === 1;
  }

  /** The exercises (their latest versions) the filter lets through, newest save first. */
  async list(filter: LibraryFilter = {}): Promise<LibraryEntry[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const retired = filter.retired ?? 'active';
    if (retired === 'active') where.push('e.retired_at IS NULL');
    if (retired === 'retired') where.push('e.retired_at IS NOT NULL');
    if (filter.q !== undefined && filter.q.trim() !== '') {
      params.push(likeAnywhere(filter.q.trim()));
      where.push(`(v.title ILIKE $${params.length} ESCAPE '\\' OR v.brief ILIKE $${params.length} ESCAPE '\\')`);
    }
    if (filter.topic !== undefined) {
      params.push(JSON.stringify([filter.topic]));
      where.push(`v.topics @> $${params.length}::jsonb`);
    }
    if (filter.difficulty !== undefined) {
      params.push(filter.difficulty);
      where.push(`v.difficulty = $${params.length}`);
    }
    const rows = await this.#db.query(
      `SELECT e.id, e.retired_at, v.version, v.title, v.brief, v.topics, v.difficulty, v.saved_at
       FROM library_exercises e
       JOIN library_versions v ON v.exercise_id = e.id
         AND v.version = (SELECT max(version) FROM library_versions w WHERE w.exercise_id = e.id)
       ${where.length === 0 ? '' : `WHERE ${where.join(' AND ')}`}
       ORDER BY v.saved_at DESC, e.id`,
      params,
    );
    return rows.map((row) => ({
      id: String(row.id),
      title: String(row.title),
      topic: json<string[]>(row.topics),
      difficulty: row.difficulty === null ? null : String(row.difficulty),
      version: Number(row.version),
      retired: row.retired_at !== null,
      template: false,
      savedAt: iso(row.saved_at),
      brief: String(row.brief),
    }));
  }

  /** An exercise's versions (oldest first), whether it is retired, and its latest version's YAML; null when unknown. */
  async get(id: string): Promise<{
    versions: { version: number; savedAt: string }[];
    retired: boolean;
    latest: { version: number; yaml: string };
  } | null> {
    const exercise = await this.#db.query<{ retired_at: unknown }>(
      'SELECT retired_at FROM library_exercises WHERE id = $1',
      [id],
    );
    if (exercise[0] === undefined) return null;
    const rows = await this.#db.query<{ version: number; saved_at: unknown; yaml: string }>(
      'SELECT version, saved_at, yaml FROM library_versions WHERE exercise_id = $1 ORDER BY version',
      [id],
    );
    const last = rows[rows.length - 1];
    /* v8 ignore next -- @preserve an exercise is created with its version 1, in one transaction */
    if (last === undefined) return null;
    return {
      versions: rows.map((r) => ({ version: Number(r.version), savedAt: iso(r.saved_at) })),
      retired: exercise[0].retired_at !== null,
      latest: { version: Number(last.version), yaml: last.yaml },
    };
  }

  /** One version's YAML (and whether the exercise is retired), or null. */
  async version(id: string, version: number): Promise<{ yaml: string; retired: boolean; title: string } | null> {
    const rows = await this.#db.query<{ yaml: string; retired_at: unknown; title: string }>(
      `SELECT v.yaml, v.title, e.retired_at FROM library_versions v JOIN library_exercises e ON e.id = v.exercise_id
       WHERE v.exercise_id = $1 AND v.version = $2`,
      [id, version],
    );
    const row = rows[0];
    return row === undefined ? null : { yaml: row.yaml, retired: row.retired_at !== null, title: row.title };
  }

  async #latest(tx: Pick<Database, 'query'>, id: string): Promise<number> {
    const rows = await tx.query<{ latest: unknown }>(
      'SELECT max(version) AS latest FROM library_versions WHERE exercise_id = $1',
      [id],
    );
    return Number(rows[0]?.latest ?? 0);
  }

  async #insertVersion(
    tx: Pick<Database, 'query'>,
    id: string,
    version: number,
    yaml: string,
    meta: ExerciseMeta,
    at: string,
  ): Promise<void> {
    await tx.query(
      `INSERT INTO library_versions (exercise_id, version, yaml, title, brief, topics, difficulty, saved_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [id, version, yaml, meta.title, meta.brief, JSON.stringify(meta.topics), meta.difficulty, at],
    );
  }
}
