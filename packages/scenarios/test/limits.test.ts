import { describe, expect, it } from 'vitest';
import { checkCounts, checkDuration, checkText, DEFAULT_LIMITS, utf8Length } from '../src/index.ts';

const limits = { ...DEFAULT_LIMITS, maxBytes: 20, maxDepth: 3 };
const deep = { ...DEFAULT_LIMITS, maxDepth: 3 };

describe('the limits a file is held to before the work they bound', () => {
  it('counts UTF-8 bytes as a file holds them: é is 2, € is 3, an emoji 4', () => {
    expect(utf8Length('abc')).toBe(3);
    expect(utf8Length('é€😀')).toBe(2 + 3 + 4);
    expect(checkText('x'.repeat(20), 'f', limits)).toEqual([]);
    expect(checkText('é'.repeat(11), 'f', limits)).toEqual([
      { file: 'f', path: '', expected: 'a file of at most 20 bytes', found: '22 bytes' },
    ]);
  });

  it('refuses binary at the first NUL or replaced byte, with its line and column', () => {
    expect(checkText('a: 1\nb: \u0000', 'f')).toEqual([
      {
        file: 'f',
        path: 'line 2, column 4',
        expected: 'a text file (YAML or JSON in UTF-8)',
        found: 'a NUL byte (binary data)',
      },
    ]);
    expect(checkText('\uFFFD', 'f')[0]?.found).toBe('bytes that are not UTF-8 (binary data)');
  });

  it.each([
    // the top-level mapping is the first level
    ['flow brackets', 'a: [[[1]]]', 'line 1, column 6'],
    ['flow mappings', 'a: {b: {c: {d: 1}}}', 'line 1, column 12'],
    ['block indentation', 'a:\n  b:\n    c:\n      d: 1', 'line 4, column 7'],
    ['compact list entries', 'a:\n  - - - 1', 'line 2, column 3'],
  ])('finds nesting deeper than 3 in %s', (_, text, where) => {
    expect(checkText(text, 'f', deep)).toEqual([
      { file: 'f', path: where, expected: 'mappings and sequences nested at most 3 deep', found: 'deeper nesting' },
    ]);
  });

  it('does not count brackets inside quotes or comments, or at the nesting allowed', () => {
    expect(checkText('a: "[[[[[["\nb: \'{{{{\' # [[[[[[', 'f', deep)).toEqual([]);
    expect(checkText('a: [[1]]', 'f', deep)).toEqual([]);
    expect(checkText("name: Patient's [pump]", 'f', deep)).toEqual([]);
  });

  it('counts list lengths on plain data, and the duration after parsing', () => {
    const small = { ...DEFAULT_LIMITS, maxTimeline: 2, maxExpectations: 1 };
    expect(checkCounts({ timeline: [1, 2, 3], expect: [1, 2] }, 'f', small)).toEqual([
      { file: 'f', path: 'timeline', expected: 'at most 2 actions', found: '3' },
      { file: 'f', path: 'expect', expected: 'at most 1 expectations', found: '2' },
    ]);
    expect(checkCounts('not a mapping', 'f')).toEqual([]);
    expect(checkDuration(7300 * 86_400_000, 'f')).toEqual([]);
    expect(checkDuration(7300 * 86_400_000 + 1, 'f')).toEqual([
      { file: 'f', path: 'duration', expected: 'at most P7300D of simulated time', found: 'P7300DT0.001S' },
    ]);
  });
});
