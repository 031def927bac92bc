import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenario, runScenario } from '../src/index.ts';

const file = new URL('../scenarios/contract-example.scenario.yaml', import.meta.url);

describe('the contract example (shared/contracts/SCENARIO-FORMAT.md)', () => {
  it('parses, runs and passes exactly as written', () => {
    const parsed = parseScenario(readFileSync(file, 'utf8'), 'contract-example.scenario.yaml');
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems, null, 2));
    const report = runScenario(parsed.scenario);
    expect(report.expectations.filter((e) => !e.passed)).toEqual([]);
    expect(report.passed).toBe(true);
    expect(report.seed).toBe(7);
    expect(report.events.find((e) => e.type === 'alarm.lowReservoir.raised')?.at).toBeGreaterThanOrEqual(
      35 * 86_400_000,
    );
  });
});

describe('validation found by fuzzing', () => {
  it('refuses a pump older than its battery life, with a located message, instead of failing inside the core', () => {
    const text = readFileSync(file, 'utf8').replace('ageAtStart: P400D', 'ageAtStart: P99999D');
    const parsed = parseScenario(text, 'old.yaml');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.problems[0]?.path).toBe('pump.ageAtStart');
      expect(parsed.problems[0]?.expected).toContain("less than the battery's life");
      expect(parsed.problems[0]?.found).toBe('P99999D');
    }
  });
});
