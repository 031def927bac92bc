import { describe, expect, it } from 'vitest';
import { MAX_CLIENT_MESSAGE_BYTES } from '../src/classroom/classMessages.ts';
import { jsonDepth, MAX_CLIENT_MESSAGE_DEPTH, readClientFrame, utf8Bytes } from '../src/classroom/readClientFrame.ts';

// The server's first look at a client's frame, worked out by hand: its bytes, its depth, then JSON
// and the schema (REQ-CLASS-01: nothing a client sends can stop the server).
describe('reading a client frame', () => {
  it('counts UTF-8 bytes as the wire does: 1, 2, 3 and 4-byte characters, a lone surrogate as 3', () => {
    expect(utf8Bytes('')).toBe(0);
    expect(utf8Bytes('a')).toBe(1);
    expect(utf8Bytes('\u007f')).toBe(1);
    expect(utf8Bytes('\u0080')).toBe(2);
    expect(utf8Bytes('é')).toBe(2);
    expect(utf8Bytes('\u07ff')).toBe(2);
    expect(utf8Bytes('\u0800')).toBe(3);
    expect(utf8Bytes('€')).toBe(3);
    // a surrogate pair is one 4-byte character
    expect(utf8Bytes('😀')).toBe(4);
    expect(utf8Bytes('a😀b')).toBe(6);
    // a high surrogate not followed by a low one, or at the end, is a replacement character
    expect(utf8Bytes('\ud83dx')).toBe(4);
    expect(utf8Bytes('x\ud83d')).toBe(4);
    // a lone low surrogate likewise
    expect(utf8Bytes('\ude00')).toBe(3);
  });

  it('measures nesting without recursing, brackets inside strings and escapes not counted', () => {
    expect(jsonDepth('1', 32)).toBe(0);
    expect(jsonDepth('{}', 32)).toBe(1);
    expect(jsonDepth('[[], [[]]]', 32)).toBe(3);
    expect(jsonDepth('{"a":{"b":[1]}}', 32)).toBe(3);
    expect(jsonDepth('"[[[["', 32)).toBe(0);
    expect(jsonDepth('["\\"[[["]', 32)).toBe(1);
    // it stops as soon as the limit is passed: 4 is past 3, the rest is never read
    expect(jsonDepth('[[[[[[[[', 3)).toBe(4);
    expect(jsonDepth('[[]][[]]', 32)).toBe(2);
  });

  it('refuses a frame over the size limit before reading it, by characters or by bytes', () => {
    const big = readClientFrame('x'.repeat(MAX_CLIENT_MESSAGE_BYTES + 1));
    expect(big).toEqual({
      ok: false,
      code: 'message.size',
      problem: `A message is at most ${MAX_CLIENT_MESSAGE_BYTES} bytes.`,
    });
    // half as many characters, each of 3 bytes: over the limit in bytes only
    const wide = readClientFrame('€'.repeat(Math.floor(MAX_CLIENT_MESSAGE_BYTES / 2)));
    expect(wide).toMatchObject({ ok: false, code: 'message.size' });
    // exactly the limit is read (and refused later, as JSON)
    expect(readClientFrame('x'.repeat(MAX_CLIENT_MESSAGE_BYTES))).toMatchObject({ ok: false, code: 'message.json' });
  });

  it('refuses a frame nested deeper than the limit before parsing it (the 20 KB frame that killed the server)', () => {
    const hostile = `{"type":"resume","seat":${'['.repeat(10_000)}${']'.repeat(10_000)}}`;
    expect(readClientFrame(hostile)).toEqual({
      ok: false,
      code: 'message.depth',
      problem: `A message nests lists and mappings at most ${MAX_CLIENT_MESSAGE_DEPTH} deep.`,
    });
    // the limit itself is read on (and refused by the schema, not by its depth)
    const atLimit = `${'['.repeat(MAX_CLIENT_MESSAGE_DEPTH)}${']'.repeat(MAX_CLIENT_MESSAGE_DEPTH)}`;
    expect(readClientFrame(atLimit)).toMatchObject({ ok: false, code: 'message.invalid' });
    const past = `${'['.repeat(MAX_CLIENT_MESSAGE_DEPTH + 1)}${']'.repeat(MAX_CLIENT_MESSAGE_DEPTH + 1)}`;
    expect(readClientFrame(past)).toMatchObject({ ok: false, code: 'message.depth' });
  });

  it('refuses text that is not JSON, and says at most five problems of a bad message', () => {
    expect(readClientFrame('{"type":')).toEqual({
      ok: false,
      code: 'message.json',
      problem: 'A message must be JSON.',
    });
    const refused = readClientFrame(JSON.stringify({ type: 'join', code: 1, name: 2, key: 3, a: 4, b: 5, c: 6, d: 7 }));
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.code).toBe('message.invalid');
      expect(refused.problem.split('; ').length).toBeLessThanOrEqual(6);
    }
    expect(readClientFrame('{"type":1}')).toMatchObject({ ok: false, code: 'message.invalid' });
  });

  it('reads a good message whole', () => {
    expect(readClientFrame(JSON.stringify({ type: 'finish' }))).toEqual({ ok: true, message: { type: 'finish' } });
    expect(readClientFrame(' {"type":"finish"} ')).toEqual({ ok: true, message: { type: 'finish' } });
  });
});
