import fc from 'fast-check';
import { describe, it } from 'vitest';
import { runScenario } from '../src/index.ts';
import { assertScenarioProperty } from './assertScenarioProperty.ts';
import { admixtureScenarioArb, scenarioArb } from './scenarioArb.ts';

// Whole scenarios, as users write them, with random refills, sessions (whole or step by step over a
// telemetry link that drops), needles, boluses, faults and scans:
// the runner judges each requirement's invariant after every step and sample. A failure writes the
// shrunk scenario to test-results/counterexamples/ for `pnpm itps run` and the programmer app.
const requirements = ['REQ-CONS-01', 'REQ-RES-01', 'REQ-RATE-01', 'REQ-ALM-01', 'REQ-SES-01', 'REQ-SES-02'];

describe('scenario runs hold the state invariants', () => {
  for (const id of requirements) {
    it(`${id}: holds after every step of random scenario runs`, () => {
      assertScenarioProperty(
        id,
        scenarioArb.map((s) => ({ ...s, checks: [id] })),
        (s) => {
          const report = runScenario(s);
          // a run that sampled nothing judged nothing: never a pass
          return report.series.length > 0 && report.violations.length === 0;
        },
        { numRuns: fc.readConfigureGlobal().numRuns ?? 60 },
      );
    });
  }

  it('REQ-CONS-02: every drug is conserved after every step of random scenario runs with admixtures', () => {
    assertScenarioProperty(
      'REQ-CONS-02',
      admixtureScenarioArb.map((s) => ({ ...s, checks: ['REQ-CONS-01'] })),
      (s) => {
        const report = runScenario(s);
        return report.series.length > 0 && report.violations.length === 0;
      },
      { numRuns: fc.readConfigureGlobal().numRuns ?? 60 },
    );
  });
});
