import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ClassJournal, LeaseLost } from '../src/db/classJournal.ts';
import { type Database, openDatabase } from '../src/db/database.ts';
import { migrate } from '../src/db/migrations.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const LEASE = 300;

describe.each([
  ['the embedded database (PGlite)', () => openDatabase({ dataDir: null })],
  [
    'a PostgreSQL server',
    async () => {
      // a schema of its own: the records' tests drop and rebuild theirs on the same server meanwhile
      const url = inject('postgresUrl');
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query('DROP SCHEMA IF EXISTS itps_journal_test CASCADE');
      await admin.query('CREATE SCHEMA itps_journal_test');
      await admin.end();
      return openDatabase({
        url: `${url}${url.includes('?') ? '&' : '?'}options=-c%20search_path%3Ditps_journal_test`,
      });
    },
  ],
])('the classes’ leases in %s', (_, open) => {
  let db: Database;
  beforeAll(async () => {
    db = await open();
    await migrate(db);
  });
  afterAll(async () => {
    await db.close();
  });

  const openClass = async (journal: ClassJournal) => {
    const id = randomUUID();
    await journal.open(
      {
        id,
        exerciseFile: 'x.scenario.yaml',
        exerciseName: 'x',
        exerciseVersion: 'v',
        createdAt: new Date().toISOString(),
        endedAt: null,
        code: id.slice(0, 6).toUpperCase(),
        joinUrl: 'http://x/',
        expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
      },
      '{"k":"open"}',
    );
    return id;
  };

  it('lets one process hold a class; another takes it only once the lease lapsed, and the first can no longer write to it', async () => {
    const a = new ClassJournal(db, randomUUID(), LEASE);
    const b = new ClassJournal(db, randomUUID(), LEASE);
    const id = await openClass(a);
    await a.append(id, [{ seq: 1, text: '{"k":"tick","elapsed":1}' }], [], null);
    expect(await b.acquire(id)).toBe(false);
    expect(await b.unheld()).not.toContain(id);
    // a renews: still its own past the first lease's end
    await sleep(LEASE / 2);
    expect(await a.renew([id])).toEqual(new Set([id]));
    await sleep(LEASE / 2 + 50);
    expect(await b.acquire(id)).toBe(false);
    // a stops renewing (killed): after the lease, b takes it up with every line a committed
    await sleep(LEASE + 50);
    expect(await b.unheld()).toContain(id);
    expect(await b.acquire(id)).toBe(true);
    expect((await b.lines(id)).map((l) => l.seq)).toEqual([0, 1]);
    // a, back from a long pause, cannot write a line, and learns the class is no longer its own
    await expect(a.append(id, [{ seq: 2, text: '{"k":"tick","elapsed":2}' }], [], null)).rejects.toBeInstanceOf(
      LeaseLost,
    );
    expect(await a.renew([id])).toEqual(new Set());
    await b.append(id, [{ seq: 2, text: '{"k":"tick","elapsed":3}' }], [], null);
    expect((await b.lines(id)).map((l) => l.text)).toEqual([
      '{"k":"open"}',
      '{"k":"tick","elapsed":1}',
      '{"k":"tick","elapsed":3}',
    ]);
  });

  it('writes the lines and their work in one transaction: a failing record leaves neither', async () => {
    const a = new ClassJournal(db, randomUUID(), 10_000);
    const id = await openClass(a);
    const failing = async (tx: Pick<Database, 'query'>) => {
      await tx.query('SELECT 1');
      throw new Error('the record could not be written');
    };
    await expect(
      a.append(
        id,
        [{ seq: 1, text: '{"k":"end"}' }],
        [ClassJournal.endWork(id, new Date().toISOString()), failing],
        null,
      ),
    ).rejects.toThrow('the record could not be written');
    expect((await a.lines(id)).map((l) => l.seq)).toEqual([0]);
    const ended = await db.query<{ ended_at: unknown }>('SELECT ended_at FROM classes WHERE id = $1', [id]);
    expect(ended[0]?.ended_at).toBeNull();
    // a line number used twice is refused whole (a second writer of the same class)
    await a.append(id, [{ seq: 1, text: '{"k":"tick","elapsed":1}' }], [], null);
    await expect(a.append(id, [{ seq: 1, text: '{"k":"tick","elapsed":2}' }], [], null)).rejects.toThrow();
  });

  it('keeps a text line exactly as given, a \\u0000 and the order of keys included', async () => {
    const a = new ClassJournal(db, randomUUID(), 10_000);
    const id = await openClass(a);
    const text = JSON.stringify({ z: 1, a: 'x\u0000y', k: 'command' });
    await a.append(id, [{ seq: 1, text }], [], { seq: 1, text });
    const loaded = await a.load(id);
    expect(loaded?.snapshot).toEqual({ seq: 1, text });
    expect((await a.lines(id))[1]?.text).toBe(text);
  });
});
