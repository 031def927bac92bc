import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenario, runScenario, type ScenarioFile } from '../src/index.ts';

const load = (file: string): ScenarioFile => {
  const parsed = parseScenario(readFileSync(new URL(`../scenarios/${file}`, import.meta.url), 'utf8'), file);
  if (!parsed.ok) throw new Error(file);
  return parsed.scenario;
};
const firstEvent = (s: ScenarioFile, type: string) => runScenario(s).events.find((e) => e.type === type)?.at ?? null;

describe('the patient in scenarios', () => {
  it('the 2000 to 500 mcg/mL switch without a bridge bolus raises the overdose stage; the bridged switch does not', () => {
    const unbridged = firstEvent(load('concentration-switch-no-bridge.scenario.yaml'), 'patient.overdose.drowsy');
    expect(unbridged).not.toBeNull();
    // the switch is at day 1; the excess reaches the effect site hours later
    expect((unbridged as number) / 3_600_000 - 24).toBeGreaterThan(3);
    expect(firstEvent(load('concentration-switch-bridge.scenario.yaml'), 'patient.overdose.drowsy')).toBeNull();
    const bridged = runScenario(load('concentration-switch-bridge.scenario.yaml'));
    expect(Math.max(...bridged.series.map((p) => p.overdoseStage ?? 0))).toBe(0);
  });

  it('an interrupted infusion (an unfinished update) brings early withdrawal within 1-3 days', () => {
    const early = firstEvent(load('unfinished-update.scenario.yaml'), 'patient.withdrawal.early') as number;
    const hoursAfterStop = early / 3_600_000 - 24;
    expect(hoursAfterStop).toBeGreaterThanOrEqual(24);
    expect(hoursAfterStop).toBeLessThanOrEqual(72);
  });

  it('reports the patient in the final observables, the series and the event log, and only when there is one', () => {
    const report = runScenario(load('catheter-occlusion.scenario.yaml'));
    expect(report.final.patient).toMatchObject({ 'patient.withdrawal': 'severe', 'patient.overdose': 'none' });
    expect(report.series[0]).toMatchObject({ ashworth: 1, relativeEffect: 1, withdrawalStage: 0, overdoseStage: 0 });
    expect(report.events.map((e) => e.type)).toContain('patient.withdrawal.early');
    const plain = runScenario(load('single-bolus.scenario.yaml'));
    expect(plain.final.patient).toBeUndefined();
    expect(plain.series[0]?.ashworth).toBeUndefined();
  });

  it('draws a seeded patient from the scenario seed: the same seed the same patient, another seed another', () => {
    const base = load('unfinished-update.scenario.yaml');
    const seeded = { ...base, patient: { origin: 'cerebral' as const, variation: 'seeded' as const } };
    const a = runScenario(seeded, { seed: 3 });
    expect(JSON.stringify(runScenario(seeded, { seed: 3 }))).toBe(JSON.stringify(a));
    const relative = (seed: number) => runScenario(seeded, { seed }).series[0]?.relativeEffect;
    expect(new Set([1, 2, 3, 4, 5, 6].map(relative)).size).toBeGreaterThan(1);
  });

  it('refuses patient.* observables in a scenario without a patient, saying where', () => {
    const text = readFileSync(new URL('../scenarios/single-bolus.scenario.yaml', import.meta.url), 'utf8').replace(
      /expect:\n/,
      'expect:\n  - at: P1D\n    that: { patient.ashworth: 1 }\n',
    );
    const parsed = parseScenario(text, 'no-patient.yaml');
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems[0]).toMatchObject({
      path: 'expect[0].that.patient.ashworth',
      expected: 'a patient (patient.origin) for a patient.* observable',
      found: 'no patient',
    });
  });
});
