import type { ServerMessage } from '@itps/scenarios';
import WebSocket from 'ws';

/** A seeded random stream (mulberry32): the chaos is the same for the same seed. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** What a chaos client does when its socket opens: the first message, and what to do with each one after. */
abstract class Reconnecting {
  ws: WebSocket | null = null;
  ready = false;
  stopped = false;
  #turn = 0;
  /** Messages refused with a reason that means "not here": the client tries again elsewhere or later. */
  moved = 0;

  constructor(readonly bases: () => readonly string[]) {}

  protected abstract hello(ws: WebSocket): void;
  protected abstract message(ws: WebSocket, m: ServerMessage): void;
  protected abstract lostLink(): void;

  /** Connects, and again with back-off each time the socket closes (to the next server of the list). */
  start(): void {
    const open = () => {
      if (this.stopped) return;
      const list = this.bases();
      const base = list[this.#turn % list.length] as string;
      this.#turn += 1;
      const ws = new WebSocket(`${base.replace('http', 'ws')}ws`);
      this.ws = ws;
      ws.on('open', () => this.hello(ws));
      ws.on('message', (data) => {
        const m = JSON.parse(String(data)) as ServerMessage;
        if (m.type === 'error' && (m.code === 'class.elsewhere' || m.code === 'class.moved')) {
          this.moved += 1;
          ws.close();
          return;
        }
        this.message(ws, m);
      });
      ws.on('error', () => {});
      ws.on('close', () => {
        if (this.ws !== ws) return;
        this.ws = null;
        this.ready = false;
        this.lostLink();
        setTimeout(open, 150 + Math.floor(Math.random() * 150));
      });
    };
    open();
  }

  stop(): void {
    this.stopped = true;
    this.ws?.close();
  }

  /** Waits until the client sits in its class again (after a kill and restart). */
  async whenReady(ms = 30_000): Promise<void> {
    for (let waited = 0; !this.ready; waited += 50) {
      if (waited > ms) throw new Error(`${this.constructor.name} did not come back in ${ms} ms`);
      await sleep(50);
    }
  }
}

/** A trainee whose every command carries a tag: what the server accepted, refused or never answered. */
export class ChaosTrainee extends Reconnecting {
  seat: string | null = null;
  #nextId = 1;
  readonly #pending = new Map<number, string>();
  readonly accepted = new Set<string>();
  readonly refused = new Set<string>();
  readonly lost = new Set<string>();
  /** A resume refused as an unknown seat: the class did not come back. */
  forgotten = 0;

  constructor(
    bases: () => readonly string[],
    readonly code: string,
    readonly name: string,
  ) {
    super(bases);
  }

  protected hello(ws: WebSocket): void {
    ws.send(
      JSON.stringify(
        this.seat === null ? { type: 'join', code: this.code, name: this.name } : { type: 'resume', seat: this.seat },
      ),
    );
  }

  protected message(_ws: WebSocket, m: ServerMessage): void {
    if (m.type === 'joined') this.seat = m.seat;
    else if (m.type === 'trainee') this.ready = true;
    else if (m.type === 'result') {
      const tag = this.#pending.get(m.id);
      if (tag === undefined) return;
      this.#pending.delete(m.id);
      (m.result.ok ? this.accepted : this.refused).add(tag);
    } else if (m.type === 'error' && m.about === 'resume') this.forgotten += 1;
  }

  protected lostLink(): void {
    for (const tag of this.#pending.values()) this.lost.add(tag);
    this.#pending.clear();
  }

  /** One bedside act, tagged with this trainee's name and its number. */
  act(): void {
    const ws = this.ws;
    if (!this.ready || ws === null || ws.readyState !== WebSocket.OPEN) return;
    const id = this.#nextId++;
    const tag = `${this.name}#${id}`;
    this.#pending.set(id, tag);
    ws.send(
      JSON.stringify({
        type: 'command',
        id,
        command: { type: 'clinical.act', action: 'clinical.suspectOverdose', detail: tag },
      }),
    );
  }

  /** Commands sent and not yet answered. */
  get pending(): number {
    return this.#pending.size;
  }
}

/** An instructor's console on one class: signed in, watching it, its class view kept. */
export class ChaosInstructor extends Reconnecting {
  view: Extract<ServerMessage, { type: 'class' }>['view'] | null = null;
  readonly notes: string[] = [];

  constructor(
    bases: () => readonly string[],
    readonly token: string,
    readonly classId: string,
  ) {
    super(bases);
  }

  protected hello(ws: WebSocket): void {
    ws.send(JSON.stringify({ type: 'instructor', token: this.token }));
  }

  protected message(ws: WebSocket, m: ServerMessage): void {
    if (m.type === 'instructor') ws.send(JSON.stringify({ type: 'watch', classId: this.classId, seatId: null }));
    else if (m.type === 'class') {
      this.view = m.view;
      this.ready = true;
    } else if (m.type === 'error') this.notes.push(`${m.code}: ${m.message}`);
  }

  protected lostLink(): void {}

  control(action: 'run' | 'pause' | 'end', speed?: number): void {
    this.ws?.send(JSON.stringify({ type: 'control', classId: this.classId, action, ...(speed ? { speed } : {}) }));
  }
}
