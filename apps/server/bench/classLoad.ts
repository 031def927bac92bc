/**
 * Load check of the classroom server (a benchmark, never a timed test): the real server in its own
 * process, TRAINEES (30) trainees on their own sockets in classes of 30 at 1 simulated hour a
 * second, each acting every 2 s, each class's console watching. Prints server CPU, memory, the message rate and the latency
 * from a command to the view that shows it (p50, p95, max), beside the same figures with the clock
 * paused (the baseline: no simulation work), from the same run; the bytes each trainee receives
 * (a second, and per view update) and the health check's answer time. Then a flood: FLOOD (25)
 * more sockets onto one trainee's seat, each sending commands as fast as its connection may, and
 * the same figures for the other trainees and the health check.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';

const TRAINEES = Number(process.env.TRAINEES ?? 30);
/** Trainees per class (a class seats at most 60): 300 trainees are 10 classes, each watched by its console. */
const CLASS_SIZE = 30;
const SECONDS = Number(process.env.SECONDS ?? 20);
const FLOOD = Number(process.env.FLOOD ?? 25);
const FLOOD_SECONDS = Number(process.env.FLOOD_SECONDS ?? 10);
const HEALTH_TIMEOUT_MS = 20_000;
const PORT = Number(process.env.BENCH_PORT ?? 4192);
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
  seat: string;
  messages: number;
  bytes: number;
  views: number[];
  sentAt: Map<number, number>;
  awaitingView: number | null;
}

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? Number.NaN;
};

/** Health-check answers (ms) every 250 ms while `running` says so. */
async function probeHealth(running: () => boolean): Promise<number[]> {
  const times: number[] = [];
  while (running()) {
    const t0 = performance.now();
    // a check unanswered after 20 s counts as 20 s (the server may be past answering)
    await fetch(`${BASE}/api/health`, { signal: AbortSignal.timeout(HEALTH_TIMEOUT_MS) }).then(
      (r) => r.text(),
      () => '',
    );
    times.push(Math.min(HEALTH_TIMEOUT_MS, performance.now() - t0));
    await sleep(250);
  }
  return times;
}

/**
 * A flood: `sockets` more sockets onto one trainee's seat (as many as the server lets on), each
 * sending commands as fast as its connection's rate allows.
 */
async function flood(seat: string, sockets: number): Promise<{ stop: () => void; accepted: () => number }> {
  const open: WebSocket[] = [];
  const timers: NodeJS.Timeout[] = [];
  let accepted = 0;
  let id = 1_000_000;
  for (let i = 0; i < sockets; i += 1) {
    const socket = new WebSocket(`ws://127.0.0.1:${PORT}/ws`);
    socket.on('error', () => {});
    socket.on('message', (data) => {
      const m = JSON.parse(String(data)) as { type: string; result?: { ok: boolean } };
      if (m.type === 'result') accepted += 1;
    });
    await new Promise((r) => {
      socket.once('open', r);
      socket.once('close', r);
    });
    if (socket.readyState !== WebSocket.OPEN) continue;
    socket.send(JSON.stringify({ type: 'resume', seat }));
    open.push(socket);
    timers.push(
      setInterval(() => {
        if (socket.readyState === WebSocket.OPEN)
          socket.send(
            JSON.stringify({
              type: 'command',
              id: id++,
              command: { type: 'clinical.act', action: 'clinical.suspectOverdose' },
            }),
          );
      }, 50),
    );
  }
  return {
    stop: () => {
      for (const t of timers) clearInterval(t);
      for (const s of open) s.close();
    },
    accepted: () => accepted,
  };
}

