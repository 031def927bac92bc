import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { setAt } from './draftPath.ts';
import { fieldProblems, problemsAt, saveRefusal } from './exerciseChecks.ts';
import { docFromYaml, yamlOfDoc } from './exerciseYaml.ts';

// the shipped exercise, through the app's own dependency (as the app bundles it)
const file = new URL(
  '../../node_modules/@itps/scenarios/training/refill-with-discrepancy.scenario.yaml',
  import.meta.url,
);
const read = docFromYaml(readFileSync(file, 'utf8'), 'refill-with-discrepancy.scenario.yaml');
if (!read.ok) throw new Error(read.message);
const refill = read.doc;

describe('exerciseChecks', () => {
  it('finds nothing to say of a shipped exercise, which saves as it is', () => {
    expect(fieldProblems(refill).filter((p) => p.severity === 'error')).toEqual([]);
    expect(yamlOfDoc(refill)).toContain('name: "Training: a refill with a discrepancy"');
  });

  it("says a field's problem at that field: a 25 mL fill of a 20 mL pump", () => {
    const problems = fieldProblems(setAt(refill, 'pump.reservoir.volumeMl', 25));
    const at = problemsAt(problems, 'pump.reservoir.volumeMl');
    expect(at).toHaveLength(1);
    expect(at[0]?.message).toContain('at most 20 mL');
    expect(saveRefusal(problems)).toMatch(/^Not saved: one problem to mend first\. .*at most 20 mL/);
    expect(yamlOfDoc(setAt(refill, 'pump.reservoir.volumeMl', 25))).toBeNull();
  });

  it('checks the timeline in time order but names the event where the educator is editing it', () => {
    // the second event, edited first: a kink placed at day 2 before an occlusion at day 1, with half its details
    const doc = setAt(refill, 'timeline', [
      { at: 'P2D', action: 'fault', kind: 'catheterKink', kinkedPercent: 40 },
      { at: 'P1D', action: 'fault', kind: 'catheterOcclusion', blockedPercent: 40 },
    ]);
    const problems = fieldProblems(doc);
    // nothing about the order: the checks saw it ordered
    expect(problems.some((p) => p.message.includes('after the previous action'))).toBe(false);
    // the kink's problem is at the kink as edited (first), not where the ordered copy holds it (second)
    expect(problems.map((p) => p.path)).toEqual(['timeline.0']);
    expect(problems[0]?.message).toContain('period and kinkedPercent');
  });

  it('refuses a save while an error remains, and says how many', () => {
    expect(saveRefusal([])).toBeNull();
    expect(saveRefusal([{ path: 'a', message: 'A warning.', severity: 'warning' }])).toBeNull();
    expect(
      saveRefusal([
        { path: 'a', message: 'First.', severity: 'error' },
        { path: 'b', message: 'Second.', severity: 'error' },
      ]),
    ).toBe('Not saved: 2 problems to mend first. The first: First.');
  });
});
