import { MAX_CLIENT_MESSAGE_BYTES, type ServerMessage } from '@itps/scenarios';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { poll, type RealServer, startRealServer } from './realServer.ts';

let server: RealServer;
let legit: Awaited<ReturnType<RealServer['seated']>>;
let commandId = 0;
let lastCommandAt = 0;

beforeAll(async () => {
  server = await startRealServer();
  const { code } = await server.openClass();
  legit = await server.seated(code, 'Legit Trainee');
});

afterAll(async () => {
  await server.close();
});

/** One frame a hostile client sends: text (any encoding it likes) or binary. */
type Frame = { readonly text: string } | { readonly bytes: Uint8Array; readonly binary: boolean };

const nested = (depth: number, open: string, close: string, inner: string) =>
  `${open.repeat(depth)}${inner}${close.repeat(depth)}`;
const types = ['join', 'resume', 'command', 'finish', 'instructor', 'watch', 'control', 'inject', 'teleport'];
const fields = ['type', 'seat', 'code', 'name', 'id', 'command', 'token', 'classId', 'seatId', 'action', 'fault'];

/** A value nested `depth` deep, in lists or in mappings, around any JSON value. */
const deepJson = fc
  .tuple(fc.integer({ min: 0, max: 20_000 }), fc.boolean(), fc.jsonValue({ maxDepth: 3 }))
  .map(([depth, lists, inner]) =>
    lists ? nested(depth, '[', ']', JSON.stringify(inner)) : nested(depth, '{"a":', '}', JSON.stringify(inner)),
  );

/** A message of a known type with fields of any kind, deep ones included. */
const shapedMessage = fc
  .tuple(
    fc.constantFrom(...types),
    fc.array(
      fc.tuple(
        fc.constantFrom(...fields),
        fc.oneof(
          deepJson,
          fc.jsonValue().map((v) => JSON.stringify(v)),
        ),
      ),
      {
        maxLength: 4,
      },
    ),
  )
  .map(
    ([type, entries]) =>
      `{"type":${JSON.stringify(type)}${entries.map(([k, v]) => `,${JSON.stringify(k)}:${v}`).join('')}}`,
  );

const frameArb: fc.Arbitrary<Frame> = fc.oneof(
  // nesting, in a message of a known type or bare
  shapedMessage.map((text) => ({ text })),
  deepJson.map((text) => ({ text })),
  // any JSON, any text (all of Unicode, lone surrogates too), broken JSON
  fc.jsonValue({ maxDepth: 8 }).map((v) => ({ text: JSON.stringify(v) })),
  fc.string({ unit: 'binary', maxLength: 300 }).map((text) => ({ text })),
  fc.string({ unit: 'grapheme', maxLength: 300 }).map((text) => ({ text: `{"type":"join","name":${text}` })),
  // sizes: just under, at and over the limit, of one character repeated
  fc
    .tuple(
      fc.integer({ min: MAX_CLIENT_MESSAGE_BYTES - 64, max: MAX_CLIENT_MESSAGE_BYTES + 4096 }),
      fc.constantFrom('[', 'a', 'é', '"'),
    )
    .map(([n, c]) => ({ text: c.repeat(Math.floor(n / Buffer.byteLength(c))) })),
  // bytes: binary frames, and text frames that are not UTF-8
  fc.uint8Array({ maxLength: 600 }).map((bytes) => ({ bytes, binary: true })),
  fc
    .uint8Array({ minLength: 1, maxLength: 200 })
    .map((bytes) => ({ bytes: Uint8Array.from([...bytes, 0xc3, 0x28, 0xff]), binary: false })),
);

/** Sends `frames` on a fresh socket; resolves once each has been answered or the socket closed. */
async function hostile(frames: readonly Frame[]): Promise<{ answers: ServerMessage[]; close: number | null }> {
  const c = await server.client();
  let close: number | null = null;
  void c.closed.then(({ code }) => {
    close = code;
  });
  for (const frame of frames)
    if ('text' in frame) c.socket.send(frame.text);
    else c.socket.send(frame.bytes, { binary: frame.binary });
  const settled = await poll(() => (close !== null || c.received.length >= frames.length ? true : undefined), 1000);
  expect(settled, `no answer and no close after ${JSON.stringify(frames).slice(0, 200)}`).toBe(true);
  if (close === null) {
    c.socket.close();
    await c.closed;
  }
  return { answers: c.received, close };
}

/** The server still answers its health check and the legitimate trainee's command. */
async function stillServes(): Promise<void> {
  expect(await server.health()).toBe(200);
  // the trainee acts no faster than a person (the per-connection and per-seat rates allow it)
  const wait = lastCommandAt + 120 - performance.now();
  if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  lastCommandAt = performance.now();
  commandId += 1;
  legit.send({ type: 'command', id: commandId, command: { type: 'clinical.act', action: 'clinical.suspectOverdose' } });
  const result = await legit.next('result');
  expect(result).toMatchObject({ type: 'result', id: commandId });
}

describe('REQ-CLASS-01: nothing a client sends over the socket stops the server', () => {
  it('the frame that killed it: 10,000 [ then 10,000 ] as a seat closes that socket (1008) and is logged', async () => {
    const frame = `{"type":"resume","seat":${'['.repeat(10_000)}${']'.repeat(10_000)}}`;
    expect(frame.length).toBeGreaterThan(20_000);
    const { answers, close } = await hostile([{ text: frame }]);
    expect(answers).toEqual([
      {
        type: 'error',
        code: 'message.depth',
        message: 'A message nests lists and mappings at most 32 deep.',
      },
    ]);
    expect(close).toBe(1008);
    expect(server.log.some((l) => l.code === 1008 && String(l.msg).startsWith('disconnected a client'))).toBe(true);
    await stillServes();
  });

  it('a binary frame (1003), a text frame that is not UTF-8 (1007) and one over 64 KiB (1009) each close that socket', async () => {
    expect((await hostile([{ bytes: Uint8Array.from([1, 2, 3]), binary: true }])).close).toBe(1003);
    expect((await hostile([{ bytes: Uint8Array.from([0x7b, 0xc3, 0x28]), binary: false }])).close).toBe(1007);
    expect((await hostile([{ text: 'a'.repeat(MAX_CLIENT_MESSAGE_BYTES + 1) }])).close).toBe(1009);
    await stillServes();
  });

  it('a client whose messages keep being refused is disconnected (1008) after 30 in a minute', async () => {
    const { answers, close } = await hostile(Array.from({ length: 40 }, () => ({ text: '{"type":"teleport"}' })));
    expect(close).toBe(1008);
    expect(answers.length).toBe(30);
    await stillServes();
  });

  it('REQ-CLASS-01: generated hostile frames (nesting, sizes, types, encodings, binary): after each, the server answers its health check and a trainee', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(frameArb, { minLength: 1, maxLength: 3 }), async (frames) => {
        const { answers } = await hostile(frames);
        for (const a of answers) expect(a.type === 'error' || a.type === 'result').toBe(true);
        await stillServes();
      }),
      { numRuns: 60 },
    );
    // the legitimate trainee's world took every command of theirs, none of the hostile ones
    const seat = server.hub.openClasses()[0]?.seats()[0];
    expect(seat?.trainee.name).toBe('Legit Trainee');
    expect(legit.socket.readyState).toBe(WebSocket.OPEN);
  });
});
