import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const SERVER_DIR = fileURLToPath(new URL('../', import.meta.url));

/** A classroom server in its own process (`npm start`'s main.ts), to be killed as a power cut would. */
export interface ServerProcess {
  readonly base: string;
  readonly child: ChildProcess;
  /** The holder id it prints (its leases are under this id). */
  readonly holder: string;
  /** Everything it wrote to stderr. */
  readonly errors: () => string;
  /** Everything it wrote to stdout (its start-up lines and its log). */
  readonly output: () => string;
  /** The one-time set-up code it printed at a first start (null when a passphrase was set). */
  readonly setupCode: () => string | null;
  /** SIGKILL, and wait for it to be gone. */
  kill(): Promise<void>;
  /** SIGTERM (a clean stop), and wait for it to be gone. */
  stop(): Promise<void>;
}

/** Starts main.ts on `port` with `env` (ITPS_DATA_DIR or DATABASE_URL); resolves once it answers its health check. */
export async function startServer(port: number, env: Record<string, string>): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: SERVER_DIR,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'error',
      // every simulated device of a spec comes from 127.0.0.1: the per-address shares are raised
      ITPS_MAX_SOCKETS_PER_ADDRESS: '500',
      ITPS_JOINS_PER_ADDRESS_PER_MIN: '500',
      ...env,
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
  const base = `http://127.0.0.1:${port}/`;
  for (let i = 0; ; i += 1) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}): ${err}`);
    const up = await fetch(`${base}api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (up && /Server process: (\S+)/.test(out)) break;
    if (i > 300) throw new Error(`the server did not start in 30 s: ${err}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const holder = /Server process: (\S+)/.exec(out)?.[1] ?? '';
  return {
    base,
    child,
    holder,
    errors: () => err,
    output: () => out,
    setupCode: () => /set-up code: (\S+)/.exec(out)?.[1] ?? null,
    async kill() {
      child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}
