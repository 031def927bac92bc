import { describe, expect, it } from 'vitest';
import { REPORT_NOTICE, runScenario, type ScenarioFile } from '../src/index.ts';

// The report of one small run, field by field: what the runner samples, when it judges each
// expectation, and what it says about refusals, interrogations, violations and the patient.
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const base = {
  format: 'itps-scenario/1',
  name: 'report',
  duration: 'P2D',
  pump: {
    model: 'synchromed-ii-20',
    reservoir: { volumeMl: 20, drug: 'baclofen', concentrationMcgPerMl: 500 },
    catheter: { implantedLengthCm: 40 },
    therapy: { mode: 'simple', doseMcgPerDay: 250 },
  },
} as const;
const scenario = (over: Record<string, unknown>) => ({ ...base, ...over }) as unknown as ScenarioFile;

describe('runScenario', () => {
  it('samples 400 intervals from t = 0 to the end inclusive, each with belief, truth, dose and alarms', () => {
    const report = runScenario(scenario({}));
    expect(report).toMatchObject({
      format: 'itps-report/1',
      notice: REPORT_NOTICE,
      name: 'report',
      seed: 1,
      durationMs: 2 * DAY,
      passed: true,
    });
    expect(report.series).toHaveLength(401);
    expect(report.series[0]).toEqual({
      at: 0,
      beliefReservoirMl: 20,
      truthReservoirMl: 20,
      doseMcgPerDay: 250,
      deliveredMcg: 0,
      pocketMcg: 0,
      alarms: [],
    });
    expect(report.series[1]?.at).toBe((2 * DAY) / 400);
    const last = report.series[400];
    expect(last?.at).toBe(2 * DAY);
    expect(last?.beliefReservoirMl).toBeCloseTo(19, 9);
    expect(last?.doseMcgPerDay).toBe(250);
    expect(report.final.belief).toMatchObject({ 'pump.reservoirMl': 19, 'pump.doseMcgPerDay': 250 });
    expect(report.final).not.toHaveProperty('patient');
  });

  it('samples every millisecond of a run shorter than 400 ms, and shows no dose while stopped', () => {
    const report = runScenario(scenario({ duration: 'PT0.3S', pump: { ...base.pump, therapy: { mode: 'stopped' } } }));
    expect(report.series.map((p) => p.at)).toEqual(Array.from({ length: 301 }, (_, i) => i));
    expect(report.series.every((p) => p.doseMcgPerDay === 0)).toBe(true);
  });

  it('judges point expectations at their instant after its actions, and events by their first time, inclusive', () => {
    const report = runScenario(
      scenario({
        timeline: [
          { at: 'P1D', action: 'bolus', kind: 'single', doseMcg: 50, duration: 'PT1H' },
          { at: 'P1D', action: 'interrogate' },
        ],
        expect: [
          { event: 'bolus.completed', between: ['P1DT1H', 'P1DT1H'] },
          { at: 'P1D', that: { 'pump.mode': 'bolus', 'pump.reservoirMl': { near: 19.5, within: 0.0001 } } },
          { event: 'bolus.started', between: ['PT1H', 'PT23H'] },
          { event: 'bolus.started', never: true },
          { event: 'motor.stall', never: true },
          { event: 'motor.stall', between: ['P0D', 'P2D'] },
          { at: 'P2D', that: { 'pump.mode': 'bolus' } },
        ],
      }),
    );
    expect(report.passed).toBe(false);
    expect(report.expectations).toEqual([
      {
        index: 0,
        passed: true,
        expected: { event: 'bolus.completed', between: [DAY + HOUR, DAY + HOUR] },
        actual: { firstAt: DAY + HOUR },
        at: DAY + HOUR,
      },
      {
        index: 1,
        passed: true,
        expected: { 'pump.mode': 'bolus', 'pump.reservoirMl': { near: 19.5, within: 0.0001 } },
        actual: { 'pump.mode': 'bolus', 'pump.reservoirMl': 19.5 },
        at: DAY,
      },
      {
        index: 2,
        passed: false,
        expected: { event: 'bolus.started', between: [HOUR, 23 * HOUR] },
        actual: { firstAt: DAY },
        at: DAY,
      },
      { index: 3, passed: false, expected: { event: 'bolus.started', never: true }, actual: { firstAt: DAY }, at: DAY },
      { index: 4, passed: true, expected: { event: 'motor.stall', never: true }, actual: 'never', at: null },
      { index: 5, passed: false, expected: { event: 'motor.stall', between: [0, 2 * DAY] }, actual: 'never', at: null },
      { index: 6, passed: false, expected: { 'pump.mode': 'bolus' }, actual: { 'pump.mode': 'simple' }, at: 2 * DAY },
    ]);
    expect(report.interrogations).toEqual([{ at: DAY, belief: expect.objectContaining({ 'pump.mode': 'bolus' }) }]);
    expect(report.events.filter((e) => e.type.startsWith('bolus.'))).toEqual([
      { at: DAY, type: 'bolus.started' },
      { at: DAY + HOUR, type: 'bolus.completed' },
    ]);
  });

  it('reports a refused action by its index and instant, and passes when nothing was expected of it', () => {
    const report = runScenario(
      scenario({ timeline: [{ at: 'PT2H', action: 'bolus', kind: 'single', volumeMl: 10, duration: 'PT1M' }] }),
    );
    expect(report.refusals).toEqual([
      { at: 2 * HOUR, action: 0, code: 'bolus.rateAboveMaximum', message: expect.stringContaining('above the pump') },
    ]);
    expect(report.passed).toBe(true);
  });

  it('takes the seed from the options, else the file, else 1', () => {
    expect(runScenario(scenario({})).seed).toBe(1);
    expect(runScenario(scenario({ seed: 7 })).seed).toBe(7);
    expect(runScenario(scenario({ seed: 7 }), { seed: 9 }).seed).toBe(9);
    const a = runScenario(scenario({ seed: 7 }));
    expect(a.final.belief).toEqual(runScenario(scenario({}), { seed: 7 }).final.belief);
  });

  it('finds no violation when a drop leaves an update unfinished and the programmer warns of it', () => {
    const report = runScenario(
      scenario({
        duration: 'P1D',
        checks: ['REQ-SES-02', 'REQ-CONS-01'],
        timeline: [
          { at: 'PT1H', action: 'link', dropNext: 1, dropAfter: 1 },
          { at: 'PT1H', action: 'session', do: 'edit', doseMcgPerDay: 300 },
        ],
      }),
    );
    expect(report.violations).toEqual([]);
    expect(report.passed).toBe(true);
  });

  it('shows the patient in the final observables and series only when there is one', () => {
    const report = runScenario(scenario({ patient: { origin: 'spinal' } }));
    expect(report.final.patient).toMatchObject({ 'patient.withdrawal': 'none', 'patient.overdose': 'none' });
    expect(report.series[400]).toMatchObject({ withdrawalStage: 0, overdoseStage: 0 });
    expect(typeof report.series[400]?.ashworth).toBe('number');
    expect(report.series[0]).toHaveProperty('relativeEffect');
  });
});
