import type { ServerMessage } from '@itps/scenarios';
import WebSocket from 'ws';

/** A classroom client on the real socket that keeps every message it is sent. */
export interface SocketClient {
  readonly socket: WebSocket;
  readonly received: ServerMessage[];
  /** The next message of `type` (taken out of `received`); throws after about 10 s without one. */
  next(type: ServerMessage['type']): Promise<ServerMessage>;
  send(value: unknown): void;
  /** Resolves when the socket is closed (by either side). */
  readonly closed: Promise<number>;
}

/** Opens a client on `base`'s WebSocket (`http://host:port/`). */
export async function socketClient(base: string): Promise<SocketClient> {
  const socket = new WebSocket(`${base.replace('http', 'ws')}ws`);
  const received: ServerMessage[] = [];
  socket.on('message', (data) => received.push(JSON.parse(String(data)) as ServerMessage));
  const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
  const next = async (type: ServerMessage['type']): Promise<ServerMessage> => {
    for (let i = 0; i < 1000; i += 1) {
      const at = received.findIndex((m) => m.type === type);
      if (at >= 0) return received.splice(at, 1)[0] as ServerMessage;
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error(`no ${type} message; had ${JSON.stringify(received.map((m) => m.type))}`);
  };
  return {
    socket,
    received,
    next,
    closed,
    send: (value: unknown) => socket.send(typeof value === 'string' ? value : JSON.stringify(value)),
  };
}

/** Trainee commands that make a world move in many ways (some refused by the world in its state: kept all the same). */
export const TRAINEE_COMMANDS: readonly unknown[] = [
  { type: 'programmer.act', event: { type: 'session.connect' } },
  { type: 'clinical.act', action: 'clinical.suspectOverdose' },
  { type: 'programmer.act', event: { type: 'workflow.start', workflow: 'doseChange' } },
  { type: 'programmer.act', event: { type: 'workflow.cancel' } },
  { type: 'patient.testDose', doseMcg: 50 },
  { type: 'clinical.act', action: 'clinical.suspectCatheter', detail: 'flow "low"' },
  { type: 'programmer.act', event: { type: 'workflow.start', workflow: 'stopRestart' } },
  { type: 'programmer.act', event: { type: 'session.disconnect' } },
  { type: 'programmer.act', event: { type: 'workflow.start', workflow: 'refill' } },
];
