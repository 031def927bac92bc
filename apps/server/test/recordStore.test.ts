import type { TrainingDebrief, TrainingRecord } from '@itps/scenarios';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type Database, openDatabase } from '../src/db/database.ts';
import { ExerciseLibrary } from '../src/db/exerciseLibrary.ts';
import { MIGRATIONS, migrate } from '../src/db/migrations.ts';
import { RecordStore } from '../src/db/recordStore.ts';

const debrief = { scenario: 'Training: x', scorePercent: 75, passed: true } as unknown as TrainingDebrief;
const record = {
  format: 'itps-training/2',
  trainee: [{ at: 0, type: 'clinical.suspectOverdose' }],
} as unknown as TrainingRecord;

describe.each([
  ['the embedded database (PGlite)', () => openDatabase({ dataDir: null })],
  ['a PostgreSQL server', () => openDatabase({ url: inject('postgresUrl') })],
])('the records in %s', (_, open) => {
  let db: Database;
  let store: RecordStore;

  beforeAll(async () => {
    db = await open();
    // a clean schema each run on a shared server
    await db.query(
      'DROP TABLE IF EXISTS records, class_log, class_snapshots, class_leases, class_seats, instructor_sessions, classes, library_versions, library_exercises, trainees, instructor, itps_migrations CASCADE',
    );
    await migrate(db);
    store = new RecordStore(db);
  });
  afterAll(async () => {
    await db.close();
  });

  it('applies each migration once, and a second run applies none', async () => {
    const rows = await db.query<{ version: number }>('SELECT version FROM itps_migrations ORDER BY version');
    expect(rows.map((r) => Number(r.version))).toEqual(MIGRATIONS.map((_, i) => i + 1));
    expect(await migrate(db)).toBe(0);
  });

  it('sets the instructor passphrase once and keeps only what it is given (a hash)', async () => {
    expect(await store.passphraseHash()).toBeNull();
    expect(await store.setPassphraseHash('scrypt$hash-one')).toBe(true);
    expect(await store.setPassphraseHash('scrypt$hash-two')).toBe(false);
    expect(await store.passphraseHash()).toBe('scrypt$hash-one');
  });

  it("finds a trainee by their device's key, never by a wrong one, and stores only the key's hash", async () => {
    const { trainee, key } = await store.addTrainee('Ana');
    expect(await store.traineeByKey(key)).toEqual(trainee);
    expect(await store.traineeByKey(`${key}x`)).toBeNull();
    const stored = await db.query<{ key_hash: string }>('SELECT key_hash FROM trainees WHERE id = $1', [trainee.id]);
    expect(stored[0]?.key_hash).not.toContain(key);
  });

  it("keeps a finished exercise whole and lists it for its trainee and its class, not for another's", async () => {
    const ana = (await store.addTrainee('Ana')).trainee;
    const ben = (await store.addTrainee('Ben O\'Neil, "Benny"')).trainee;
    const classId = '00000000-0000-4000-8000-000000000001';
    await store.addClass({
      id: classId,
      exerciseFile: 'x.scenario.yaml',
      exerciseName: 'Training: x',
      exerciseVersion: 'abc123',
      createdAt: '2026-11-30T09:00:00.000Z',
      endedAt: null,
    });
    const base = {
      classId,
      exerciseFile: 'x.scenario.yaml',
      exerciseName: 'Training: x',
      exerciseVersion: 'abc123',
      startedAt: '2026-11-30T09:00:00.000Z',
      scorePercent: 75,
      passed: true,
      debrief,
      record,
    };
    const first = await store.addRecord({ ...base, traineeId: ana.id, finishedAt: '2026-11-30T09:30:00.000Z' });
    const second = await store.addRecord({
      ...base,
      traineeId: ben.id,
      finishedAt: '2026-11-30T09:40:00.000Z',
      scorePercent: 40,
      passed: false,
    });
    await store.endClass(classId, '2026-11-30T10:00:00.000Z');

    expect((await store.list({ traineeId: ana.id })).map((r) => r.id)).toEqual([first]);
    expect((await store.list({ classId })).map((r) => r.traineeName)).toEqual(['Ben O\'Neil, "Benny"', 'Ana']);
    const whole = await store.get(second);
    expect(whole).toMatchObject({
      traineeName: 'Ben O\'Neil, "Benny"',
      scorePercent: 40,
      passed: false,
      finishedAt: '2026-11-30T09:40:00.000Z',
      debrief,
      record,
    });
    expect((await store.classes())[0]).toMatchObject({ id: classId, endedAt: '2026-11-30T10:00:00.000Z' });
  });

  it('keeps the library exercise and version a class was opened on, on the class and on each record', async () => {
    const library = new ExerciseLibrary(db);
    const meta = { title: 'Training: y', topics: [], difficulty: null, brief: 'b' };
    const { id } = await library.create('name: y', meta);
    const ref = { id, version: 1 };
    const classId = '00000000-0000-4000-8000-000000000002';
    await store.addClass({
      id: classId,
      exerciseFile: `library/${id}`,
      exerciseName: 'Training: y',
      exerciseVersion: 'def456',
      library: ref,
      createdAt: '2026-12-01T09:00:00.000Z',
      endedAt: null,
    });
    const ana = (await store.addTrainee('Ana')).trainee;
    const recordId = await store.addRecord({
      traineeId: ana.id,
      classId,
      exerciseFile: `library/${id}`,
      exerciseName: 'Training: y',
      exerciseVersion: 'def456',
      library: ref,
      startedAt: '2026-12-01T09:00:00.000Z',
      finishedAt: '2026-12-01T09:30:00.000Z',
      scorePercent: 80,
      passed: true,
      debrief,
      record,
    });
    expect((await store.list({ classId }))[0]?.library).toEqual(ref);
    expect((await store.get(recordId))?.library).toEqual(ref);
    expect((await store.classes()).find((c) => c.id === classId)?.library).toEqual(ref);
    // a shipped exercise's class and records name none
    expect((await store.classes()).find((c) => c.id === '00000000-0000-4000-8000-000000000001')?.library).toBeNull();
    // a library id that is not in the library is refused
    await expect(
      store.addRecord({
        traineeId: ana.id,
        classId,
        exerciseFile: 'x',
        exerciseName: 'x',
        exerciseVersion: 'x',
        library: { id: '00000000-0000-4000-8000-00000000dead', version: 1 },
        startedAt: '2026-12-01T09:00:00.000Z',
        finishedAt: '2026-12-01T09:30:00.000Z',
        scorePercent: 80,
        passed: true,
        debrief,
        record,
      }),
    ).rejects.toThrow();
  });

  it('refuses a score out of 0 to 100 and a record of no trainee, keeping nothing', async () => {
    const before = (await store.list()).length;
    const ana = (await store.addTrainee('Ana')).trainee;
    const bad = {
      classId: null,
      exerciseFile: 'x',
      exerciseName: 'x',
      exerciseVersion: 'x',
      startedAt: '2026-11-30T09:00:00.000Z',
      finishedAt: '2026-11-30T09:00:00.000Z',
      passed: true,
      debrief,
      record,
    };
    await expect(store.addRecord({ ...bad, traineeId: ana.id, scorePercent: 101 })).rejects.toThrow();
    await expect(
      store.addRecord({ ...bad, traineeId: '00000000-0000-4000-8000-00000000dead', scorePercent: 50 }),
    ).rejects.toThrow();
    expect((await store.list()).length).toBe(before);
  });

  it('rolls a failed transaction back whole', async () => {
    await expect(
      db.transaction(async (tx) => {
        await tx.query(
          "INSERT INTO trainees (id, name, key_hash) VALUES ('00000000-0000-4000-8000-0000000000aa', 'Half', 'h')",
        );
        await tx.query('SELECT no_such_column FROM trainees');
      }),
    ).rejects.toThrow();
    expect(await db.query("SELECT id FROM trainees WHERE name = 'Half'")).toEqual([]);
  });
});
