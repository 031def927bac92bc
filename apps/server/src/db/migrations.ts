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
  // 2: a class is its commands. Every accepted command and class event is a row of class_log, in the
  // transaction that accepts it (as JSON text: a replay must see the very keys and order it logged);
  // a snapshot bounds the replay; a lease says which server process
  // holds the class; seat tokens and instructor sessions are kept as hashes so both survive a restart.
  `ALTER TABLE classes ADD COLUMN code text;
   ALTER TABLE classes ADD COLUMN join_url text;
   ALTER TABLE classes ADD COLUMN expires_at timestamptz;
   CREATE INDEX classes_open_by_code ON classes (code) WHERE ended_at IS NULL;
   CREATE TABLE class_log (
     class_id uuid NOT NULL REFERENCES classes (id),
     seq integer NOT NULL CHECK (seq >= 0),
     entry text NOT NULL,
     logged_at timestamptz NOT NULL DEFAULT now(),
     PRIMARY KEY (class_id, seq)
   );
   CREATE TABLE class_snapshots (
     class_id uuid PRIMARY KEY REFERENCES classes (id),
     seq integer NOT NULL,
     snapshot text NOT NULL,
     taken_at timestamptz NOT NULL DEFAULT now()
   );
   CREATE TABLE class_leases (
     class_id uuid PRIMARY KEY REFERENCES classes (id),
     holder text NOT NULL,
     expires_at timestamptz NOT NULL
   );
   CREATE TABLE class_seats (
     token_hash text PRIMARY KEY,
     class_id uuid NOT NULL REFERENCES classes (id),
     seat_id uuid NOT NULL UNIQUE
   );
   CREATE TABLE instructor_sessions (
     token_hash text PRIMARY KEY,
     expires_at timestamptz NOT NULL
   );
   ALTER TABLE records ADD COLUMN seat_id uuid;
   ALTER TABLE records ADD COLUMN events jsonb NOT NULL DEFAULT '[]';
   CREATE UNIQUE INDEX records_one_per_seat ON records (seat_id) WHERE seat_id IS NOT NULL;`,
  // 3: the exercise library (issue #31). An exercise is its versions: every save inserts the next
  // version, none is ever changed; what the list searches (title, brief, topics, difficulty) is kept
  // beside each version's YAML. Retiring an exercise hides it from choice and keeps every version.
  // A class, and each record made in it, names the library exercise and version it was opened with
  // (null for a shipped exercise).
  `CREATE TABLE library_exercises (
     id uuid PRIMARY KEY,
     created_at timestamptz NOT NULL,
     retired_at timestamptz,
     duplicated_from text
   );
   CREATE TABLE library_versions (
     exercise_id uuid NOT NULL REFERENCES library_exercises (id),
     version integer NOT NULL CHECK (version >= 1),
     yaml text NOT NULL,
     title text NOT NULL,
     brief text NOT NULL,
     topics jsonb NOT NULL,
     difficulty text,
     saved_at timestamptz NOT NULL,
     PRIMARY KEY (exercise_id, version)
   );
   ALTER TABLE classes ADD COLUMN library_id uuid REFERENCES library_exercises (id);
   ALTER TABLE classes ADD COLUMN library_version integer;
   ALTER TABLE records ADD COLUMN library_id uuid REFERENCES library_exercises (id);
   ALTER TABLE records ADD COLUMN library_version integer;`,
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
