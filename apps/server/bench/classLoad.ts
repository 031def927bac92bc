/**
 * Load check of the classroom server (a benchmark, never a timed test): the real server in its own
 * process, 30 trainees on their own sockets in one class at 1 simulated hour a second, each acting
 * every 2 s, an instructor watching. Prints server CPU, memory, the message rate and the latency
 * from a command to the view that shows it (p50, p95, max), beside the same figures with the clock
 * paused (the baseline: no simulation work), from the same run.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';

const TRAINEES = Number(process.env.TRAINEES ?? 30);
const SECONDS = Number(process.env.SECONDS ?? 20);
const PORT = 4192;
const BASE = `http://127.0.0.1:${PORT}`;
const TICKS = 100; // clock ticks a second on Linux

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function cpuTicks(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return Number(fields[11]) + Number(fields[12]);
}
const rssMb = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]) / 1024;

async function post(path: string, body: unknown, token?: string) {
  const r = await fetch(`${BASE}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return r.json() as Promise<Record<string, unknown>>;
}

interface Trainee {
  socket: WebSocket;
  messages: number;
  sentAt: Map<number, number>;
  awaitingView: number | null;
}

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? Number.NaN;
};

async function phase(server: ChildProcess, trainees: Trainee[], seconds: number, act: boolean) {
  const latencies: number[] = [];
  let id = 1;
  for (const t of trainees) t.messages = 0;
  const onView = (t: Trainee) => {
    if (t.awaitingView !== null) {
      latencies.push(performance.now() - t.awaitingView);
      t.awaitingView = null;
    }
  };
  const handlers = trainees.map((t) => {
    const h = (data: WebSocket.RawData) => {
      t.messages += 1;
      const m = JSON.parse(String(data)) as { type: string; id?: number };
      if (m.type === 'result' && m.id !== undefined) {
        t.awaitingView = t.sentAt.get(m.id) ?? null;
        t.sentAt.delete(m.id);
      } else if (m.type === 'trainee') onView(t);
    };
    t.socket.on('message', h);
    return h;
  });
  const cpu0 = cpuTicks(server.pid as number);
  const start = performance.now();
  const timers = act
    ? trainees.map((t, i) =>
        setInterval(
          () => {
            const n = id++;
            t.sentAt.set(n, performance.now());
            t.socket.send(
              JSON.stringify({
                type: 'command',
                id: n,
                command: {
                  type: 'clinical.act',
                  action: i % 2 ? 'clinical.suspectOverdose' : 'clinical.suspectCatheter',
                },
              }),
            );
          },
          2000 + i * 13,
        ),
      )
    : [];
  await sleep(seconds * 1000);
  for (const t of timers) clearInterval(t);
  const wall = (performance.now() - start) / 1000;
  const cpu = (cpuTicks(server.pid as number) - cpu0) / TICKS;
  for (const [i, t] of trainees.entries()) t.socket.off('message', handlers[i] as never);
  const messages = trainees.reduce((s, t) => s + t.messages, 0);
  return { cpuPercent: (100 * cpu) / wall, messagesPerS: messages / wall, latencies, rss: rssMb(server.pid as number) };
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'itps-load-'));
  const server = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: { ...process.env, PORT: String(PORT), HOST: '127.0.0.1', ITPS_DATA_DIR: dir, LOG_LEVEL: 'error' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    for (let i = 0; i < 100; i += 1) {
      if (
        await fetch(`${BASE}/api/health`).then(
          (r) => r.ok,
          () => false,
        )
      )
        break;
      await sleep(200);
    }
    const { token } = (await post('/api/instructor/setup', { passphrase: 'load check passphrase' })) as {
      token: string;
    };
    const created = (await post('/api/classes', { exercise: 'flex-entry-error.scenario.yaml' }, token)) as {
      classId: string;
      code: string;
    };
    const trainees: Trainee[] = [];
    for (let i = 0; i < TRAINEES; i += 1) {
      const socket = new WebSocket(`ws://127.0.0.1:${PORT}/ws`);
      await new Promise((r) => socket.once('open', r));
      const joined = new Promise((r) => socket.once('message', r));
      socket.send(JSON.stringify({ type: 'join', code: created.code, name: `Trainee ${i + 1}` }));
      await joined;
      trainees.push({ socket, messages: 0, sentAt: new Map(), awaitingView: null });
    }
    const instructor = new WebSocket(`ws://127.0.0.1:${PORT}/ws`);
    await new Promise((r) => instructor.once('open', r));
    instructor.send(JSON.stringify({ type: 'instructor', token }));
    await sleep(200);
    instructor.send(JSON.stringify({ type: 'watch', classId: created.classId, seatId: null }));
    const control = (action: string, speed?: number) =>
      instructor.send(
        JSON.stringify({ type: 'control', classId: created.classId, action, ...(speed ? { speed } : {}) }),
      );

    const idle = await phase(server, trainees, 5, false);
    control('run', 3600);
    const loaded = await phase(server, trainees, SECONDS, true);
    control('pause');
    const line = (name: string, value: string, baseline: string) =>
      console.log(`${name.padEnd(44)} ${value.padStart(12)}   (paused baseline ${baseline})`);
    console.log(
      `\nclassroom load check: ${TRAINEES} trainees, 1 simulated hour a second, ${SECONDS} s, ${cpus().length} cores, Node ${process.version}`,
    );
    line('server CPU (% of one core)', loaded.cpuPercent.toFixed(1), idle.cpuPercent.toFixed(1));
    line('messages to trainees a second', loaded.messagesPerS.toFixed(0), idle.messagesPerS.toFixed(0));
    line('server memory (RSS, MB)', loaded.rss.toFixed(0), idle.rss.toFixed(0));
    line('commands answered with a view', String(loaded.latencies.length), '-');
    line('command to view, p50 (ms)', percentile(loaded.latencies, 50).toFixed(1), '-');
    line('command to view, p95 (ms)', percentile(loaded.latencies, 95).toFixed(1), '-');
    line('command to view, max (ms)', Math.max(...loaded.latencies).toFixed(1), '-');
    for (const t of trainees) t.socket.close();
    instructor.close();
  } finally {
    server.kill('SIGTERM');
    await sleep(500);
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
