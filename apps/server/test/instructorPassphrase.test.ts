import { afterEach, describe, expect, it } from 'vitest';
import { SIGN_IN_OVERALL_PER_MIN, SIGN_IN_PER_ADDRESS_PER_MIN } from '../src/auth/signInGuard.ts';
import { type RealServer, startRealServer, TEST_PASSPHRASE } from './realServer.ts';

let server: RealServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

const guess = (s: RealServer, passphrase: string, remoteAddress = '127.0.0.1') =>
  s.app.inject({ method: 'POST', url: '/api/instructor/login', payload: { passphrase }, remoteAddress });

describe('the instructor passphrase holds', () => {
  it('a fresh server sets its passphrase only with the one-time set-up code it printed, once', async () => {
    server = await startRealServer({ setupCode: undefined }, false);
    const code = server.setupCode as string;
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    const setup = (body: object) =>
      (server as RealServer).app.inject({ method: 'POST', url: '/api/instructor/setup', payload: body });
    expect((await (server as RealServer).app.inject({ url: '/api/instructor/status' })).json()).toEqual({
      passphraseSet: false,
      setupCodeNeeded: true,
    });
    // whoever reaches it first without the code cannot set it
    const without = await setup({ passphrase: 'first come first served' });
    expect(without.statusCode).toBe(400);
    const wrong = await setup({ passphrase: 'first come first served', setupCode: 'AAAA-BBBB-CCCC' });
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json().error.code).toBe('setup.code');
    // the code as printed, or typed in lower case without dashes
    const right = await setup({ passphrase: 'the real instructor', setupCode: code.toLowerCase().replace(/-/g, ' ') });
    expect(right.statusCode).toBe(200);
    expect(typeof right.json().token).toBe('string');
    // used once: the passphrase is set, the code no longer sets anything
    const again = await setup({ passphrase: 'a second passphrase', setupCode: code });
    expect(again.statusCode).toBe(409);
    expect((await guess(server, 'the real instructor', '10.0.0.9')).statusCode).toBe(200);
  });

  it('200 wrong guesses sent at once from one address: at most 5 are checked, the rest refused unchecked (429)', async () => {
    server = await startRealServer();
    const s = server;
    const answers = await Promise.all(Array.from({ length: 200 }, () => guess(s, 'not the passphrase', '10.0.0.1')));
    const checked = answers.filter((a) => a.statusCode === 401).length;
    const refused = answers.filter((a) => a.statusCode === 429);
    expect(checked).toBeGreaterThan(0);
    expect(checked).toBeLessThanOrEqual(SIGN_IN_PER_ADDRESS_PER_MIN);
    expect(checked + refused.length).toBe(200);
    for (const a of refused) expect(['auth.tooMany', 'auth.busy']).toContain(a.json().error.code);
    // the right passphrase from that address waits its minute too
    expect((await guess(s, TEST_PASSPHRASE, '10.0.0.1')).statusCode).toBe(429);
  });

  it('200 wrong guesses at once from 200 addresses: at most 20 are checked overall', async () => {
    server = await startRealServer();
    const s = server;
    const answers = await Promise.all(
      Array.from({ length: 200 }, (_, i) => guess(s, 'not the passphrase', `10.1.${Math.floor(i / 250)}.${i % 250}`)),
    );
    const checked = answers.filter((a) => a.statusCode === 401).length;
    expect(checked).toBeGreaterThan(0);
    expect(checked).toBeLessThanOrEqual(SIGN_IN_OVERALL_PER_MIN);
    expect(answers.filter((a) => a.statusCode === 429).length).toBe(200 - checked);
    expect(s.log.filter((l) => l.msg === 'a wrong instructor passphrase').length).toBe(checked);
  });

  it('signing out revokes the token on the server, and its console socket is signed out too', async () => {
    server = await startRealServer();
    const s = server;
    const { classId } = await s.openClass();
    const console_ = await s.instructor();
    console_.send({ type: 'watch', classId, seatId: null });
    await console_.next('class');
    expect(
      (await s.app.inject({ url: '/api/classes', headers: { authorization: `Bearer ${s.token}` } })).statusCode,
    ).toBe(200);
    expect((await s.post('/api/instructor/logout', {}, s.token)).statusCode).toBe(200);
    expect(
      (await s.app.inject({ url: '/api/classes', headers: { authorization: `Bearer ${s.token}` } })).statusCode,
    ).toBe(401);
    expect(await console_.next('error')).toMatchObject({ code: 'auth.signedOut' });
    console_.send({ type: 'control', classId, action: 'end' });
    expect(await console_.next('error')).toMatchObject({ code: 'auth.required' });
    expect(s.hub.classroom(classId)?.ended).toBe(false);
    // the token cannot sign a new socket in either
    const later = await s.client();
    later.send({ type: 'instructor', token: s.token });
    expect(await later.next('error')).toMatchObject({ code: 'auth.refused' });
  });
});
