import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { parseScenario, runScenario } from '../src/index.ts';
import { SMALL_SCENARIO } from './smallScenario.ts';

// The `replace` action: what the file must say (checked before anything runs), and the library's
// hand-worked replacement read back from the report.
const base = { ...SMALL_SCENARIO, name: 'replace' };
const problemsOf = (a: Record<string, unknown>) => {
  const parsed = parseScenario(stringify({ ...base, timeline: [{ at: 'P1D', action: 'replace', ...a }] }), 'r.yaml');
  return parsed.ok ? [] : parsed.problems.map(({ path, expected, found }) => ({ path, expected, found }));
};
const fill = { volumeMl: 18, concentrationMcgPerMl: 500 };

describe('the replace action', () => {
  it('needs the new catheter length with a new catheter, and none with a kept one', () => {
    expect(problemsOf({ model: 'synchromed-ii-20', catheter: 'kept', fill })).toEqual([]);
    expect(problemsOf({ model: 'synchromed-ii-20', catheter: 'new', fill })).toEqual([
      {
        path: 'timeline[0].newCatheterLengthCm',
        expected: "the new catheter's implanted length in cm (above 0)",
        found: 'nothing',
      },
    ]);
    expect(problemsOf({ model: 'synchromed-ii-20', catheter: 'kept', newCatheterLengthCm: 40, fill })).toEqual([
      { path: 'timeline[0].newCatheterLengthCm', expected: 'nothing: the catheter is kept', found: '40' },
    ]);
  });

  it('refuses a fill the new model cannot hold and a therapy it cannot run, by their paths', () => {
    expect(
      problemsOf({
        model: 'synchromed-ii-20',
        catheter: 'kept',
        fill: { volumeMl: 30, concentrationMcgPerMl: 500 },
        therapy: { mode: 'simple', doseMcgPerDay: 0.001 },
      }),
    ).toEqual([
      { path: 'timeline[0].fill.volumeMl', expected: 'at most 20 mL (the synchromed-ii-20 reservoir)', found: '30' },
      expect.objectContaining({ path: 'timeline[0].therapy', expected: 'a therapy the new pump can run' }),
    ]);
    // the 40 mL model holds it
    expect(
      problemsOf({ model: 'synchromed-ii-40', catheter: 'kept', fill: { volumeMl: 30, concentrationMcgPerMl: 500 } }),
    ).toEqual([]);
  });

  it('a leak after a new catheter is judged against the new catheter', () => {
    const parsed = parseScenario(
      stringify({
        ...base,
        timeline: [
          { at: 'P1D', action: 'replace', model: 'synchromed-ii-20', catheter: 'new', newCatheterLengthCm: 20, fill },
          { at: 'P2D', action: 'fault', kind: 'catheterLeak', atCm: 30 },
        ],
      }),
      'r.yaml',
    );
    expect(parsed.ok ? [] : parsed.problems.map((p) => p.expected)).toEqual([
      'a place along the 20 cm catheter (timeline[0].newCatheterLengthCm): 0 to 20 cm from the pump',
    ]);
  });

  it('a replacement before ERI is refused when the scenario runs, nothing applied', () => {
    const parsed = parseScenario(
      stringify({
        ...base,
        timeline: [{ at: 'P1D', action: 'replace', model: 'synchromed-ii-20', catheter: 'kept', fill }],
      }),
      'r.yaml',
    );
    if (!parsed.ok) throw new Error('does not parse');
    const report = runScenario(parsed.scenario);
    expect(report.refusals.map((r) => r.code)).toEqual(['replacement.notDue']);
  });

  it('the library scenario: the old drug first (half the dose for 1.04 days), then the new one, exactly', () => {
    const file = new URL('../scenarios/pump-replacement-kept-catheter.scenario.yaml', import.meta.url);
    const parsed = parseScenario(readFileSync(file, 'utf8'), 'pump-replacement-kept-catheter.scenario.yaml');
    if (!parsed.ok) throw new Error('does not parse');
    const report = runScenario(parsed.scenario);
    expect(report.passed).toBe(true);
    expect(report.expectations.map((e) => e.passed)).toEqual([true, true, true, true, true, true, true]);
  });
});
