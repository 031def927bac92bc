import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

/** The lock file an embedded database's folder holds while a server uses it. */
export const LOCK_FILE = 'itps-server.lock';

interface LockOwner {
  readonly pid: number;
  readonly host: string;
  /** The process's start, in clock ticks since boot (/proc/PID/stat field 22): a reused pid differs. */
  readonly start: string | null;
  readonly since: string;
}

const startOf = (pid: number | 'self'): string | null => {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ')[19] ?? null;
  } catch {
    return null;
  }
};

/** Whether the process that wrote `owner` still runs (same machine; the same process, not a reused pid). */
function alive(owner: LockOwner): boolean {
  if (owner.host !== hostname()) return true; // another machine's: not ours to judge, so held
  try {
    process.kill(owner.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const start = startOf(owner.pid);
  return owner.start === null || start === null || start === owner.start;
}

/** The folder is held by a live server: why this one may not use it, in words. */
export type DataLock =
  | { readonly ok: true; readonly release: () => void }
  | { readonly ok: false; readonly why: string };

/**
 * Takes the data folder of the embedded database for this process: a lock file with its pid, host
 * and start. A second server on the same folder is refused with who holds it; a lock left by a
 * process that died (even by SIGKILL) is taken over. PGlite is one process's database: two writing
 * one folder lose each other's writes.
 */
export function lockDataDir(dir: string): DataLock {
  const path = join(dir, LOCK_FILE);
  const me: LockOwner = { pid: process.pid, host: hostname(), start: startOf('self'), since: new Date().toISOString() };
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, JSON.stringify(me));
      closeSync(fd);
      let released = false;
      return {
        ok: true,
        release: () => {
          if (released) return;
          released = true;
          try {
            unlinkSync(path);
          } catch {
            // gone already
          }
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    let owner: LockOwner | null = null;
    try {
      owner = JSON.parse(readFileSync(path, 'utf8')) as LockOwner;
    } catch {
      owner = null; // half written by a process killed while writing it: stale
    }
    if (owner !== null && alive(owner))
      return {
        ok: false,
        why:
          `another ITPS server (process ${owner.pid} on ${owner.host}, since ${owner.since}) uses the records in ${dir}. ` +
          'Stop it first, or give this server its own folder (ITPS_DATA_DIR), or run both on one PostgreSQL (DATABASE_URL).',
      };
    unlinkSync(path);
  }
  return { ok: false, why: `could not take the lock ${path}` };
}
