import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenario, runScenario } from '../src/index.ts';

const dir = new URL('../scenarios/', import.meta.url);
const files = readdirSync(dir).filter((f) => f.endsWith('.scenario.yaml') || f.endsWith('.scenario.json'));

describe('the scenario library', () => {
  it('has at least 20 scenarios', () => {
    expect(files.length).toBeGreaterThanOrEqual(20);
  });

  it.each(files)('%s runs, every expectation and every listed check holds, the same report every time', (file) => {
    const parsed = parseScenario(readFileSync(new URL(file, dir), 'utf8'), file);
    if (!parsed.ok)
      throw new Error(parsed.problems.map((p) => `${p.path}: expected ${p.expected}, found ${p.found}`).join('\n'));
    const report = runScenario(parsed.scenario);
    expect(report.expectations.filter((e) => !e.passed)).toEqual([]);
    expect(report.refusals).toEqual([]);
    expect(report.violations).toEqual([]);
    expect(report.passed).toBe(true);
    expect(report.expectations.length).toBeGreaterThan(0);
    expect(JSON.stringify(runScenario(parsed.scenario))).toBe(JSON.stringify(report));
  });

  // A library scenario states what holds for the pump it describes, not for one draw of its
  // randomness: any seed an engineer passes with --seed must leave it passing.
  it.each(files)('%s holds with seeds 1, 2, 7 and 100', (file) => {
    const parsed = parseScenario(readFileSync(new URL(file, dir), 'utf8'), file);
    if (!parsed.ok) throw new Error(`${file} does not parse`);
    for (const seed of [1, 2, 7, 100]) {
      const report = runScenario(parsed.scenario, { seed });
      expect({ seed, failed: report.expectations.filter((e) => !e.passed), violations: report.violations }).toEqual({
        seed,
        failed: [],
        violations: [],
      });
    }
  });
});
