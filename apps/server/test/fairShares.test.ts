import { applyViewDelta, type ServerMessage } from '@itps/scenarios';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_SOCKETS_PER_SEAT, SEAT_COMMAND_BURST } from '../src/classroom/fairShares.ts';
import { poll, type RealServer, startRealServer } from './realServer.ts';

let server: RealServer;
/** The server's clock: it moves only when a test moves it, so the rates are exact. */
let clock = Date.parse('2026-12-07T09:00:00Z');

beforeAll(async () => {
  server = await startRealServer({ now: () => clock });
});

afterAll(async () => {
  await server.close();
});

type Trainee = Extract<ServerMessage, { type: 'trainee' }>;
type Delta = Extract<ServerMessage, { type: 'traineeDelta' }>;

const act = { type: 'clinical.act', action: 'clinical.suspectOverdose' } as const;

describe('fair shares: one trainee cannot slow another', () => {
  it(`a seat takes at most ${MAX_SOCKETS_PER_SEAT} sockets: 25 more on it are refused, saying why`, async () => {
    const { code } = await server.openClass();
    const ana = await server.seated(code, 'Ana', '127.0.0.41');
    const answers: ServerMessage[] = [];
    const extra = [];
    for (let i = 0; i < 25; i += 1) {
      const c = await server.client('127.0.0.41');
      c.send({ type: 'resume', seat: ana.joined.seat });
      answers.push(
        (await poll(() => c.received.find((m) => m.type === 'joined' || m.type === 'error'))) as ServerMessage,
      );
      extra.push(c);
    }
    expect(answers.filter((a) => a.type === 'joined')).toHaveLength(MAX_SOCKETS_PER_SEAT - 1);
    const busy = answers.filter((a) => a.type === 'error');
    expect(busy).toHaveLength(25 - (MAX_SOCKETS_PER_SEAT - 1));
    for (const b of busy)
      expect(b).toEqual({
        type: 'error',
        code: 'seat.busy',
        message: 'This seat is open on 3 devices or tabs already; close one and try again.',
        about: 'resume',
      });
    for (const c of extra) c.socket.close();
  });

  it('a flood of commands from one seat is bounded; the health check and another trainee are answered throughout', async () => {
    const { classId, code } = await server.openClass();
    const flooder = await server.seated(code, 'Flooder', '127.0.0.42');
    const other = await server.seated(code, 'Other', '127.0.0.43');
    const console_ = await server.instructor();
    console_.send({ type: 'control', classId, action: 'run', speed: 3600 });
    await other.next('traineeDelta');
    // 3 sockets on the seat, each sending 35 commands at once (its own limit is 40 at once)
    const sockets = [flooder, ...(await Promise.all([1, 2].map(() => server.client('127.0.0.42'))))];
    for (const s of sockets.slice(1)) s.send({ type: 'resume', seat: flooder.joined.seat });
    for (const s of sockets.slice(1)) await s.next('trainee');
    let id = 0;
    for (const s of sockets) for (let i = 0; i < 35; i += 1) s.send({ type: 'command', id: ++id, command: act });
    // meanwhile the health check answers and the other trainee's command goes through
    expect(await server.health()).toBe(200);
    other.send({ type: 'command', id: 1, command: act });
    expect(await other.next('result')).toMatchObject({ id: 1, result: { ok: true } });
    const results = await poll(() => {
      const all = sockets.flatMap((s) => s.received.filter((m) => m.type === 'result'));
      return all.length === 105 ? all : undefined;
    });
    const taken = (results ?? []).filter((r) => r.type === 'result' && r.result.ok);
    const refused = (results ?? []).filter((r) => r.type === 'result' && !r.result.ok);
    // the clock did not move: exactly the seat's burst was taken, every other command answered
    expect(taken).toHaveLength(SEAT_COMMAND_BURST);
    expect(refused).toHaveLength(105 - SEAT_COMMAND_BURST);
    expect(refused[0]).toMatchObject({
      result: {
        ok: false,
        refusal: {
          code: 'programmer.unavailable',
          message: 'Too many commands from this seat: at most 10 a second; wait a moment.',
        },
      },
    });
    const seat = server.hub.classroom(classId)?.seats()[0];
    expect(seat?.summary(false).actions).toBe(SEAT_COMMAND_BURST);
    // a second later the seat may act again
    clock += 1000;
    flooder.received.length = 0;
    flooder.send({ type: 'command', id: 999, command: act });
    expect(await flooder.next('result')).toMatchObject({ id: 999, result: { ok: true } });
  });

  it("REQ-CLASS-02: views go out as changes: after 300 actions the device's view, applied change by change, is the server's, each update small", async () => {
    const { classId, code } = await server.openClass();
    const ana = await server.seated(code, 'Ana', '127.0.0.44');
    const console_ = await server.instructor();
    console_.send({ type: 'control', classId, action: 'run', speed: 60 });
    let view: Pick<Trainee, 'view' | 'exercise' | 'clock'> = {
      view: ana.first.view,
      exercise: ana.first.exercise,
      clock: ana.first.clock,
    };
    let version = ana.first.version as number;
    const sizes: number[] = [];
    const follow = async () => {
      const delta = (await ana.next('traineeDelta')) as Delta;
      expect(delta.base).toBe(version);
      version = delta.version;
      sizes.push(JSON.stringify(delta).length);
      view = applyViewDelta(view, delta.ops);
    };
    await follow();
    for (let i = 1; i <= 300; i += 1) {
      clock += 200; // within the seat's rate
      ana.send({ type: 'command', id: i, command: act });
      expect(await ana.next('result')).toMatchObject({ id: i, result: { ok: true } });
      await follow();
    }
    server.hub.tick(1000);
    await follow();
    const seat = server.hub.classroom(classId)?.seats()[0];
    const whole = { ...seat?.traineeMessage(), clock: server.hub.classroom(classId)?.clock };
    expect(JSON.parse(JSON.stringify(view))).toEqual(JSON.parse(JSON.stringify(whole)));
    expect(view.exercise.trainee).toHaveLength(300);
    // the whole view has grown with every action; each update is only what changed
    const wholeBytes = JSON.stringify(whole).length;
    expect(wholeBytes).toBeGreaterThan(10_000);
    expect(Math.max(...sizes.slice(-50))).toBeLessThan(1_000);
  });
});
