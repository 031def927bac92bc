import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadExercises, TRAINING_DIR } from '../src/classroom/exercises.ts';
import { openDatabase } from '../src/db/database.ts';
import { RecordStore } from '../src/db/recordStore.ts';
import { MAX_LIBRARY_YAML_BYTES } from '../src/library/checkLibraryYaml.ts';
import { buildServer } from '../src/server.ts';
import { pollAsync, type RealServer, startRealServer } from './realServer.ts';
import { socketClient } from './socketClient.ts';

const LOW = readFileSync(join(TRAINING_DIR, 'low-reservoir-alarm.scenario.yaml'), 'utf8');

let server: RealServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

const call = (s: RealServer, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object, token = s.token) =>
  s.app.inject({
    method,
    url,
    ...(payload === undefined ? {} : { payload }),
    headers: token === '' ? {} : { authorization: `Bearer ${token}` },
  });

describe('the exercise library over HTTP, behind the instructor passphrase', () => {
  it('refuses every route without the passphrase', async () => {
    server = await startRealServer();
    const s = server;
    for (const [method, url] of [
      ['GET', '/api/library'],
      ['GET', '/api/library/template:low-reservoir-alarm'],
      ['GET', '/api/library/template:low-reservoir-alarm/versions/1'],
      ['GET', '/api/library/template:low-reservoir-alarm/versions/1/export'],
      ['POST', '/api/library'],
      ['PUT', '/api/library/00000000-0000-4000-8000-000000000001'],
      ['POST', '/api/library/template:low-reservoir-alarm/duplicate'],
      ['POST', '/api/library/00000000-0000-4000-8000-000000000001/retire'],
    ] as const) {
      const answer = await call(s, method, url, method === 'GET' ? undefined : { yaml: LOW }, '');
      expect([url, answer.statusCode, answer.json().error.code]).toEqual([url, 401, 'auth.required']);
    }
  });

  it('lists the shipped exercises as read-only templates: opened, exported and duplicated, never saved over or retired', async () => {
    server = await startRealServer();
    const s = server;
    const list = (await call(s, 'GET', '/api/library')).json();
    // every shipped exercise, and nothing else while nothing is saved
    expect(list).toHaveLength((await loadExercises()).size);
    expect(list.find((e: { id: string }) => e.id === 'template:low-reservoir-alarm')).toEqual({
      id: 'template:low-reservoir-alarm',
      title: 'Training: the low-reservoir alarm',
      topic: ['refill', 'alarms'],
      difficulty: 'introductory',
      version: 1,
      retired: false,
      template: true,
      savedAt: null,
    });
    const one = (await call(s, 'GET', '/api/library/template:low-reservoir-alarm')).json();
    expect(one).toMatchObject({
      id: 'template:low-reservoir-alarm',
      template: true,
      latest: { version: 1, yaml: LOW },
    });
    const exported = await call(s, 'GET', '/api/library/template:low-reservoir-alarm/versions/1/export');
    expect(exported.headers['content-type']).toBe('text/yaml; charset=utf-8');
    expect(exported.headers['content-disposition']).toBe(
      'attachment; filename="the-low-reservoir-alarm.v1.scenario.yaml"',
    );
    expect(exported.body).toBe(LOW);
    const put = await call(s, 'PUT', '/api/library/template:low-reservoir-alarm', { yaml: LOW, baseVersion: 1 });
    expect([put.statusCode, put.json().error.code]).toEqual([409, 'library.template']);
    const retire = await call(s, 'POST', '/api/library/template:low-reservoir-alarm/retire', {});
    expect([retire.statusCode, retire.json().error.code]).toEqual([409, 'library.template']);
    // duplicated: an exercise of one's own, version 1, named as a copy
    const copy = (await call(s, 'POST', '/api/library/template:low-reservoir-alarm/duplicate', {})).json();
    const copied = (await call(s, 'GET', `/api/library/${copy.id}`)).json();
    expect(copied).toMatchObject({ id: copy.id, template: false, retired: false, versions: [{ version: 1 }] });
    expect(copied.latest.yaml).toContain('name: "Training: the low-reservoir alarm (copy)"');
    // filtered by topic and difficulty, templates and saved exercises alike
    const alarms = (await call(s, 'GET', '/api/library?topic=alarms&difficulty=introductory')).json();
    expect(alarms.map((e: { id: string }) => e.id)).toEqual([
      copy.id,
      'template:elective-replacement',
      'template:low-reservoir-alarm',
    ]);
    const words = (await call(s, 'GET', '/api/library?q=kowalski')).json();
    expect(words.map((e: { id: string }) => e.id)).toEqual([copy.id, 'template:low-reservoir-alarm']);
  });

  it('imports an exercise, edits it into version 2, refuses a stale save (409), exports each version as it was saved', async () => {
    server = await startRealServer();
    const s = server;
    const created = await call(s, 'POST', '/api/library', { yaml: LOW });
    expect(created.statusCode).toBe(200);
    const { id, version } = created.json();
    expect(version).toBe(1);
    const edited = LOW.replace('volumeMl: 2.5', 'volumeMl: 3');
    const saved = await call(s, 'PUT', `/api/library/${id}`, { yaml: edited, baseVersion: 1 });
    expect(saved.json()).toMatchObject({ version: 2 });
    const stale = await call(s, 'PUT', `/api/library/${id}`, { yaml: LOW, baseVersion: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toEqual({
      code: 'library.conflict',
      message: 'Version 2 was saved since you opened version 1: open it, then make your changes again.',
      where: 'baseVersion',
      expected: 'the latest version, 2',
      found: '1',
      latest: 2,
    });
    const whole = (await call(s, 'GET', `/api/library/${id}`)).json();
    expect(whole.versions.map((v: { version: number }) => v.version)).toEqual([1, 2]);
    expect(whole.latest).toEqual({ version: 2, yaml: edited });
    expect((await call(s, 'GET', `/api/library/${id}/versions/1`)).json()).toEqual({ version: 1, yaml: LOW });
    expect((await call(s, 'GET', `/api/library/${id}/versions/1/export`)).body).toBe(LOW);
    expect((await call(s, 'GET', `/api/library/${id}/versions/2/export`)).body).toBe(edited);
    const missing = await call(s, 'GET', `/api/library/${id}/versions/3`);
    expect([missing.statusCode, missing.json().error.code]).toEqual([404, 'library.version']);
    // retired: gone from choice, kept for the records
    expect((await call(s, 'POST', `/api/library/${id}/retire`, {})).json()).toEqual({ id, retired: true });
    expect((await call(s, 'GET', '/api/library')).json().some((e: { id: string }) => e.id === id)).toBe(false);
    expect((await call(s, 'GET', '/api/library?retired=true')).json()).toMatchObject([
      { id, retired: true, version: 2 },
    ]);
    expect((await call(s, 'GET', `/api/library/${id}/versions/1`)).statusCode).toBe(200);
    const classOfRetired = await call(s, 'POST', '/api/classes', { libraryId: id, version: 2 });
    expect([classOfRetired.statusCode, classOfRetired.json().error.code]).toEqual([409, 'library.retired']);
  });

  it('refuses an exercise with errors, every problem at its field; a window after the end as one no trainee can pass', async () => {
    server = await startRealServer();
    const s = server;
    const bad = LOW.replace('volumeMl: 2.5', 'volumeMl: 25').replace(
      'model: synchromed-ii-20',
      'model: synchromed-iii',
    );
    const refused = await call(s, 'POST', '/api/library', { yaml: bad });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error).toMatchObject({
      code: 'exercise.invalid',
      where: 'pump.model',
      problems: [
        {
          path: 'pump.model',
          message:
            'The pump model: expected one of "synchromed-ii-20", "synchromed-ii-40", "prometra-ii-20"; found "synchromed-iii".',
          severity: 'error',
        },
      ],
    });
    const unpassable = LOW.replace('before: P2D', 'after: P5D');
    const never = (await call(s, 'POST', '/api/library', { yaml: unpassable })).json().error;
    expect(never.code).toBe('exercise.invalid');
    expect(never.problems).toContainEqual({
      path: 'training.objectives.0.after',
      message: 'The objective’s window opens: expected a window that opens before the end (P4D); found P5D.',
      severity: 'error',
    });
    const yamlSyntax = (await call(s, 'POST', '/api/library', { yaml: 'format: [' })).json().error;
    expect(yamlSyntax.problems[0].message).toMatch(/^The exercise: expected a YAML or JSON document; found /);
    // nothing was kept
    expect((await call(s, 'GET', '/api/library')).json().filter((e: { template: boolean }) => !e.template)).toEqual([]);
  });

  it('refuses bad requests with where, expected and found, and bounds their size', async () => {
    server = await startRealServer();
    const s = server;
    const topic = (await call(s, 'GET', '/api/library?topic=knitting')).json().error;
    expect(topic).toMatchObject({ code: 'request.invalid', where: 'query.topic', found: '"knitting"' });
    expect(topic.expected).toMatch(/^one of "screening", "titration"/);
    const extra = (await call(s, 'POST', '/api/library', { yaml: LOW, sneaky: 1 })).json().error;
    expect(extra).toMatchObject({ where: 'body', expected: 'no field "sneaky"' });
    const base = (await call(s, 'PUT', '/api/library/00000000-0000-4000-8000-000000000001', { yaml: LOW })).json()
      .error;
    expect(base).toMatchObject({ where: 'body.baseVersion', found: 'nothing' });
    const id = await call(s, 'GET', '/api/library/not-an-id');
    expect([id.statusCode, id.json().error.where]).toEqual([404, 'id']);
    const unknown = await call(s, 'PUT', '/api/library/00000000-0000-4000-8000-000000000001', {
      yaml: LOW,
      baseVersion: 1,
    });
    expect([unknown.statusCode, unknown.json().error.code]).toEqual([404, 'library.unknown']);
    const big = `${LOW}\n# ${'x'.repeat(MAX_LIBRARY_YAML_BYTES)}\n`;
    const tooBig = (await call(s, 'POST', '/api/library', { yaml: big })).json().error;
    expect(tooBig.problems[0].message).toBe(
      `The exercise: expected at most ${MAX_LIBRARY_YAML_BYTES} bytes of YAML; found ${Buffer.byteLength(big)} bytes.`,
    );
    const huge = await call(s, 'POST', '/api/library', { yaml: 'x'.repeat(3 * MAX_LIBRARY_YAML_BYTES) });
    expect(huge.statusCode).toBe(413);
    const empty = (await call(s, 'POST', '/api/library', { yaml: '' })).json().error;
    expect(empty).toMatchObject({ where: 'body.yaml', expected: 'a non-empty text', found: '""' });
    const longQuery = (await call(s, 'GET', `/api/library?q=${'a'.repeat(201)}`)).json().error;
    expect(longQuery).toMatchObject({ where: 'query.q', expected: 'at most 200 characters' });
    expect(longQuery.found).toMatch(/^"a{56}\.\.\.$/);
    const wordBase = (
      await call(s, 'PUT', '/api/library/00000000-0000-4000-8000-000000000001', { yaml: LOW, baseVersion: 'two' })
    ).json().error;
    expect(wordBase).toMatchObject({ where: 'body.baseVersion', found: '"two"' });
    const noSuch = '00000000-0000-4000-8000-00000000beef';
    for (const [method, url] of [
      ['GET', `/api/library/${noSuch}`],
      ['POST', `/api/library/${noSuch}/duplicate`],
      ['POST', `/api/library/${noSuch}/retire`],
      ['GET', '/api/library/template:no-such-exercise'],
    ] as const) {
      const answer = await call(s, method, url, method === 'GET' ? undefined : {});
      expect([url, answer.statusCode, answer.json().error.code]).toEqual([url, 404, 'library.unknown']);
    }
    const version = await call(s, 'GET', '/api/library/template:low-reservoir-alarm/versions/first');
    expect([version.statusCode, version.json().error]).toEqual([
      404,
      {
        code: 'library.version',
        message: 'No version "first": versions are whole numbers from 1.',
        where: 'version',
        expected: 'a whole number from 1',
        found: '"first"',
      },
    ]);
    expect((await call(s, 'GET', '/api/library/template:low-reservoir-alarm/versions/2')).statusCode).toBe(404);
    // a template opened as a class from the library is the shipped exercise, naming no library version
    const template = (
      await call(s, 'POST', '/api/classes', { libraryId: 'template:low-reservoir-alarm', version: 1 })
    ).json();
    expect(template.exercise).toMatchObject({ file: 'low-reservoir-alarm.scenario.yaml', library: null });
    const classBody = (
      await call(s, 'POST', '/api/classes', { libraryId: 'template:nothing-here', version: 1 })
    ).json();
    expect(classBody.error).toMatchObject({ code: 'exercise.unknown', where: 'libraryId' });
  });
});

describe('a class opened on a version names it in every record, after a later version too', () => {
  it('records made in a class opened on version 1 name version 1 once version 2 exists; the CSV and xAPI carry it', async () => {
    server = await startRealServer();
    const s = server;
    const { id } = (await call(s, 'POST', '/api/library', { yaml: LOW })).json();
    const opened = (await call(s, 'POST', '/api/classes', { libraryId: id, version: 1 })).json();
    expect(opened.exercise).toMatchObject({ file: `library/${id}`, library: { id, version: 1 } });
    // version 2 is saved while the class runs
    const edited = LOW.replace('volumeMl: 2.5', 'volumeMl: 3');
    expect((await call(s, 'PUT', `/api/library/${id}`, { yaml: edited, baseVersion: 1 })).json().version).toBe(2);
    const ana = await s.seated(opened.code, 'Ana');
    ana.send({ type: 'finish' });
    const records = await pollAsync(async () => {
      const list = (await call(s, 'GET', `/api/records?classId=${opened.classId}`)).json().records;
      return list.length > 0 ? list : undefined;
    });
    expect(records).toHaveLength(1);
    expect(records?.[0]).toMatchObject({ exerciseFile: `library/${id}`, library: { id, version: 1 } });
    const record = (await call(s, 'GET', `/api/records/${records?.[0].id}`)).json();
    expect(record.library).toEqual({ id, version: 1 });
    expect((await call(s, 'GET', '/api/classes')).json().history[0]).toMatchObject({
      id: opened.classId,
      library: { id, version: 1 },
    });
    const csv = (await call(s, 'GET', `/api/records.csv?classId=${opened.classId}`)).body.split('\r\n');
    const header = csv[0]?.split(',') ?? [];
    const row = csv[1]?.split(',') ?? [];
    expect(row[header.indexOf('library exercise')]).toBe(id);
    expect(row[header.indexOf('library version')]).toBe('1');
    const [statement] = (await call(s, 'GET', `/api/records.xapi.json?classId=${opened.classId}`)).json();
    expect(statement.context.extensions).toMatchObject({
      'https://itps.invalid/xapi/library-exercise': id,
      'https://itps.invalid/xapi/library-version': 1,
    });
    // a class opened now on version 2 names version 2
    const second = (await call(s, 'POST', '/api/classes', { libraryId: id, version: 2 })).json();
    expect(second.exercise.library).toEqual({ id, version: 2 });
  });
});

describe('a class of a library version, taken up again from its log by another server process', () => {
  it('keeps naming the version it was opened on: the rebuilt class and the records its end writes', async () => {
    const db = await openDatabase({ dataDir: null });
    const exercises = await loadExercises();
    const serve = async () => {
      let base = '';
      const built = await buildServer({
        store: new RecordStore(db),
        exercises,
        staticDir: null,
        publicUrl: () => base,
        tickMs: 0,
        setupCode: 'TEST-CODE',
      });
      await built.app.listen({ port: 0, host: '127.0.0.1' });
      base = `http://127.0.0.1:${(built.app.server.address() as AddressInfo).port}/`;
      return { ...built, base };
    };
    const first = await serve();
    const token = (
      await first.app.inject({
        method: 'POST',
        url: '/api/instructor/setup',
        payload: { passphrase: 'the sim lab key', setupCode: 'TEST-CODE' },
      })
    ).json().token as string;
    const auth = { authorization: `Bearer ${token}` };
    const send = (app: typeof first.app, method: 'POST' | 'PUT' | 'GET', url: string, payload?: object) =>
      app.inject({ method, url, headers: auth, ...(payload === undefined ? {} : { payload }) });
    const { id } = (await send(first.app, 'POST', '/api/library', { yaml: LOW })).json();
    const opened = (await send(first.app, 'POST', '/api/classes', { libraryId: id, version: 1 })).json();
    const ana = await socketClient(first.base);
    ana.send({ type: 'join', code: opened.code, name: 'Ana' });
    await ana.next('joined');
    await first.hub.settled();
    ana.socket.close();
    await first.app.close();
    // version 2 saved while no server holds the class; another process takes the class up from its log
    const second = await serve();
    const edited = LOW.replace('volumeMl: 2.5', 'volumeMl: 3');
    expect((await send(second.app, 'PUT', `/api/library/${id}`, { yaml: edited, baseVersion: 1 })).json().version).toBe(
      2,
    );
    const rebuilt = second.hub.classroom(opened.classId);
    expect(rebuilt?.exercise.library).toEqual({ id, version: 1 });
    expect(rebuilt?.exercise.text).toBe(LOW);
    const instructor = await socketClient(second.base);
    instructor.send({ type: 'instructor', token });
    await instructor.next('instructor');
    instructor.send({ type: 'control', classId: opened.classId, action: 'end' });
    const records = await pollAsync(async () => {
      const list = (await send(second.app, 'GET', `/api/records?classId=${opened.classId}`)).json().records;
      return list.length > 0 ? list : undefined;
    });
    expect(records?.map((r: { traineeName: string; library: unknown }) => [r.traineeName, r.library])).toEqual([
      ['Ana', { id, version: 1 }],
    ]);
    instructor.socket.close();
    await second.app.close();
    await db.close();
  });
});
