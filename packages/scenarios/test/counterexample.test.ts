import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenario, runScenario } from '../src/index.ts';
import { assertScenarioProperty } from './assertScenarioProperty.ts';
import { scenarioArb } from './scenarioArb.ts';

/** A claim that is false on purpose: no random history ever raises the low-reservoir alarm. */
const neverLow = scenarioArb.map((s) => ({
  ...s,
  expect: [{ event: 'alarm.lowReservoir.raised', never: true as const }],
}));

describe('a failing scenario property', () => {
  it('writes its shrunk scenario, which parses and replays to the same failure', () => {
    const file = assertScenarioProperty(
      'DEMO-NEVER-LOW',
      neverLow,
      (s) => runScenario(s).passed,
      { seed: 20261122 },
      { throwOnFailure: false },
    );
    expect(file).not.toBeNull();
    const text = readFileSync(file as string, 'utf8');
    expect(text).toContain('# Reproduce the property: FC_SEED=20261122 (path ');
    expect(text).toContain('# Replay this file: pnpm itps run packages/scenarios/test-results/counterexamples/');
    const parsed = parseScenario(text, file as string);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    const report = runScenario(parsed.scenario);
    expect(report.passed).toBe(false);
    expect(report.expectations[0]).toMatchObject({ passed: false, expected: { event: 'alarm.lowReservoir.raised' } });
    // shrunk: the fewest actions that still empty the reservoir to the alarm
    expect(parsed.scenario.timeline?.length ?? 0).toBeLessThanOrEqual(1);
  });

  it('returns null and writes nothing when the property holds', () => {
    expect(assertScenarioProperty('DEMO-HOLDS', scenarioArb, () => true, { numRuns: 5 })).toBeNull();
  });
});
