import type { Database } from './database.ts';

/**
 * The records' schema, as numbered steps applied once each, in order, in one transaction per step.
 * Never edit a step that has shipped: add the next one.
 */
export const MIGRATIONS: readonly string[] = [
  `CREATE TABLE instructor (
     id integer PRIMARY KEY CHECK (id = 1),
     passphrase_hash text NOT NULL,
     created_at timestamptz NOT NULL DEFAULT now()
   );
   CREATE TABLE trainees (
     id uuid PRIMARY KEY,
     name text NOT NULL,
     key_hash text NOT NULL UNIQUE,
     created_at timestamptz NOT NULL DEFAULT now()
   );
   CREATE TABLE classes (
     id uuid PRIMARY KEY,
     exercise_file text NOT NULL,
     exercise_name text NOT NULL,
     exercise_version text NOT NULL,
     created_at timestamptz NOT NULL,
     ended_at timestamptz
   );
   CREATE TABLE records (
     id uuid PRIMARY KEY,
     trainee_id uuid NOT NULL REFERENCES trainees (id),
     class_id uuid REFERENCES classes (id),
     exercise_file text NOT NULL,
     exercise_name text NOT NULL,
     exercise_version text NOT NULL,
     started_at timestamptz NOT NULL,
     finished_at timestamptz NOT NULL,
     score_percent integer NOT NULL CHECK (score_percent BETWEEN 0 AND 100),
     passed boolean NOT NULL,
     debrief jsonb NOT NULL,
     record jsonb NOT NULL
   );
   CREATE INDEX records_by_trainee ON records (trainee_id, finished_at);
   CREATE INDEX records_by_class ON records (class_id, finished_at);`,
];

/** Applies the steps the database has not had yet; returns how many it applied. */
export async function migrate(db: Database): Promise<number> {
  await db.query(`CREATE TABLE IF NOT EXISTS itps_migrations (
    version integer PRIMARY KEY,
    applied_at timestamptz NOT NULL DEFAULT now()
  )`);
  const rows = await db.query<{ version: number }>('SELECT version FROM itps_migrations');
  const done = new Set(rows.map((r) => r.version));
  let applied = 0;
  for (const [index, sql] of MIGRATIONS.entries()) {
    const version = index + 1;
    if (done.has(version)) continue;
    await db.transaction(async (tx) => {
      for (const statement of sql.split(/;\s*$/m).filter((s) => s.trim() !== '')) await tx.query(statement);
      await tx.query('INSERT INTO itps_migrations (version) VALUES ($1)', [version]);
    });
    applied += 1;
  }
  return applied;
}
