import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SERVER_DIR = fileURLToPath(new URL('../../server/', import.meta.url));

/** A classroom server (`npm start`'s main.ts) in its own process, on a fresh embedded database, serving this build. */
export interface ClassServer {
  readonly url: string;
  /** The one-time set-up code it printed at its first start. */
  readonly setupCode: string;
  /** Stops it (SIGTERM), waits for it to be gone and removes its data. */
  stop(): Promise<void>;
}

/** Starts the classroom server on `port`; resolves once it answers its health check and printed its set-up code. */
export async function startClassServer(port: number): Promise<ClassServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'itps-author-e2e-'));
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: SERVER_DIR,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'error',
      ITPS_DATA_DIR: dataDir,
      DATABASE_URL: '',
      ITPS_MAX_SOCKETS_PER_ADDRESS: '500',
      ITPS_JOINS_PER_ADDRESS_PER_MIN: '500',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout?.on('data', (d) => {
    out += String(d);
  });
  child.stderr?.on('data', (d) => {
    err += String(d);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}/`;
  for (let i = 0; ; i += 1) {
    if (child.exitCode !== null) throw new Error(`the classroom server exited (${child.exitCode}): ${err}`);
    const up = await fetch(`${url}api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (up && /set-up code: (\S+)/.test(out)) break;
    if (i > 300) throw new Error(`the classroom server did not start in 30 s: ${err}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    setupCode: /set-up code: (\S+)/.exec(out)?.[1] ?? '',
    async stop() {
      child.kill('SIGTERM');
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
