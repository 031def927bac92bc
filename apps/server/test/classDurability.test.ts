import type { AddressInfo } from 'node:net';
import type { ServerMessage } from '@itps/scenarios';
import validateStatement from '@learninglocker/xapi-validation';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import type { ClassHub } from '../src/classroom/classHub.ts';
import { loadExercises } from '../src/classroom/exercises.ts';
import { type Database, openDatabase } from '../src/db/database.ts';
import { RecordStore } from '../src/db/recordStore.ts';
import { buildServer } from '../src/server.ts';
import { type SocketClient, socketClient, TRAINEE_COMMANDS } from './socketClient.ts';

const exercises = await loadExercises();
const SETUP_CODE = 'TEST-CODE';
const open: { app: FastifyInstance; db: Database }[] = [];

async function serve(db: Database, snapshotEveryLines?: number, now?: () => number) {
  let base = '';
  const { app, hub } = await buildServer({
    store: new RecordStore(db),
    exercises,
    staticDir: null,
    publicUrl: () => base,
    tickMs: 0,
    setupCode: SETUP_CODE,
    ...(snapshotEveryLines === undefined ? {} : { snapshotEveryLines }),
    ...(now === undefined ? {} : { now }),
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/`;
  open.push({ app, db });
  return { app, hub, base };
}

afterEach(async () => {
  for (const { app } of open.splice(0)) await app.close();
});

/** A class run by an instructor and three trainees: commands, ticks, a fault, a pause, a change of speed, one finish. */
async function runClass(hub: ClassHub, base: string, app: FastifyInstance) {
  const token = (
    await app.inject({
      method: 'POST',
      url: '/api/instructor/setup',
      payload: { passphrase: 'the sim lab key', setupCode: SETUP_CODE },
    })
  ).json().token as string;
  const created = (
    await app.inject({
      method: 'POST',
      url: '/api/classes',
      payload: { exercise: 'flex-entry-error.scenario.yaml' },
      headers: { authorization: `Bearer ${token}` },
    })
  ).json() as { classId: string; code: string };
  const instructor = await socketClient(base);
  instructor.send({ type: 'instructor', token });
  await instructor.next('instructor');
  const trainees: { client: SocketClient; seat: string }[] = [];
  for (const name of ['Ana', 'Ben', 'Chen']) {
    const client = await socketClient(base);
    client.send({ type: 'join', code: created.code, name });
    const joined = (await client.next('joined')) as Extract<ServerMessage, { type: 'joined' }>;
    trainees.push({ client, seat: joined.seat });
  }
  const control = async (action: string, speed?: number) => {
    instructor.send({ type: 'control', classId: created.classId, action, ...(speed ? { speed } : {}) });
    await hub.settled();
  };
  await control('run', 3600);
  let id = 0;
  for (let step = 0; step < 30; step += 1) {
    hub.tick(250);
    for (const [i, t] of trainees.entries()) {
      if (step === 24 && i === 2) {
        t.client.send({ type: 'finish' });
        continue;
      }
      if (step > 24 && i === 2) continue;
      id += 1;
      t.client.send({ type: 'command', id, command: TRAINEE_COMMANDS[(step + i) % TRAINEE_COMMANDS.length] });
      await t.client.next('result');
    }
    if (step === 8) {
      const seatId = hub.classroom(created.classId)?.seats()[0]?.id;
      instructor.send({ type: 'inject', classId: created.classId, seatId, fault: 'occlusion' });
    }
    if (step === 14) await control('pause');
    if (step === 16) await control('run', 60);
    if (step === 10) {
      // a fourth trainee joins, acts, and is removed (their exercise recorded); then the class is locked
      const dee = await socketClient(base);
      dee.send({ type: 'join', code: created.code, name: 'Dee' });
      await dee.next('trainee');
      id += 1;
      dee.send({ type: 'command', id, command: TRAINEE_COMMANDS[1] });
      await dee.next('result');
      const seatId = hub.classroom(created.classId)?.seats()[3]?.id;
      instructor.send({ type: 'remove', classId: created.classId, seatId });
      await dee.next('error');
      await control('lock');
      dee.socket.close();
    }
    await hub.settled();
  }
  await hub.settled();
  return { token, created, trainees, instructor };
}

describe('REQ-CLASS-03: a class is its commands: rebuilt from its log it is the class that ran', () => {
  it.each([
    ['replayed from its first line', undefined],
    ['from a snapshot every 7 lines and the lines after it', 7],
  ])(
    '%s, its worlds byte for byte as in the twin that never stopped; its seats and the instructor carry on',
    async (_, every) => {
      const db = await openDatabase({ dataDir: null });
      const first = await serve(db, every);
      const { token, created, trainees } = await runClass(first.hub, first.base, first.app);
      const twin = first.hub.classroom(created.classId);
      expect(twin?.seats().filter((s) => s.finished)).toHaveLength(1);
      const twinJson = JSON.stringify(twin?.snapshot());
      const twinWorlds = twin?.seats().map((s) => JSON.stringify(s.worldState()));
      expect(twin?.elapsed).toBeGreaterThan(0);
      expect(twin?.locked).toBe(true);
      expect(twin?.seats().map((s) => s.trainee.name)).toEqual(['Ana', 'Ben', 'Chen']);
      const lines = await first.hub.lines(created.classId);
      expect(lines.map((l) => l.seq)).toEqual(lines.map((_, i) => i));
      if (every !== undefined) {
        const snaps = await db.query<{ seq: number }>('SELECT seq FROM class_snapshots WHERE class_id = $1', [
          created.classId,
        ]);
        expect(Number(snaps[0]?.seq)).toBeGreaterThan(lines.length - 8);
      }

      // another server on the same database, as after a restart: it takes the class up from its log
      const second = await serve(db, every);
      const rebuilt = second.hub.classroom(created.classId);
      expect(rebuilt?.code).toBe(created.code);
      expect(rebuilt?.clock).toEqual(twin?.clock);
      expect(rebuilt?.seats().map((s) => JSON.stringify(s.worldState()))).toEqual(twinWorlds);
      expect(JSON.stringify(rebuilt?.snapshot())).toBe(twinJson);

      // a trainee's device comes back to its seat, the instructor's sign-in still holds
      const ana = await socketClient(second.base);
      ana.send({ type: 'resume', seat: trainees[0]?.seat });
      const view = (await ana.next('trainee')) as Extract<ServerMessage, { type: 'trainee' }>;
      expect(view.view.now).toBe(twin?.seats()[0]?.worldState().now);
      const console_ = await socketClient(second.base);
      console_.send({ type: 'instructor', token });
      expect(await console_.next('instructor')).toEqual({ type: 'instructor', ok: true });
      const listed = await second.app.inject({
        method: 'GET',
        url: '/api/classes',
        headers: { authorization: `Bearer ${token}` },
      });
      expect(listed.json().open.map((c: { code: string }) => c.code)).toEqual([created.code]);
      ana.socket.close();
      console_.socket.close();
      for (const t of trainees) t.client.socket.close();
      await db.close();
    },
  );

  it('keeps what the class did to each exercise: the fault injected, when and into whom, the clock, the finish', async () => {
    const db = await openDatabase({ dataDir: null });
    const first = await serve(db);
    const { token, created, instructor } = await runClass(first.hub, first.base, first.app);
    const finished = first.hub.classroom(created.classId)?.seats()[2];
    const record = (
      await first.app.inject({
        method: 'GET',
        url: `/api/records/${finished?.recordId}`,
        headers: { authorization: `Bearer ${token}` },
      })
    ).json();
    expect(record.seatId).toBe(finished?.id);
    expect(record.events.map((e: { kind: string }) => e.kind)).toEqual(['join', 'run', 'pause', 'run', 'finish']);
    expect(record.events[1]).toMatchObject({ by: 'instructor', kind: 'run', detail: '1 simulated hour a second' });
    const ana = first.hub.classroom(created.classId)?.seats()[0];
    const fault = ana?.events().find((e) => e.kind === 'fault');
    expect(fault).toMatchObject({ by: 'instructor', detail: 'Catheter occlusion (full)', ok: true });
    // at the world's time it was injected: after 9 ticks of 250 ms at 1 h a second
    expect((fault?.at ?? 0) - (ana?.events()[0]?.at ?? 0)).toBe(9 * 250 * 3600);

    // End class: every record in one transaction; the exports tell the story and pass the xAPI validator
    instructor.send({ type: 'control', classId: created.classId, action: 'end' });
    for (let i = 0; i < 200 && !first.hub.classroom(created.classId)?.ended; i += 1)
      await new Promise((r) => setTimeout(r, 20));
    await first.hub.settled();
    const auth = { authorization: `Bearer ${token}` };
    const url = `/api/records.xapi.json?classId=${created.classId}`;
    const statements = (await first.app.inject({ method: 'GET', url, headers: auth })).json();
    // Ana, Ben, Chen, and Dee (removed after acting: recorded when removed)
    expect(statements).toHaveLength(4);
    for (const statement of statements) expect(validateStatement(statement)).toEqual([]);
    const anaStatement = statements.find((s: { actor: { name: string } }) => s.actor.name === 'Ana');
    expect(anaStatement.context.extensions['https://itps.invalid/xapi/faults-injected']).toEqual([
      expect.objectContaining({ kind: 'fault', detail: 'Catheter occlusion (full)', ok: true }),
    ]);
    const csv = (
      await first.app.inject({ method: 'GET', url: `/api/records.csv?classId=${created.classId}`, headers: auth })
    ).body;
    expect(csv).toMatch(/,Ana,.*Catheter occlusion \(full\) at /);
    // the same statements from a server reached at another address
    const second = await serve(db);
    expect(second.base).not.toBe(first.base);
    expect((await second.app.inject({ method: 'GET', url, headers: auth })).json()).toEqual(statements);
    await db.close();
  });

  it('ends a class whose code expired (its exercises scored and kept, none lost), also when it expired while no server ran', async () => {
    const db = await openDatabase({ dataDir: null });
    let now = Date.parse('2026-12-07T08:00:00Z');
    const first = await serve(db, undefined, () => now);
    const token = (
      await first.app.inject({
        method: 'POST',
        url: '/api/instructor/setup',
        payload: { passphrase: 'the sim lab key', setupCode: SETUP_CODE },
      })
    ).json().token as string;
    const auth = { authorization: `Bearer ${token}` };
    const open = async (app: FastifyInstance) =>
      (
        await app.inject({
          method: 'POST',
          url: '/api/classes',
          payload: { exercise: 'flex-entry-error.scenario.yaml' },
          headers: auth,
        })
      ).json() as { classId: string; code: string };
    const early = await open(first.app);
    now += 3_600_000;
    const late = await open(first.app);
    for (const c of [early, late]) {
      const t = await socketClient(first.base);
      t.send({ type: 'join', code: c.code, name: 'Ana' });
      await t.next('trainee');
      t.socket.close();
    }
    await first.hub.settled();
    // 8 h and a minute after the first opened: the server running ends it at its next tick, not the second
    now += 7 * 3_600_000 + 60_000;
    first.hub.tick(250);
    for (let i = 0; i < 200 && !first.hub.classroom(early.classId)?.ended; i += 1)
      await new Promise((r) => setTimeout(r, 20));
    await first.hub.settled();
    const records = async (app: FastifyInstance, classId: string) =>
      (await app.inject({ method: 'GET', url: `/api/records?classId=${classId}`, headers: auth })).json().records;
    expect(await records(first.app, early.classId)).toHaveLength(1);
    expect(first.hub.classroom(late.classId)?.ended).toBe(false);
    // the second class expires while no server runs: the next one to start ends it
    await first.app.close();
    now += 3_600_000;
    const second = await serve(db, undefined, () => now);
    second.hub.tick(250);
    for (let i = 0; i < 200 && !second.hub.classroom(late.classId)?.ended; i += 1)
      await new Promise((r) => setTimeout(r, 20));
    await second.hub.settled();
    const kept = await records(second.app, late.classId);
    expect(kept).toHaveLength(1);
    const kinds = kept[0].events.map((e: { kind: string }) => e.kind);
    expect([kinds[0], kinds[kinds.length - 1]]).toEqual(['join', 'end']);
    await db.close();
  });
});