async function phase(server: ChildProcess, trainees: Trainee[], seconds: number, act: boolean) {
  const latencies: number[] = [];
  let id = 1;
  for (const t of trainees) {
    t.messages = 0;
    t.bytes = 0;
    t.views = [];
  }
  const onView = (t: Trainee) => {
    if (t.awaitingView !== null) {
      latencies.push(performance.now() - t.awaitingView);
      t.awaitingView = null;
    }
  };
  const handlers = trainees.map((t) => {
    const h = (data: WebSocket.RawData) => {
      t.messages += 1;
      const text = String(data);
      t.bytes += Buffer.byteLength(text);
      const m = JSON.parse(text) as { type: string; id?: number };
      if (m.type === 'trainee' || m.type === 'traineeDelta') t.views.push(Buffer.byteLength(text));
      if (m.type === 'result' && m.id !== undefined) {
        t.awaitingView = t.sentAt.get(m.id) ?? null;
        t.sentAt.delete(m.id);
      } else if (m.type === 'trainee' || m.type === 'traineeDelta') onView(t);
    };
    t.socket.on('message', h);
    return h;
  });
  const cpu0 = cpuTicks(server.pid as number);
  const start = performance.now();
  let running = true;
  const health = probeHealth(() => running);
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
  running = false;
  const healthMs = await health;
  const wall = (performance.now() - start) / 1000;
  const cpu = (cpuTicks(server.pid as number) - cpu0) / TICKS;
  for (const [i, t] of trainees.entries()) t.socket.off('message', handlers[i] as never);
  const messages = trainees.reduce((s, t) => s + t.messages, 0);
  const views = trainees.flatMap((t) => t.views);
  return {
    cpuPercent: (100 * cpu) / wall,
    messagesPerS: messages / wall,
    latencies,
    rss: rssMb(server.pid as number),
    bytesPerClientPerS: trainees.reduce((s, t) => s + t.bytes, 0) / trainees.length / wall,
    bytesPerView: views.length === 0 ? Number.NaN : views.reduce((a, b) => a + b, 0) / views.length,
    healthMs,
  };
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'itps-load-'));
  const server = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: {
      ...process.env,
      PORT: String(PORT),
      HOST: '127.0.0.1',
      ITPS_DATA_DIR: dir,
      LOG_LEVEL: 'error',
      ITPS_MAX_SOCKETS_PER_ADDRESS: String(TRAINEES + FLOOD + 10),
      ITPS_JOINS_PER_ADDRESS_PER_MIN: String(TRAINEES + 10),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let printed = '';
  server.stdout?.on('data', (chunk) => {
    printed += String(chunk);
  });
  try {
    for (let i = 0; i < 300; i += 1) {
      if (
        await fetch(`${BASE}/api/health`).then(
          (r) => r.ok,
          () => false,
        )
      )
        break;
      await sleep(200);
    }
    // the one-time set-up code the server printed (a server from before set-up codes printed none)
    const setupCode = /set-up code: (\S+)/.exec(printed)?.[1];
    const { token } = (await post('/api/instructor/setup', {
      passphrase: 'load check passphrase',
      ...(setupCode === undefined ? {} : { setupCode }),
    })) as { token: string };
    const classes: { classId: string; code: string }[] = [];
    for (let i = 0; i < Math.ceil(TRAINEES / CLASS_SIZE); i += 1)
      classes.push(
        (await post('/api/classes', { exercise: 'flex-entry-error.scenario.yaml' }, token)) as {
          classId: string;
          code: string;
        },
      );
    const trainees: Trainee[] = [];
    for (let i = 0; i < TRAINEES; i += 1) {
      const socket = new WebSocket(`ws://127.0.0.1:${PORT}/ws`);
      await new Promise((r) => socket.once('open', r));
      const joined = new Promise<WebSocket.RawData>((r) => socket.once('message', r));
      const code = classes[Math.floor(i / CLASS_SIZE)]?.code;
      socket.send(JSON.stringify({ type: 'join', code, name: `Trainee ${i + 1}` }));
      const { seat } = JSON.parse(String(await joined)) as { seat: string };
      trainees.push({ socket, seat, messages: 0, bytes: 0, views: [], sentAt: new Map(), awaitingView: null });
    }
    // one console per class, as each class's instructor would have
    const consoles: WebSocket[] = [];
    for (const c of classes) {
      const ws = new WebSocket(`ws://127.0.0.1:${PORT}/ws`);
      await new Promise((r) => ws.once('open', r));
      ws.send(JSON.stringify({ type: 'instructor', token }));
      await sleep(100);
      ws.send(JSON.stringify({ type: 'watch', classId: c.classId, seatId: null }));
      consoles.push(ws);
    }
    const control = (action: string, speed?: number) => {
      for (const [i, c] of classes.entries())
        consoles[i]?.send(JSON.stringify({ type: 'control', classId: c.classId, action, ...(speed ? { speed } : {}) }));
    };

    const idle = await phase(server, trainees, 5, false);
    control('run', 3600);
    const loaded = await phase(server, trainees, SECONDS, true);
    // the flood: FLOOD more sockets on the first trainee's seat, commands as fast as each may send
    const flooding = await flood((trainees[0] as Trainee).seat, FLOOD);
    const flooded = await phase(server, trainees.slice(1), FLOOD_SECONDS, true);
    flooding.stop();
    control('pause');
    const line = (name: string, value: string, baseline: string) =>
      console.log(`${name.padEnd(44)} ${value.padStart(12)}   (paused baseline ${baseline})`);
    console.log(
      `\nclassroom load check: ${TRAINEES} trainees in ${classes.length} class(es), 1 simulated hour a second, ${SECONDS} s, ${cpus().length} cores, Node ${process.version}`,
    );
    line('server CPU (% of one core)', loaded.cpuPercent.toFixed(1), idle.cpuPercent.toFixed(1));
    line('messages to trainees a second', loaded.messagesPerS.toFixed(0), idle.messagesPerS.toFixed(0));
    line('server memory (RSS, MB)', loaded.rss.toFixed(0), idle.rss.toFixed(0));
    line('commands answered with a view', String(loaded.latencies.length), '-');
    line('command to view, p50 (ms)', percentile(loaded.latencies, 50).toFixed(1), '-');
    line('command to view, p95 (ms)', percentile(loaded.latencies, 95).toFixed(1), '-');
    line('command to view, max (ms)', Math.max(...loaded.latencies).toFixed(1), '-');
    line('bytes a second to each trainee', loaded.bytesPerClientPerS.toFixed(0), idle.bytesPerClientPerS.toFixed(0));
    line('bytes per view update (mean)', loaded.bytesPerView.toFixed(0), idle.bytesPerView.toFixed(0));
    line(
      'health check, p50 (ms)',
      percentile(loaded.healthMs, 50).toFixed(1),
      percentile(idle.healthMs, 50).toFixed(1),
    );
    line('health check, max (ms)', Math.max(...loaded.healthMs).toFixed(1), Math.max(...idle.healthMs).toFixed(1));
    console.log(
      `\nflood: ${FLOOD} more sockets on trainee 1's seat sending 20 commands a second each, ${FLOOD_SECONDS} s; the other ${TRAINEES - 1} trainees:`,
    );
    line('flood commands answered', String(flooding.accepted()), '-');
    line('server CPU under flood (% of one core)', flooded.cpuPercent.toFixed(1), idle.cpuPercent.toFixed(1));
    line('server memory under flood (RSS, MB)', flooded.rss.toFixed(0), idle.rss.toFixed(0));
    line('health check under flood, p50 (ms)', percentile(flooded.healthMs, 50).toFixed(1), '-');
    line('health check under flood, max (ms)', Math.max(...flooded.healthMs).toFixed(1), '-');
    line('others: command to view, p95 (ms)', percentile(flooded.latencies, 95).toFixed(1), '-');
    line('others: command to view, max (ms)', Math.max(...flooded.latencies).toFixed(1), '-');
    for (const t of trainees) t.socket.close();
    for (const ws of consoles) ws.close();
  } finally {
    server.kill('SIGTERM');
    await sleep(2000);
    // a server past answering does not get to its SIGTERM handler
    if (server.exitCode === null && server.signalCode === null) server.kill('SIGKILL');
    await sleep(200);
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
