import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeFound } from '../src/index.ts';

/** describeFound as it was before it bounded its depth: JSON.stringify, then cut to 60 characters. */
function reference(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (Array.isArray(value) && value.length > 20) return `a list of ${value.length} entries`;
  if (value !== null && typeof value === 'object' && Object.keys(value).length > 20)
    return `a mapping of ${Object.keys(value).length} fields`;
  if (typeof value === 'string' && value.length > 60)
    return `${JSON.stringify(value.slice(0, 50))}... (${value.length} characters)`;
  const text = JSON.stringify(value);
  if (text === undefined) return String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

const nested = (depth: number, open: string, close: string, inner = '0') =>
  JSON.parse(`${open.repeat(depth)}${inner}${close.repeat(depth)}`) as unknown;

describe('REQ-CLASS-01: describing what a client sent never stops the server', () => {
  it('REQ-CLASS-01: says what JSON.stringify says, cut to 60 characters, for values up to 7 levels deep', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (value) => {
        expect(describeFound(value)).toBe(reference(value));
      }),
      { numRuns: 500 },
    );
  });

  it('describes 10,000 nested lists or mappings in a few characters (it overflowed the stack before)', () => {
    const lists = nested(10_000, '[', ']');
    expect(() => JSON.stringify(lists)).toThrow(RangeError);
    expect(describeFound(lists)).toBe('[[[[[[[[...]]]]]]]]');
    const maps = nested(10_000, '{"a":', '}');
    expect(describeFound(maps)).toBe('{"a":{"a":{"a":{"a":{"a":{"a":{"a":{"a":...}}}}}}}}');
    expect(describeFound({ seat: lists })).toBe('{"seat":[[[[[[[...]]]]]]]}');
  });

  it('REQ-CLASS-01: any value of any depth is described in at most 60 characters', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 30 }), fc.integer({ min: 0, max: 3000 }), (value, depth) => {
        const deep = nested(depth, '[', ']', JSON.stringify(value));
        expect(describeFound(deep).length).toBeLessThanOrEqual(60);
      }),
      { numRuns: 200 },
    );
  });
});
