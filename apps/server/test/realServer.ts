import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import type { ServerMessage } from '@itps/scenarios';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import WebSocket from 'ws';
import type { ClassHub } from '../src/classroom/classHub.ts';
import { loadExercises } from '../src/classroom/exercises.ts';
import { type Database, openDatabase } from '../src/db/database.ts';
import { RecordStore } from '../src/db/recordStore.ts';
import { buildServer, type ServerOptions } from '../src/server.ts';

/** The one-time set-up code the test servers are started with. */
export const TEST_SETUP_CODE = 'TEST-SETUP-CODE';
/** The passphrase the test servers are set up with. */
export const TEST_PASSPHRASE = 'the sim lab key';

/** A client on the real socket that keeps every message it is sent, and how it closed. */
export interface TestClient {
  readonly socket: WebSocket;
  readonly received: ServerMessage[];
  /** The close code and reason once closed. */
  readonly closed: Promise<{ code: number; reason: string }>;
  next(type: ServerMessage['type']): Promise<ServerMessage>;
  send(value: unknown): void;
}

/** Polls `found` every 10 ms, at most `tries` times; its value, or undefined. */
export async function poll<T>(found: () => T | undefined, tries = 300): Promise<T | undefined> {
  for (let i = 0; i < tries; i += 1) {
    const value = found();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 10));
  }
  return undefined;
}

/** As {@link poll}, for an answer that takes a promise to find (an HTTP call). */
export async function pollAsync<T>(found: () => Promise<T | undefined>, tries = 300): Promise<T | undefined> {
  for (let i = 0; i < tries; i += 1) {
    const value = await found();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 10));
  }
  return undefined;
}

/**
 * The real classroom server on a loopback port with the embedded database in memory, set up with
 * {@link TEST_PASSPHRASE} (unless `setUp` is false); its log lines (warnings and errors) are kept
 * in `log`.
 */
export async function startRealServer(options: Partial<ServerOptions> = {}, setUp = true) {
  const db: Database = await openDatabase({ dataDir: null });
  const log: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n')) if (line !== '') log.push(JSON.parse(line));
      done();
    },
  });
  let base = '';
  const built = await buildServer({
    store: new RecordStore(db),
    exercises: await loadExercises(),
    staticDir: null,
    publicUrl: () => base,
    tickMs: 0,
    logger: { level: 'warn', stream },
    setupCode: TEST_SETUP_CODE,
    ...options,
  });
  const app: FastifyInstance = built.app;
  const hub: ClassHub = built.hub;
  await app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/`;

  const post = (path: string, body: unknown, key?: string): Promise<LightMyRequestResponse> =>
    app.inject({
      method: 'POST',
      url: path,
      payload: body as object,
      headers: key === undefined ? {} : { authorization: `Bearer ${key}` },
    });

  /** A client on the real socket, from `localAddress` (a loopback address, 127.0.0.1 by default). */
  async function client(localAddress?: string): Promise<TestClient> {
    const socket = new WebSocket(`${base.replace('http', 'ws')}ws`, localAddress === undefined ? {} : { localAddress });
    const received: ServerMessage[] = [];
    socket.on('message', (data) => received.push(JSON.parse(String(data)) as ServerMessage));
    socket.on('error', () => {});
    const closed = new Promise<{ code: number; reason: string }>((resolve) =>
      socket.once('close', (code, reason) => resolve({ code, reason: String(reason) })),
    );
    await new Promise((resolve, reject) => {
      socket.once('open', resolve);
      socket.once('error', reject);
    });
    const next = async (type: ServerMessage['type']): Promise<ServerMessage> => {
      const found = await poll(() => {
        const at = received.findIndex((m) => m.type === type);
        return at >= 0 ? (received.splice(at, 1)[0] as ServerMessage) : undefined;
      });
      if (found === undefined)
        throw new Error(`no ${type} message; had ${JSON.stringify(received.map((m) => m.type))}`);
      return found;
    };
    return {
      socket,
      received,
      closed,
      next,
      send: (value: unknown) => socket.send(typeof value === 'string' ? value : JSON.stringify(value)),
    };
  }

  const token: string = !setUp
    ? ''
    : (await post('/api/instructor/setup', { passphrase: TEST_PASSPHRASE, setupCode: TEST_SETUP_CODE })).json().token;

  async function openClass(exercise = 'flex-entry-error.scenario.yaml'): Promise<{ classId: string; code: string }> {
    const created = (await post('/api/classes', { exercise }, token)).json();
    return { classId: created.classId, code: created.code };
  }

  async function seated(code: string, name: string, localAddress?: string, traineeKey?: string) {
    const c = await client(localAddress);
    c.send({ type: 'join', code, name, ...(traineeKey === undefined ? {} : { traineeKey }) });
    const joined = (await c.next('joined')) as Extract<ServerMessage, { type: 'joined' }>;
    const first = (await c.next('trainee')) as Extract<ServerMessage, { type: 'trainee' }>;
    return { ...c, joined, first };
  }

  async function instructor(): Promise<TestClient> {
    const c = await client();
    c.send({ type: 'instructor', token });
    await c.next('instructor');
    return c;
  }

  const health = async () => (await fetch(`${base}api/health`)).status;

  return {
    app,
    hub,
    db,
    /** The set-up code the server started with (null when a passphrase was set already). */
    setupCode: built.setupCode,
    log,
    token,
    get base() {
      return base;
    },
    post,
    client,
    openClass,
    seated,
    instructor,
    health,
    async close() {
      await app.close();
      await db.close();
    },
  };
}

/** A started test server. */
export type RealServer = Awaited<ReturnType<typeof startRealServer>>;
