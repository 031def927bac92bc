import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StoredRecord } from '@itps/scenarios';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/db/database.ts';
import { ChaosInstructor, ChaosTrainee, seeded } from './chaosClients.ts';
import { type ServerProcess, startServer } from './serverProcess.ts';

// The class against the real server killed with SIGKILL at seeded instants: every command the server
// accepted is in the rebuilt worlds, every one it refused is not, every class comes back with its
// code, and End class killed part way keeps all its records or none.
const SEED = Number(process.env.CHAOS_SEED ?? Date.now() % 1_000_000);
console.log(`classChaos: CHAOS_SEED=${SEED}`);
const TRAINEES = 30;
const KILLS = 3;
const PASSPHRASE = 'chaos in the sim lab';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const cleanup: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const c of cleanup.reverse()) await c();
});

async function api<T>(base: string, path: string, token?: string, body?: unknown): Promise<T> {
  const r = await fetch(`${base}${path.replace(/^\//, '')}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: {
      ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!r.ok) throw new Error(`${path}: ${r.status} ${await r.text()}`);
  return (await r.json()) as T;
}

/** The cluster under test: which servers run, and how to kill the one holding the classes and bring one back. */
interface Cluster {
  readonly bases: () => readonly string[];
  /** Kills (SIGKILL) the process holding the classes; resolves when a process serves them again. */
  killHolder(): Promise<void>;
  /** The process holding the classes now (its base address). */
  holderBase(): Promise<string>;
  /** The set-up code the process at `base` printed at its first start. */
  setupCode(base: string): string;
}

async function chaos(cluster: Cluster, label: string) {
  const random = seeded(SEED);
  const first = (await cluster.holderBase()) as string;
  const { token } = await api<{ token: string }>(first, '/api/instructor/setup', undefined, {
    passphrase: PASSPHRASE,
    setupCode: cluster.setupCode(first),
  });
  const classes: { classId: string; code: string }[] = [];
  for (let i = 0; i < 2; i += 1)
    classes.push(
      await api<{ classId: string; code: string }>(first, '/api/classes', token, {
        exercise: 'flex-entry-error.scenario.yaml',
      }),
    );
  const consoles = classes.map((c) => new ChaosInstructor(cluster.bases, token, c.classId));
  for (const c of consoles) c.start();
  const trainees = Array.from(
    { length: TRAINEES },
    (_, i) => new ChaosTrainee(cluster.bases, classes[i % 2]?.code as string, `T${String(i + 1).padStart(2, '0')}`),
  );
  for (const t of trainees) {
    t.start();
    await t.whenReady();
  }
  for (const c of consoles) await c.whenReady();
  for (const c of consoles) c.control('run', 3600);

  // every trainee acts about every 300 ms (seeded), through the kills
  const acting = setInterval(() => {
    for (const t of trainees) if (random() < 0.25) t.act();
  }, 75);
  cleanup.push(() => clearInterval(acting));
  for (let k = 0; k < KILLS; k += 1) {
    await sleep(800 + Math.floor(random() * 1500));
    if (k === 1) {
      // a pause: what the trainees send now is refused to them, and must not be in their worlds
      consoles[0]?.control('pause');
      await sleep(300);
    }
    const killedAt = Date.now();
    await cluster.killHolder();
    const upAt = Date.now();
    for (const t of trainees) await t.whenReady();
    for (const c of consoles) await c.whenReady();
    console.log(
      `${label}: kill ${k + 1}: a server held the classes again ${upAt - killedAt} ms after, every client back ${Date.now() - killedAt} ms after`,
    );
    const base = await cluster.holderBase();
    const listed = await api<{ open: { code: string; clock: { running: boolean } }[] }>(base, '/api/classes', token);
    expect(
      listed.open.map((c) => c.code).sort(),
      `${label}: every class back with its code after kill ${k + 1}`,
    ).toEqual(classes.map((c) => c.code).sort());
    if (k === 1) consoles[0]?.control('run', 3600);
  }
  clearInterval(acting);
  for (let i = 0; i < 100 && trainees.some((t) => t.pending > 0); i += 1) await sleep(50);
  expect(trainees.map((t) => t.forgotten)).toEqual(trainees.map(() => 0));

  // End class killed part way (0 to 1 s in, seeded: before, during or after its commit): all of its records or none
  const [ending, other] = consoles as [ChaosInstructor, ChaosInstructor];
  const endAt = Date.now();
  ending.control('end');
  await sleep(Math.floor(random() * 1000));
  await cluster.killHolder();
  let base = await cluster.holderBase();
  const kept = await api<{ records: unknown[] }>(base, `/api/records?classId=${ending.classId}`, token);
  const history = await api<{ history: { id: string; endedAt: string | null }[] }>(base, '/api/classes', token);
  const ended = history.history.find((c) => c.id === ending.classId)?.endedAt ?? null;
  console.log(`${label}: End class killed part way kept ${kept.records.length} of ${TRAINEES / 2} records`);
  expect([0, TRAINEES / 2]).toContain(kept.records.length);
  expect(kept.records.length === TRAINEES / 2).toBe(ended !== null);

  // end both classes for good, and read every record
  await ending.whenReady();
  await other.whenReady();
  if (ended === null) ending.control('end');
  other.control('end');
  for (let i = 0; i < 600 && !(ending.view?.clock.ended && other.view?.clock.ended); i += 1) await sleep(50);
  base = await cluster.holderBase();
  console.log(`${label}: both classes ended ${Date.now() - endAt} ms after the first End class`);
  let accepted = 0;
  let refused = 0;
  let lost = 0;
  for (const c of classes) {
    const { records } = await api<{ records: { id: string; traineeName: string }[] }>(
      base,
      `/api/records?classId=${c.classId}`,
      token,
    );
    expect(records, `${label}: one record per trainee`).toHaveLength(TRAINEES / 2);
    for (const summary of records) {
      const record = await api<StoredRecord>(base, `/api/records/${summary.id}`, token);
      const t = trainees.find((x) => x.name === summary.traineeName) as ChaosTrainee;
      const inWorld = new Set(record.record.trainee.flatMap((a) => (a.detail === undefined ? [] : [a.detail])));
      for (const tag of t.accepted)
        expect(inWorld.has(tag), `${label}: accepted ${tag} is in the rebuilt world`).toBe(true);
      for (const tag of t.refused) expect(inWorld.has(tag), `${label}: refused ${tag} is not`).toBe(false);
      for (const tag of inWorld)
        expect(t.accepted.has(tag) || t.lost.has(tag), `${label}: ${tag} was sent and not refused`).toBe(true);
      accepted += t.accepted.size;
      refused += t.refused.size;
      lost += t.lost.size;
      expect(record.events.filter((e) => e.kind === 'leave').length).toBeGreaterThanOrEqual(0);
    }
  }
  console.log(
    `${label}: ${accepted} commands accepted (all in the rebuilt worlds), ${refused} refused (none in them), ${lost} unanswered when the server died`,
  );
  expect(accepted).toBeGreaterThan(TRAINEES);
  expect(refused).toBeGreaterThan(0);
  for (const t of trainees) t.stop();
  for (const c of consoles) c.stop();
}

describe('a class that survives its server being killed', () => {
  it('on the embedded database: killed with SIGKILL three times and once during End class, restarted each time', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'itps-chaos-'));
    const port = 4300 + (process.pid % 200);
    let server = await startServer(port, { ITPS_DATA_DIR: dir });
    cleanup.push(async () => {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    });
    // a second server on the same folder is refused, saying why
    await expect(startServer(port + 1, { ITPS_DATA_DIR: dir })).rejects.toThrow(/another ITPS server \(process \d+/);
    await server.kill();
    const startedAt = Date.now();
    server = await startServer(port, { ITPS_DATA_DIR: dir });
    console.log(`embedded: a start takes ${Date.now() - startedAt} ms`);
    await chaos(
      {
        bases: () => [server.base],
        holderBase: async () => server.base,
        setupCode: () => server.setupCode() ?? '',
        async killHolder() {
          await server.kill();
          server = await startServer(port, { ITPS_DATA_DIR: dir });
        },
      },
      'embedded',
    );
  }, 300_000);

  it('on PostgreSQL with two server processes: the holder is killed, the other takes the classes up from their logs', async () => {
    const script = new URL('../../../scripts/testPostgres.sh', import.meta.url).pathname;
    const pgDir = mkdtempSync(join(tmpdir(), 'itps-chaos-pg-'));
    const pgPort = String(55_000 + (process.pid % 900));
    const url =
      execFileSync('bash', [script, 'start', pgDir, pgPort], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] })
        .trim()
        .split('\n')
        .pop() ?? '';
    cleanup.push(() => {
      execFileSync('bash', [script, 'stop', pgDir], { stdio: 'inherit' });
    });
    const db = await openDatabase({ url });
    cleanup.push(() => db.close());
    const ports = [4520 + (process.pid % 200), 4720 + (process.pid % 200)];
    const servers: ServerProcess[] = [];
    for (const p of ports) servers.push(await startServer(p, { DATABASE_URL: url }));
    cleanup.push(async () => {
      for (const s of servers) await s.stop();
    });
    const holder = async (): Promise<ServerProcess> => {
      for (let i = 0; i < 400; i += 1) {
        const rows = await db.query<{ holder: string }>(
          `SELECT DISTINCT l.holder FROM class_leases l JOIN classes c ON c.id = l.class_id
           WHERE c.ended_at IS NULL AND l.expires_at > now()`,
        );
        const found = servers.find((s) => rows.length > 0 && rows.every((r) => r.holder === s.holder));
        if (found !== undefined || (await db.query('SELECT 1 FROM classes WHERE ended_at IS NULL')).length === 0)
          return found ?? (servers[0] as ServerProcess);
        await sleep(50);
      }
      throw new Error('no one process holds every open class');
    };
    await chaos(
      {
        bases: () => servers.map((s) => s.base),
        holderBase: async () => (await holder()).base,
        setupCode: (base) => servers.find((s) => s.base === base)?.setupCode() ?? '',
        async killHolder() {
          const victim = await holder();
          const at = servers.indexOf(victim);
          const since = Date.now();
          await victim.kill();
          // the other process takes the classes up once the lease has expired; then the killed one comes back
          let taker = await holder();
          while (taker === victim) {
            await sleep(50);
            taker = await holder();
          }
          console.log(`postgres: the other process took the classes up ${Date.now() - since} ms after the kill`);
          expect(taker).not.toBe(victim);
          servers[at] = await startServer(ports[at] as number, { DATABASE_URL: url });
        },
      },
      'postgres',
    );
  }, 300_000);
});
