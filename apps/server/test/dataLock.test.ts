import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LOCK_FILE, lockDataDir } from '../src/db/dataLock.ts';

const dirs: string[] = [];
const folder = () => {
  const dir = mkdtempSync(join(tmpdir(), 'itps-lock-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('lockDataDir: the embedded database is one server’s', () => {
  it('takes a free folder, refuses it while held (saying by whom), and frees it on release', () => {
    const dir = folder();
    const first = lockDataDir(dir);
    expect(first.ok).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8'))).toMatchObject({
      pid: process.pid,
      host: hostname(),
    });
    const second = lockDataDir(dir);
    expect(second).toEqual({
      ok: false,
      why: expect.stringMatching(
        new RegExp(
          `^another ITPS server \\(process ${process.pid} on ${hostname()}, since .+\\) uses the records in ${dir}\\. Stop it first`,
        ),
      ),
    });
    if (first.ok) first.release();
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
    expect(lockDataDir(dir).ok).toBe(true);
  });

  it('takes over a lock left by a process that died (killed: no release), or by a reused pid, or half written', () => {
    const dead = spawnSync(process.execPath, ['-e', '0']).pid as number;
    for (const left of [
      JSON.stringify({ pid: dead, host: hostname(), start: null, since: 'x' }),
      // our own pid, but a process started at another instant: a pid reused after the owner died
      JSON.stringify({ pid: process.pid, host: hostname(), start: '1', since: 'x' }),
      '{"pid": 12',
    ]) {
      const dir = folder();
      writeFileSync(join(dir, LOCK_FILE), left);
      expect(lockDataDir(dir).ok).toBe(true);
    }
  });

  it('refuses while another live process holds it', async () => {
    const dir = folder();
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    try {
      const start = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1]?.split(' ')[19] ?? null;
      writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid: child.pid, host: hostname(), start, since: 'x' }));
      expect(lockDataDir(dir)).toMatchObject({ ok: false, why: expect.stringContaining(`process ${child.pid}`) });
    } finally {
      child.kill('SIGKILL');
    }
  });
});
