import type { ServerMessage } from '@itps/scenarios';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { poll, pollAsync, type RealServer, startRealServer } from './realServer.ts';

let server: RealServer;

beforeAll(async () => {
  server = await startRealServer();
});

afterAll(async () => {
  await server.close();
});

const records = async (key: string) =>
  (await server.app.inject({ url: '/api/records', headers: { authorization: `Bearer ${key}` } })).json() as {
    name: string;
    records: { traineeName: string; classId: string }[];
  };

/** Ends a class from a console and waits until its records are written. */
async function endClass(classId: string, seats: number): Promise<void> {
  const console_ = await server.instructor();
  console_.send({ type: 'control', classId, action: 'end' });
  await poll(() =>
    server.hub
      .classroom(classId)
      ?.seats()
      .filter((s) => s.finished).length === seats
      ? true
      : undefined,
  );
  console_.socket.close();
}

describe('identity that fits shared devices', () => {
  it('a second person on the same browser gets their own seat and records, with or without the first leaving', async () => {
    // First User joins on the tablet (127.0.0.11) and finishes a class
    const a = await server.openClass();
    const first = await server.seated(a.code, 'First User', '127.0.0.11');
    const firstKey = first.joined.traineeKey as string;
    expect(firstKey).toEqual(expect.any(String));
    await endClass(a.classId, 1);
    await pollAsync(async () => ((await records(firstKey)).records.length === 1 ? true : undefined));

    // Second User, on the same browser that still holds First User's key (nobody pressed Leave)
    const b = await server.openClass();
    const second = await server.seated(b.code, 'Second User', '127.0.0.11', firstKey);
    const secondKey = second.joined.traineeKey;
    expect(secondKey).toEqual(expect.any(String));
    expect(secondKey).not.toBe(firstKey);
    expect(
      server.hub
        .classroom(b.classId)
        ?.view(false)
        .seats.map((s) => s.name),
    ).toEqual(['Second User']);
    await endClass(b.classId, 1);
    const seconds = await pollAsync(async () => {
      const r = await records(secondKey as string);
      return r.records.length === 1 ? r : undefined;
    });
    expect(seconds?.name).toBe('Second User');
    expect(seconds?.records.map((r) => r.traineeName)).toEqual(['Second User']);
    // First User's key still opens only First User's record
    expect((await records(firstKey)).records.map((r) => r.traineeName)).toEqual(['First User']);

    // the same person coming back with their key and name stays themselves (no new key)
    const c = await server.openClass();
    const again = await server.seated(c.code, 'First User', '127.0.0.11', firstKey);
    expect(again.joined.traineeKey).toBeNull();
    expect(server.hub.classroom(c.classId)?.seats()[0]?.trainee.id).toBe(
      server.hub.classroom(a.classId)?.seats()[0]?.trainee.id,
    );
  });

  it('cleans names of control and direction characters, refuses a name with nothing left, and tells duplicates apart', async () => {
    const { classId, code } = await server.openClass();
    const evil = await server.seated(code, '\u202Eevil\u202C  Sam\u0007\u200B', '127.0.0.12');
    expect(evil.joined.name).toBe('evil Sam');

    const blank = await server.client('127.0.0.12');
    blank.send({ type: 'join', code, name: '\u202E\u200F\u2066' });
    expect(await blank.next('error')).toEqual({
      type: 'error',
      code: 'name.invalid',
      message:
        'Give your name in letters: control and text-direction characters are taken out of names, and nothing was left.',
      about: 'join',
    });

    const sam = await server.seated(code, 'Sam', '127.0.0.12');
    const sam2 = await server.seated(code, 'sam', '127.0.0.12');
    const sam3 = await server.seated(code, 'Sam', '127.0.0.13');
    expect([sam.joined.name, sam2.joined.name, sam3.joined.name]).toEqual(['Sam', 'sam (2)', 'Sam (3)']);
    expect(
      server.hub
        .classroom(classId)
        ?.view(false)
        .seats.map((s) => s.name),
    ).toEqual(['evil Sam', 'Sam', 'sam (2)', 'Sam (3)']);
  });

  it('60 fake joins from one address: 10 are seated, the rest refused saying why; a real trainee still joins', async () => {
    const { classId, code } = await server.openClass();
    const answers: ServerMessage[] = [];
    for (let i = 0; i < 60; i += 1) {
      const fake = await server.client('127.0.0.21');
      fake.send({ type: 'join', code, name: `Fake ${i}` });
      const answer = await poll(() => fake.received[0]);
      answers.push(answer as ServerMessage);
      if (answer?.type !== 'joined') fake.socket.close();
    }
    expect(answers.filter((a) => a.type === 'joined')).toHaveLength(10);
    const refused = answers.filter((a) => a.type === 'error');
    expect(refused).toHaveLength(50);
    for (const r of refused)
      expect(r).toEqual({
        type: 'error',
        code: 'join.rate',
        message: "Too many joins from this device's network address: at most 10 a minute. Wait a minute.",
        about: 'join',
      });
    expect(server.log.filter((l) => l.code === 'join.rate')).toHaveLength(50);
    const real = await server.seated(code, 'Real Trainee', '127.0.0.22');
    expect(real.joined.name).toBe('Real Trainee');
    expect(server.hub.classroom(classId)?.seats()).toHaveLength(11);
  });

  it('the instructor locks the class (no one joins), opens it again, and removes a seat (recorded if it acted)', async () => {
    const { classId, code } = await server.openClass();
    const ana = await server.seated(code, 'Ana', '127.0.0.31');
    const fake = await server.seated(code, 'Fake', '127.0.0.32');
    const console_ = await server.instructor();
    console_.send({ type: 'watch', classId, seatId: null });
    await console_.next('class');

    console_.send({ type: 'control', classId, action: 'lock' });
    const locked = (await poll(() => {
      const at = console_.received.findIndex((m) => m.type === 'class' && m.view.locked);
      return at >= 0 ? console_.received[at] : undefined;
    })) as Extract<ServerMessage, { type: 'class' }>;
    expect(locked.view.locked).toBe(true);
    const late = await server.client('127.0.0.33');
    late.send({ type: 'join', code, name: 'Late' });
    expect(await late.next('error')).toMatchObject({
      code: 'class.closed',
      message: 'The instructor has locked this class: no one joins now. Ask them to open it.',
    });
    // a seated trainee's device still comes back to its seat
    const anaAgain = await server.client('127.0.0.31');
    anaAgain.send({ type: 'resume', seat: ana.joined.seat });
    await anaAgain.next('trainee');
    anaAgain.socket.close();
    console_.send({ type: 'control', classId, action: 'unlock' });
    await poll(() => (server.hub.classroom(classId)?.locked === false ? true : undefined));
    const late2 = await server.seated(code, 'Late', '127.0.0.33');
    expect(late2.joined.name).toBe('Late');

    // the fake seat never acted: removed without a record; its device is told and let go
    console_.send({ type: 'remove', classId, seatId: server.hub.classroom(classId)?.seats()[1]?.id });
    expect(await fake.next('error')).toEqual({
      type: 'error',
      code: 'seat.removed',
      message: 'The instructor removed this seat from the class.',
      about: 'resume',
    });
    await poll(() => (server.hub.classroom(classId)?.seats().length === 2 ? true : undefined));
    expect(
      server.hub
        .classroom(classId)
        ?.seats()
        .map((s) => s.trainee.name),
    ).toEqual(['Ana', 'Late']);
    fake.send({ type: 'resume', seat: fake.joined.seat });
    expect(await fake.next('error')).toMatchObject({ code: 'seat.unknown' });

    // Ana acted: removing her finishes and records her exercise first
    console_.send({ type: 'control', classId, action: 'run', speed: 60 });
    ana.send({ type: 'command', id: 1, command: { type: 'clinical.act', action: 'clinical.suspectOverdose' } });
    expect(await ana.next('result')).toMatchObject({ result: { ok: true } });
    const anaSeat = server.hub.classroom(classId)?.seats()[0]?.id;
    console_.send({ type: 'remove', classId, seatId: anaSeat });
    expect(await ana.next('error')).toMatchObject({ code: 'seat.removed' });
    const kept = await pollAsync(async () => {
      const r = await records(ana.joined.traineeKey as string);
      return r.records.length === 1 ? r.records : undefined;
    });
    expect(kept?.map((r) => [r.traineeName, r.classId])).toEqual([['Ana', classId]]);
    // a trainee's device cannot remove or lock
    late2.send({ type: 'remove', classId, seatId: anaSeat });
    expect(await late2.next('error')).toMatchObject({ code: 'auth.required' });
  });
});
