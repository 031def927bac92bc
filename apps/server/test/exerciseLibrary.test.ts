import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { exerciseMeta, parseScenario } from '@itps/scenarios';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { TRAINING_DIR } from '../src/classroom/exercises.ts';
import { type Database, openDatabase } from '../src/db/database.ts';
import { ExerciseLibrary } from '../src/db/exerciseLibrary.ts';
import { migrate } from '../src/db/migrations.ts';

const text = (file: string) => readFileSync(join(TRAINING_DIR, file), 'utf8');
const metaOf = (yaml: string) => {
  const parsed = parseScenario(yaml, 'x.yaml');
  if (!parsed.ok) throw new Error('does not parse');
  return exerciseMeta(parsed.scenario);
};
const LOW = text('low-reservoir-alarm.scenario.yaml');
const MRI = text('post-mri-stall.scenario.yaml');
const renamed = (yaml: string, name: string) => yaml.replace(/^name: .*$/m, `name: "${name}"`);

describe.each([
  ['the embedded database (PGlite)', () => openDatabase({ dataDir: null })],
  [
    'a PostgreSQL server',
    async () => {
      // a schema of its own: the other database tests drop and rebuild theirs on the same server meanwhile
      const url = inject('postgresUrl');
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query('DROP SCHEMA IF EXISTS itps_library_test CASCADE');
      await admin.query('CREATE SCHEMA itps_library_test');
      await admin.end();
      return openDatabase({
        url: `${url}${url.includes('?') ? '&' : '?'}options=-c%20search_path%3Ditps_library_test`,
      });
    },
  ],
])('the exercise library in %s', (_, open) => {
  let db: Database;
  let library: ExerciseLibrary;
  let clock = Date.parse('2026-12-01T09:00:00.000Z');
  beforeAll(async () => {
    db = await open();
    await migrate(db);
    library = new ExerciseLibrary(db, () => {
      clock += 60_000;
      return clock;
    });
  });
  afterAll(async () => {
    await db.close();
  });

  it('keeps every save as a new version, never changing one in place', async () => {
    const { id, version } = await library.create(LOW, metaOf(LOW));
    expect(version).toBe(1);
    const edited = renamed(LOW, 'Training: the low-reservoir alarm, a week late');
    expect(await library.save(id, edited, metaOf(edited), 1)).toEqual({ ok: true, version: 2 });
    expect((await library.version(id, 1))?.yaml).toBe(LOW);
    expect((await library.version(id, 2))?.yaml).toBe(edited);
    const whole = await library.get(id);
    expect(whole?.versions.map((v) => v.version)).toEqual([1, 2]);
    expect(whole?.latest).toEqual({ version: 2, yaml: edited });
    // the list shows the latest version's title
    expect((await library.list()).find((e) => e.id === id)).toMatchObject({
      title: 'Training: the low-reservoir alarm, a week late',
      version: 2,
      topic: ['refill', 'alarms'],
      difficulty: 'introductory',
      retired: false,
      template: false,
    });
  });

  it('refuses a save from a version that is no longer the latest, saying which is (two editors)', async () => {
    const { id } = await library.create(MRI, metaOf(MRI));
    const [a, b] = await Promise.all([
      library.save(id, renamed(MRI, 'A'), metaOf(renamed(MRI, 'A')), 1),
      library.save(id, renamed(MRI, 'B'), metaOf(renamed(MRI, 'B')), 1),
    ]);
    // exactly one of the two concurrent saves from version 1 is kept
    expect([a, b].filter((o) => o.ok)).toEqual([{ ok: true, version: 2 }]);
    expect([a, b].filter((o) => !o.ok)).toEqual([{ ok: false, reason: 'conflict', latest: 2 }]);
    expect((await library.get(id))?.versions.map((v) => v.version)).toEqual([1, 2]);
    expect(await library.save('00000000-0000-4000-8000-00000000beef', MRI, metaOf(MRI), 1)).toEqual({
      ok: false,
      reason: 'unknown',
    });
  });

  it('searches by words of the title or brief, by topic and by difficulty; a % or _ is a letter, not a wildcard', async () => {
    const ids = (list: { id: string; title: string }[]) => list.map((e) => e.title).sort();
    const titles = ids(await library.list({ q: 'MRI' }));
    expect(titles).toEqual(['A', 'B'].filter((t) => titles.includes(t)));
    expect(titles.length).toBe(1);
    expect(ids(await library.list({ q: 'kowalski' }))).toEqual(['Training: the low-reservoir alarm, a week late']);
    expect((await library.list({ topic: 'mri' })).length).toBe(1);
    expect((await library.list({ topic: 'alarms' })).length).toBe(2);
    expect((await library.list({ difficulty: 'intermediate' })).map((e) => e.topic)).toEqual([['mri', 'alarms']]);
    expect(await library.list({ q: '100%' })).toEqual([]);
    expect(await library.list({ q: '_' })).toEqual([]);
  });

  it('retires an exercise: hidden from the list, kept whole, listed among the retired; no more saves', async () => {
    const { id } = await library.create(LOW, metaOf(LOW));
    expect(await library.retire(id)).toBe(true);
    expect((await library.list()).some((e) => e.id === id)).toBe(false);
    expect((await library.list({ retired: 'retired' })).map((e) => e.id)).toEqual([id]);
    expect((await library.list({ retired: 'all' })).some((e) => e.id === id)).toBe(true);
    expect(await library.version(id, 1)).toMatchObject({ yaml: LOW, retired: true });
    expect(await library.save(id, LOW, metaOf(LOW), 1)).toEqual({ ok: false, reason: 'retired' });
    expect(await library.retire('00000000-0000-4000-8000-00000000beef')).toBe(false);
  });
});
