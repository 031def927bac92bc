import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, parseScenario, parseScenarioDocument, validateWithin } from '../src/index.ts';
import { SMALL_SCENARIO } from './smallScenario.ts';

// parseScenario refuses, whole and with where and what, a file past any limit, at each stage.
describe('parseScenario at its limits', () => {
  it('a file too large is refused before it is read', () => {
    const r = parseScenario('x'.repeat(30), 'big.yaml', { ...DEFAULT_LIMITS, maxBytes: 20 });
    expect(r).toEqual({
      ok: false,
      problems: [{ file: 'big.yaml', path: '', expected: 'a file of at most 20 bytes', found: '30 bytes' }],
    });
  });

  it('a duration past the limit is refused after the format is checked', () => {
    const r = validateWithin({ ...SMALL_SCENARIO, duration: 'P30D' }, 'long.yaml', {
      ...DEFAULT_LIMITS,
      maxDurationMs: 86_400_000,
    });
    expect(r.ok).toBe(false);
    expect(r.ok ? [] : r.problems.map((p) => p.path)).toEqual(['duration']);
  });

  it('a timeline longer than the limit is refused as it is counted', () => {
    const text = JSON.stringify({ ...SMALL_SCENARIO, timeline: [{}, {}, {}] });
    const r = parseScenarioDocument(text, 'many.json', { ...DEFAULT_LIMITS, maxTimeline: 2 });
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.problems[0]?.expected).toMatch(/at most 2/);
  });

  it('a syntax error is placed by line and column', () => {
    const r = parseScenarioDocument('a: [1, 2\nb: 3', 'broken.yaml');
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.problems[0]?.path).toMatch(/^line \d+, column \d+$/);
  });
});
