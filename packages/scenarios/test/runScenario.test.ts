import { describe, expect, it } from 'vitest';
import { REPORT_NOTICE, runScenario, scenarioPatient, scenarioPumpInput } from '../src/index.ts';
import { SMALL_SCENARIO, smallScenario } from './smallScenario.ts';

// The report of one small run, field by field: what the runner samples, when it judges each
// expectation, and what it says about refusals, interrogations, violations and the patient.
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const scenario = (over: Record<string, unknown>) => smallScenario({ name: 'report', ...over });

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
      leakedMcg: 0,
      tipConcentrationMcgPerMl: 500,
      programmedConcentrationMcgPerMl: 500,
      lowReservoirAlarmMl: 2,
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
    const report = runScenario(
      scenario({ duration: 'PT0.3S', pump: { ...SMALL_SCENARIO.pump, therapy: { mode: 'stopped' } } }),
    );
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
          { event: 'bolus.started', between: ['P1DT1S', 'P1DT3H'] },
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
      {
        index: 7,
        passed: false,
        expected: { event: 'bolus.started', between: [DAY + 1000, DAY + 3 * HOUR] },
        actual: { firstAt: DAY },
        at: DAY,
      },
    ]);
    expect(report.interrogations).toEqual([{ at: DAY, belief: expect.objectContaining({ 'pump.mode': 'bolus' }) }]);
    expect(report.events.filter((e) => e.type.startsWith('bolus.'))).toEqual([
      { at: DAY, when: 'P1D', type: 'bolus.started' },
      { at: DAY + HOUR, when: 'P1DT1H', type: 'bolus.completed' },
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
  it('keeps the series on its grid when a check falls between samples', () => {
    const report = runScenario(scenario({ expect: [{ at: 'PT1H1S', that: { 'pump.mode': 'simple' } }] }));
    expect(report.series).toHaveLength(401);
    expect(report.series.some((p) => p.at === HOUR + 1000)).toBe(false);
    expect(report.expectations[0]).toMatchObject({ passed: true, at: HOUR + 1000 });
  });

  it('samples what reached the CSF and the pocket in mcg, no dose while an update is open, and the alarms sounding', () => {
    const report = runScenario(
      scenario({
        timeline: [
          { at: 'PT1H', action: 'needle', site: 'pocket', withdrawMl: 0, volumeMl: 1, concentrationMcgPerMl: 500 },
          { at: 'P1D', action: 'program', therapy: { mode: 'simple', doseMcgPerDay: 300 }, interrupt: 'afterSend' },
          { at: 'P1DT12H', action: 'fault', kind: 'memoryError' },
        ],
      }),
    );
    const at = (t: number) => report.series.find((p) => p.at === t);
    expect(at(DAY / 2)?.deliveredMcg).toBeCloseTo(125, 6);
    expect(at(DAY / 2)).toMatchObject({ pocketMcg: 500, doseMcgPerDay: 250, alarms: [] });
    expect(at(DAY + HOUR * 6)).toMatchObject({ doseMcgPerDay: 0, alarms: [] });
    expect(at(2 * DAY)).toMatchObject({ doseMcgPerDay: 0, alarms: ['memoryError'] });
  });

  it('lists pump and patient events together in time order', () => {
    const report = runScenario(
      scenario({
        duration: 'P4D',
        patient: { origin: 'spinal' },
        timeline: [
          { at: 'PT1H', action: 'program', therapy: { mode: 'simple', doseMcgPerDay: 300 }, interrupt: 'afterSend' },
          { at: 'P3D', action: 'interrogate' },
        ],
      }),
    );
    const types = report.events.map((e) => e.type);
    expect(types).toContain('patient.withdrawal.early');
    expect(types).toContain('pump.interrogated');
    expect(report.events.map((e) => e.at)).toEqual([...report.events.map((e) => e.at)].sort((a, b) => a - b));
    expect(types.indexOf('patient.withdrawal.early')).toBeLessThan(types.indexOf('pump.interrogated'));
  });
  it('builds the pump and the patient from the file, with the format’s defaults', () => {
    expect(scenarioPumpInput(scenario({}), 5)).toEqual({
      profileId: 'synchromed-ii-20',
      seed: 5,
      accuracy: 'exact',
      timeOfDayAtStart: 0,
      program: { drug: 'baclofen', concentration: 500, therapy: { mode: 'simple', dose: 250_000_000 } },
      reservoirVolume: 20_000_000,
      catheterVolume: expect.any(Number),
      primedWith: 'reservoir',
      ageAtStart: 0,
    });
    const full = scenarioPumpInput(
      scenario({
        startsAt: '08:00',
        pump: {
          ...SMALL_SCENARIO.pump,
          accuracy: 'nominal',
          ageAtStart: 'P10D',
          lowReservoirAlarmMl: 3,
          pumpTubingVolumeMl: 0.2,
          reservoirDeadSpaceMl: 1.5,
          catheter: { implantedLengthCm: 40, tip: 'epidural', primedWith: 'empty' },
          patientOpioidHistory: 'naive',
        },
      }),
      5,
    );
    expect(full).toMatchObject({
      accuracy: 'nominal',
      timeOfDayAtStart: 8 * HOUR,
      ageAtStart: 10 * DAY,
      lowReservoirThreshold: 3_000_000,
      pumpTubingVolume: 200_000,
      reservoirDeadSpace: 1_500_000,
      tip: 'epidural',
      primedWith: 'empty',
      patientOpioidHistory: 'naive',
    });
    expect(scenarioPatient(scenario({}), 1)).toBeNull();
    const plain = scenarioPatient(scenario({ patient: { origin: 'cerebral' } }), 1);
    expect(plain).toMatchObject({ origin: 'cerebral', needMcgPerDay: 250, csfHalfLifeH: 3, baselineAshworth: 3 });
    expect(
      scenarioPatient(
        scenario({ patient: { origin: 'spinal', needMcgPerDay: 420, csfHalfLifeH: 2.5, baselineAshworth: 4 } }),
        1,
      ),
    ).toMatchObject({ needMcgPerDay: 420, csfHalfLifeH: 2.5, baselineAshworth: 4 });
    const seeded = (seed: number) =>
      scenarioPatient(scenario({ patient: { origin: 'spinal', variation: 'seeded' } }), seed);
    expect(seeded(3)).toEqual(seeded(3));
    expect([3, 4, 5, 6].map((n) => seeded(n)?.needMcgPerDay)).not.toEqual([300, 300, 300, 300]);
  });
});
