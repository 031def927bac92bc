import type { AddressInfo } from 'node:net';
import { applyViewDelta, type ServerMessage } from '@itps/scenarios';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { ClassHub } from '../src/classroom/classHub.ts';
import { loadExercises } from '../src/classroom/exercises.ts';
import { type Database, openDatabase } from '../src/db/database.ts';
import { RecordStore } from '../src/db/recordStore.ts';
import { buildServer } from '../src/server.ts';

let app: FastifyInstance;
let hub: ClassHub;
let db: Database;
let base: string;
let token: string;

/** A client on the real socket that keeps every message it is sent. */
async function client() {
  const socket = new WebSocket(`${base.replace('http', 'ws')}ws`);
  const received: ServerMessage[] = [];
  socket.on('message', (data) => received.push(JSON.parse(String(data)) as ServerMessage));
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
  const next = async (type: ServerMessage['type']): Promise<ServerMessage> => {
    for (let i = 0; i < 200; i += 1) {
      const at = received.findIndex((m) => m.type === type);
      if (at >= 0) return received.splice(at, 1)[0] as ServerMessage;
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error(`no ${type} message; had ${JSON.stringify(received.map((m) => m.type))}`);
  };
  return {
    socket,
    received,
    next,
    send: (value: unknown) => socket.send(typeof value === 'string' ? value : JSON.stringify(value)),
  };
}

const post = async (path: string, body: unknown, key?: string) =>
  app.inject({
    method: 'POST',
    url: path,
    payload: body as object,
    headers: key === undefined ? {} : { authorization: `Bearer ${key}` },
  });

beforeAll(async () => {
  db = await openDatabase({ dataDir: null });
  ({ app, hub } = await buildServer({
    store: new RecordStore(db),
    exercises: await loadExercises(),
    staticDir: null,
    publicUrl: () => base,
    tickMs: 0,
    setupCode: 'TEST-CODE',
  }));
  await app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/`;
  token = (await post('/api/instructor/setup', { passphrase: 'the sim lab key', setupCode: 'TEST-CODE' })).json().token;
});

afterAll(async () => {
  await app.close();
  await db.close();
});

async function openClass(): Promise<{ classId: string; code: string }> {
  const created = (await post('/api/classes', { exercise: 'flex-entry-error.scenario.yaml' }, token)).json();
  return { classId: created.classId, code: created.code };
}

async function seated(code: string, name: string) {
  const c = await client();
  c.send({ type: 'join', code, name });
  const joined = (await c.next('joined')) as Extract<ServerMessage, { type: 'joined' }>;
  const first = (await c.next('trainee')) as Extract<ServerMessage, { type: 'trainee' }>;
  return { ...c, joined, first };
}

describe('the classroom server refuses what it must, and changes nothing when it does', () => {
  it('answers malformed, invalid and oversized messages with an error and keeps the connection to the world unchanged', async () => {
    const { classId, code } = await openClass();
    const ana = await seated(code, 'Ana');
    const before = JSON.stringify(hub.classroom(classId)?.seats()[0]?.worldState());

    ana.send('{not json');
    expect(await ana.next('error')).toMatchObject({ code: 'message.json', message: 'A message must be JSON.' });
    ana.send({ type: 'teleport' });
    expect(await ana.next('error')).toMatchObject({ code: 'message.invalid' });
    ana.send({ type: 'command', id: 1, command: { type: 'time.advance', to: 10 ** 12 } });
    const time = await ana.next('error');
    expect(time).toMatchObject({ code: 'command.invalid', about: 'command' });
    expect((time as { message: string }).message).toBe(
      'command: type: expected type one of "programmer.act", "patient.testDose", "ptm.press", "pump.replace", "pump.connect", "clinical.act", found "time.advance"',
    );
    ana.send({ type: 'command', id: 2, command: { type: 'fault.inject', fault: { kind: 'memoryError' } } });
    expect(await ana.next('error')).toMatchObject({ code: 'command.invalid' });
    ana.send({
      type: 'command',
      id: 3,
      command: { type: 'programmer.act', event: { type: 'telemetry.report', view: {} } },
    });
    expect(await ana.next('error')).toMatchObject({ code: 'command.invalid' });
    ana.send({
      type: 'command',
      id: 4,
      command: { type: 'visit.needle', visit: { aspirate: -5, site: 'reservoir', inject: { volume: 0, masses: {} } } },
    });
    expect(await ana.next('error')).toMatchObject({ code: 'command.invalid' });
    expect(JSON.stringify(hub.classroom(classId)?.seats()[0]?.worldState())).toBe(before);

    // a frame over the limit is refused by the socket itself (close code 1009, message too big)
    const closed = new Promise<number>((resolve) => ana.socket.once('close', (codeNumber) => resolve(codeNumber)));
    ana.send(JSON.stringify({ type: 'join', code, name: 'x'.repeat(70 * 1024) }));
    expect(await closed).toBe(1009);
    expect(JSON.stringify(hub.classroom(classId)?.seats()[0]?.worldState())).toBe(before);
  });

  it('refuses out-of-turn messages: a command before joining, a second join, instructor acts from a trainee', async () => {
    const { classId, code } = await openClass();
    const stranger = await client();
    stranger.send({ type: 'command', id: 1, command: { type: 'clinical.act', action: 'clinical.suspectOverdose' } });
    expect(await stranger.next('error')).toMatchObject({ code: 'message.outOfTurn', about: 'command' });
    stranger.send({ type: 'inject', classId, seatId: 'all', fault: 'occlusion' });
    expect(await stranger.next('error')).toMatchObject({ code: 'auth.required', about: 'inject' });
    stranger.send({ type: 'instructor', token: 'guessed-token' });
    expect(await stranger.next('error')).toMatchObject({ code: 'auth.refused' });
    stranger.send({ type: 'join', code: 'ZZZZZZ', name: 'Eve' });
    expect(await stranger.next('error')).toMatchObject({ code: 'class.unknown' });

    const ben = await seated(code, 'Ben');
    ben.send({ type: 'join', code, name: 'Ben again' });
    expect(await ben.next('error')).toMatchObject({ code: 'message.outOfTurn', about: 'join' });
    ben.send({ type: 'instructor', token });
    expect(await ben.next('error')).toMatchObject({ code: 'message.outOfTurn', about: 'instructor' });
    ben.send({ type: 'control', classId, action: 'end' });
    expect(await ben.next('error')).toMatchObject({ code: 'auth.required' });
    expect(hub.classroom(classId)?.ended).toBe(false);

    // while the class is paused a trainee's act is refused as the programmer would, and nothing moves
    const before = JSON.stringify(hub.classroom(classId)?.seats()[0]?.worldState());
    ben.send({ type: 'command', id: 7, command: { type: 'programmer.act', event: { type: 'session.connect' } } });
    expect(await ben.next('result')).toMatchObject({
      id: 7,
      result: { ok: false, refusal: { code: 'programmer.unavailable' } },
    });
    expect(JSON.stringify(hub.classroom(classId)?.seats()[0]?.worldState())).toBe(before);
  });

  it("sends a trainee's device no truth, no fault, no scenario text and no patient course, even after an injected fault", async () => {
    const { classId, code } = await openClass();
    const ana = await seated(code, 'Ana');
    const instructor = await client();
    instructor.send({ type: 'instructor', token });
    await instructor.next('instructor');
    instructor.send({ type: 'control', classId, action: 'run', speed: 3600 });
    await ana.next('traineeDelta');
    instructor.send({ type: 'inject', classId, seatId: 'all', fault: 'occlusion' });
    hub.tick(2000);
    // views after the first go as their changes: the device's view is the first with each applied
    const moved = (await ana.next('traineeDelta')) as Extract<ServerMessage, { type: 'traineeDelta' }>;
    const deltas = [moved, ...ana.received].filter((m) => m.type === 'traineeDelta');
    expect(deltas.map((d) => d.base)).toEqual(deltas.map((_, i) => moved.base + i));
    const after = deltas.reduce((view, d) => applyViewDelta(view, d.ops), ana.first);
    for (const d of deltas)
      expect(JSON.stringify(d)).not.toMatch(/truth|occlusion|timeline|csf|withdrawal|relativeEffect|sinks/i);
    expect(Object.keys(after.exercise).sort()).toEqual([
      'brief',
      'course',
      'debrief',
      'name',
      'phase',
      'screens',
      'trainee',
    ]);
    expect(after.exercise).toMatchObject({ course: [], screens: [], debrief: null });
    expect(JSON.stringify(after)).not.toMatch(/truth|occlusion|timeline|csf|withdrawal|relativeEffect|sinks/i);
    expect(hub.classroom(classId)?.view(false).seats[0]?.faults).toEqual(['Catheter occlusion (full)']);
  });

  it('bounds the message rate of a connection', async () => {
    const c = await client();
    for (let i = 0; i < 60; i += 1) c.send({ type: 'resume', seat: 'nobody' });
    const rate = await c.next('error').then(async () => {
      for (let i = 0; i < 200; i += 1) {
        const found = c.received.find((m) => m.type === 'error' && m.code === 'message.rate');
        if (found !== undefined) return found;
        await new Promise((r) => setTimeout(r, 10));
      }
      return undefined;
    });
    expect(rate).toMatchObject({ code: 'message.rate' });
  });

  it("lets a trainee read their own records only: another trainee's record is refused", async () => {
    const { classId, code } = await openClass();
    const ana = await seated(code, 'Ana');
    const ben = await seated(code, 'Ben');
    const instructor = await client();
    instructor.send({ type: 'instructor', token });
    await instructor.next('instructor');
    instructor.send({ type: 'control', classId, action: 'end' });
    await ana.next('traineeDelta');
    const anaKey = ana.joined.traineeKey as string;
    const benKey = ben.joined.traineeKey as string;
    const list = async (key: string) =>
      (await app.inject({ url: '/api/records', headers: { authorization: `Bearer ${key}` } })).json();
    for (let i = 0; i < 100 && (await list(anaKey)).records.length === 0; i += 1)
      await new Promise((r) => setTimeout(r, 20));
    const anas = (await list(anaKey)).records;
    expect(anas).toHaveLength(1);
    expect(anas[0].traineeName).toBe('Ana');
    const bensId = (await list(benKey)).records[0].id;
    const stolen = await app.inject({ url: `/api/records/${bensId}`, headers: { authorization: `Bearer ${anaKey}` } });
    expect(stolen.statusCode).toBe(403);
    expect(stolen.json()).toEqual({
      error: { code: 'record.notYours', message: 'A trainee sees only their own records.' },
    });
    expect((await app.inject({ url: `/api/records/${bensId}` })).statusCode).toBe(401);
    expect(
      (await app.inject({ url: '/api/records/not-a-uuid', headers: { authorization: `Bearer ${anaKey}` } })).statusCode,
    ).toBe(404);
    expect(
      (await app.inject({ url: `/api/records/${bensId}`, headers: { authorization: `Bearer ${token}` } })).json()
        .traineeName,
    ).toBe('Ben');

    // the ended class's code no longer seats anyone
    const late = await client();
    late.send({ type: 'join', code, name: 'Late' });
    expect(await late.next('error')).toMatchObject({ code: 'class.unknown' });
  });

  it('guards the instructor passphrase: set once, wrong ones refused and then slowed', async () => {
    expect(
      (await post('/api/instructor/setup', { passphrase: 'another passphrase', setupCode: 'TEST-CODE' })).statusCode,
    ).toBe(409);
    expect((await post('/api/instructor/login', { passphrase: 'short' })).statusCode).toBe(401);
    for (let i = 0; i < 4; i += 1) await post('/api/instructor/login', { passphrase: 'wrong passphrase' });
    const slowed = await post('/api/instructor/login', { passphrase: 'the sim lab key' });
    expect(slowed.statusCode).toBe(429);
    expect((await app.inject({ url: '/api/exercises' })).statusCode).toBe(401);
    expect((await post('/api/classes', { exercise: '../../etc/passwd' }, token)).json().error.code).toBe(
      'exercise.unknown',
    );
  });
});
