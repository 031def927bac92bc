import type { Stats } from 'node:fs';
import {
  closeSync,
  constants,
  fstatSync,
  mkdirSync,
  openSync,
  readSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { dirname, resolve } from 'node:path';
import { type Problem, quoteShort } from '@itps/scenarios';

/** What a path that is not a regular file is, in words: `a named pipe (FIFO)`. */
export function specialKindOf(stat: Stats): string {
  if (stat.isDirectory()) return 'a folder';
  if (stat.isFIFO()) return 'a named pipe (FIFO)';
  if (stat.isCharacterDevice()) return 'a character device';
  if (stat.isBlockDevice()) return 'a block device';
  if (stat.isSocket()) return 'a socket';
  return 'not a regular file';
}

/** Why the system refused, in words, with its code for anyone searching: `permission denied (EACCES)`. */
export function reasonOf(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  const words: Record<string, string> = {
    ENOENT: 'no such file or folder',
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    EISDIR: 'it is a folder, not a file',
    ENOTDIR: 'a part of the path is a file, not a folder',
    EEXIST: 'it already exists and is not a folder',
    EROFS: 'the file system is read-only',
    ENOSPC: 'no space left on the device',
    EMFILE: 'too many open files',
  };
  return e.code === undefined ? quoteShort(String(error), 120) : `${words[e.code] ?? 'the system refused'} (${e.code})`;
}

/**
 * Reads a scenario file given on the command line (relative to where it was typed), refusing
 * before reading it whole when it is larger than `maxBytes`, and naming the path and the reason
 * when the system refuses. Reads at most `maxBytes + 1` bytes, whatever the file claims.
 */
export function readScenarioText(
  file: string,
  cwd: string,
  maxBytes: number,
): { ok: true; text: string } | { ok: false; problem: Problem } {
  const path = resolve(cwd, file);
  const refused = (expected: string, found: string) => ({
    ok: false as const,
    problem: { file, path: '', expected, found },
  });
  let fd: number;
  try {
    // non-blocking: opening a named pipe would otherwise wait for a writer for ever
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    return refused('a readable scenario file', reasonOf(error));
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) return refused('a readable scenario file', reasonOf({ code: 'EISDIR' }));
    if (!stat.isFile())
      return refused('a regular file (a scenario is read whole, never from a stream)', specialKindOf(stat));
    if (stat.size > maxBytes) return refused(`a file of at most ${maxBytes} bytes`, `${stat.size} bytes`);
    const buffer = Buffer.alloc(Math.min(maxBytes + 1, Math.max(stat.size, 64 * 1024) + 1));
    let length = 0;
    for (let n = 1; n > 0 && length < buffer.length; length += n)
      n = readSync(fd, buffer, length, buffer.length - length, null);
    if (length > maxBytes) return refused(`a file of at most ${maxBytes} bytes`, `more than ${maxBytes} bytes`);
    return { ok: true, text: buffer.toString('utf8', 0, length) };
  } catch (error) {
    return refused('a readable scenario file', reasonOf(error));
  } finally {
    closeSync(fd);
  }
}

/**
 * Creates a folder and the folders above it that are missing, one level at a time. Node's own
 * recursive mkdir loops for ever under /proc (measured: `mkdirSync('/proc/x', { recursive: true })`
 * never returns on Node 20), so this walks up to the first folder that exists instead.
 */
export function makeFolder(dir: string): void {
  const missing: string[] = [];
  let at = resolve(dir);
  for (;;) {
    try {
      if (!statSync(at).isDirectory())
        throw Object.assign(new Error(at), { code: at === resolve(dir) ? 'EEXIST' : 'ENOTDIR' });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      missing.push(at);
      const up = dirname(at);
      if (up === at) break;
      at = up;
    }
  }
  for (const folder of missing.reverse()) mkdirSync(folder);
}

/** Why writing failed: the path and the reason. */
export interface WriteFailure {
  readonly path: string;
  readonly reason: string;
}

/**
 * Writes files into a folder (created if needed); the first failure stops it and is returned
 * with its path and reason, so nothing claims success that did not happen.
 */
export function writeFiles(
  outDir: string,
  cwd: string,
  files: readonly (readonly [string, string | Uint8Array])[],
): { ok: true; written: string[] } | { ok: false; failure: WriteFailure } {
  const dir = resolve(cwd, outDir);
  try {
    makeFolder(dir);
  } catch (error) {
    return { ok: false, failure: { path: outDir, reason: reasonOf(error) } };
  }
  const written: string[] = [];
  for (const [name, content] of files) {
    const path = resolve(dir, name);
    try {
      writeFileSync(path, content);
    } catch (error) {
      return { ok: false, failure: { path: `${outDir.replace(/\/$/, '')}/${name}`, reason: reasonOf(error) } };
    }
    written.push(`${outDir.replace(/\/$/, '')}/${name}`);
  }
  return { ok: true, written };
}

/**
 * Checks, before a long run, that its files can be written into a folder (created if needed):
 * a file that exists is opened for writing and left as it was; a missing one is created and
 * removed. The first refusal is returned with its path and reason, so nothing runs for results
 * that could not be kept.
 */
export function checkWritable(
  outDir: string,
  cwd: string,
  names: readonly string[],
): { ok: true } | { ok: false; failure: WriteFailure } {
  const dir = resolve(cwd, outDir);
  try {
    makeFolder(dir);
  } catch (error) {
    return { ok: false, failure: { path: outDir, reason: reasonOf(error) } };
  }
  for (const name of names) {
    const path = resolve(dir, name);
    try {
      let fd: number;
      let made = false;
      try {
        fd = openSync(path, 'r+');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
        fd = openSync(path, 'wx');
        made = true;
      }
      closeSync(fd);
      if (made) unlinkSync(path);
    } catch (error) {
      return { ok: false, failure: { path: `${outDir.replace(/\/$/, '')}/${name}`, reason: reasonOf(error) } };
    }
  }
  return { ok: true };
}
