import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { migrate } from './migrations.ts';

/** The one thing the records need of a database: SQL with numbered parameters, rows back. */
export interface Database {
  /** Which database this is, for the start-up line and the logs (never a password). */
  readonly describe: string;
  query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<Row[]>;
  /** Runs `work` in one transaction: all of it or none. */
  transaction<T>(work: (db: Pick<Database, 'query'>) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** Where the records live: an embedded PostgreSQL (PGlite) in a folder, or a PostgreSQL server. */
export type DatabaseOptions = { readonly url: string } | { readonly dataDir: string | null };

/**
 * Opens the records' database and brings its schema up to date. With a `url` (the `DATABASE_URL`
 * of a training department's PostgreSQL server) it uses that server; otherwise the embedded
 * PGlite, kept in `dataDir` (in memory when null, for tests). Both run the same migrations.
 */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  const db = 'url' in options ? await openServer(options.url) : await openEmbedded(options.dataDir);
  await migrate(db);
  return db;
}

async function openEmbedded(dataDir: string | null): Promise<Database> {
  const lite = dataDir === null ? new PGlite() : new PGlite(dataDir);
  await lite.waitReady;
  return {
    describe:
      dataDir === null ? 'embedded PostgreSQL (PGlite, in memory)' : `embedded PostgreSQL (PGlite) in ${dataDir}`,
    query: async <Row>(sql: string, params: readonly unknown[] = []) =>
      (await lite.query<Row>(sql, params as unknown[])).rows,
    transaction: (work) =>
      lite.transaction((tx) =>
        work({
          query: async <Row>(sql: string, params: readonly unknown[] = []) =>
            (await tx.query<Row>(sql, params as unknown[])).rows,
        }),
      ),
    close: () => lite.close(),
  };
}

async function openServer(url: string): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  // fail at start, with the server's own words, rather than at the first record
  const client = await pool.connect();
  client.release();
  const where = new URL(url);
  return {
    describe: `PostgreSQL at ${where.hostname}:${where.port || '5432'}${where.pathname}`,
    query: async <Row>(sql: string, params: readonly unknown[] = []) =>
      (await pool.query(sql, params as unknown[])).rows as Row[],
    async transaction(work) {
      const conn = await pool.connect();
      try {
        await conn.query('BEGIN');
        const result = await work({
          query: async <Row>(sql: string, params: readonly unknown[] = []) =>
            (await conn.query(sql, params as unknown[])).rows as Row[],
        });
        await conn.query('COMMIT');
        return result;
      } catch (error) {
        await conn.query('ROLLBACK');
        throw error;
      } finally {
        conn.release();
      }
    },
    close: () => pool.end(),
  };
}
