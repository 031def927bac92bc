import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { parseScenario } from '../src/index.ts';
import { SMALL_SCENARIO } from './smallScenario.ts';

// The checks a schema cannot express, one at a time: each problem says where, what was expected and
// what was found, in full, and nothing runs.
const base = { ...SMALL_SCENARIO, name: 'checks' };

const problemsOf = (over: Record<string, unknown>) => {
  const parsed = parseScenario(stringify({ ...base, ...over }), 'check.yaml');
  return parsed.ok ? [] : parsed.problems.map(({ path, expected, found }) => ({ path, expected, found }));
};
const at = (a: Record<string, unknown>) => problemsOf({ timeline: [{ at: 'P1D', ...a }] });

describe('checkScenario', () => {
  it('accepts the base scenario', () => {
    expect(problemsOf({})).toEqual([]);
  });

  it('refuses a therapy the pump cannot run, and a reservoir larger than the model', () => {
    expect(
      problemsOf({
        pump: {
          ...base.pump,
          reservoir: { ...base.pump.reservoir, volumeMl: 21 },
          therapy: { mode: 'simple', doseMcgPerDay: 0.001 },
        },
      }),
    ).toEqual([
      expect.objectContaining({ path: 'pump.therapy', expected: 'a therapy the pump can run' }),
      { path: 'pump.reservoir.volumeMl', expected: 'at most 20 mL (the synchromed-ii-20 reservoir)', found: '21' },
    ]);
    expect(problemsOf({ pump: { ...base.pump, reservoir: { ...base.pump.reservoir, volumeMl: 20 } } })).toEqual([]);
  });

  it('refuses a pump older than its battery life at the therapy, and takes one a day younger', () => {
    const [problem] = problemsOf({ pump: { ...base.pump, ageAtStart: 'P9000D' } });
    expect(problem).toMatchObject({ path: 'pump.ageAtStart', found: 'P9000D' });
    const days = Number(/\((\d+) days, P(\d+)D\)/.exec(problem?.expected ?? '')?.[1]);
    expect(problem?.expected).toBe(`less than the battery's life at this therapy (${days} days, P${days}D)`);
    expect(days).toBeGreaterThan(1000);
    expect(problemsOf({ pump: { ...base.pump, ageAtStart: `P${days + 1}D` } })).toHaveLength(1);
    expect(problemsOf({ pump: { ...base.pump, ageAtStart: `P${days - 1}D` } })).toEqual([]);
  });

  it('refuses actions out of time order or after the end, naming the previous time and the duration', () => {
    expect(
      problemsOf({
        timeline: [
          { at: 'P1D', action: 'interrogate' },
          { at: 'PT1H', action: 'interrogate' },
          { at: 'P1D', action: 'interrogate' },
          { at: 'P3D', action: 'interrogate' },
        ],
      }),
    ).toEqual([
      { path: 'timeline[1].at', expected: 'a time at or after the previous action (P1D)', found: 'PT1H' },
      { path: 'timeline[3].at', expected: "a time within the scenario's duration (P2D)", found: 'P3D' },
    ]);
    expect(problemsOf({ timeline: [{ at: 'P2D', action: 'interrogate' }] })).toEqual([]);
  });

  it('asks whether to bridge a concentration change, by what the clinician enters', () => {
    expect(at({ action: 'refill', volumeMl: 18, concentrationMcgPerMl: 1000 })).toEqual([
      {
        path: 'timeline[0].bridgeBolus',
        expected: 'true or false: the concentration changes from 500 to 1000 mcg/mL',
        found: 'nothing',
      },
    ]);
    expect(
      at({
        action: 'refill',
        volumeMl: 18,
        concentrationMcgPerMl: 1000,
        entered: { volumeMl: 18, concentrationMcgPerMl: 500 },
      }),
    ).toEqual([]);
    expect(at({ action: 'refill', volumeMl: 18, concentrationMcgPerMl: 500 })).toEqual([]);
    expect(at({ action: 'refill', volumeMl: 18, concentrationMcgPerMl: 1000, bridgeBolus: false })).toEqual([]);
  });

  it('judges later programs at the concentration a refill left', () => {
    const program = { at: 'P1DT1H', action: 'program', therapy: { mode: 'simple', doseMcgPerDay: 5000 } };
    const refill = { at: 'P1D', action: 'refill', volumeMl: 18, concentrationMcgPerMl: 50, bridgeBolus: false };
    // 5000 mcg/day is 100 mL/day at 50 mcg/mL, beyond the pump; at 500 mcg/mL it is 10 mL/day
    expect(problemsOf({ timeline: [refill, program] })).toEqual([
      expect.objectContaining({ path: 'timeline[1].therapy', expected: 'a therapy the pump can run' }),
    ]);
    expect(problemsOf({ timeline: [{ ...refill, concentrationMcgPerMl: 2000 }, program] })).toEqual([]);
  });

  it('needs exactly one of a dose and a volume, and a duration, for a bolus that is not priming', () => {
    expect(at({ action: 'bolus', kind: 'single', duration: 'PT1H' })).toEqual([
      { path: 'timeline[0]', expected: 'exactly one of doseMcg and volumeMl', found: 'neither' },
    ]);
    expect(at({ action: 'bolus', kind: 'single', doseMcg: 50, volumeMl: 0.1, duration: 'PT1H' })).toEqual([
      { path: 'timeline[0]', expected: 'exactly one of doseMcg and volumeMl', found: 'both' },
    ]);
    expect(at({ action: 'bolus', kind: 'bridge', volumeMl: 0.1 })).toEqual([
      { path: 'timeline[0].duration', expected: 'how long the bolus takes', found: 'nothing' },
    ]);
    expect(at({ action: 'bolus', kind: 'priming' })).toEqual([]);
    expect(at({ action: 'bolus', kind: 'single', doseMcg: 50, duration: 'PT1H' })).toEqual([]);
  });

  it('needs what each fault needs, and an end only where the fault can end', () => {
    expect(at({ action: 'fault', kind: 'catheterLeak' })).toEqual([
      { path: 'timeline[0].atCm', expected: 'where the leak is, in cm from the pump', found: 'nothing' },
    ]);
    // the file's catheter is 40 cm: a leak at 60 cm is on no catheter, refused (not put at the tip)
    expect(at({ action: 'fault', kind: 'catheterLeak', atCm: 60 })).toEqual([
      {
        path: 'timeline[0].atCm',
        expected: 'a place along the 40 cm catheter (pump.catheter.implantedLengthCm): 0 to 40 cm from the pump',
        found: '60 cm, past its tip',
      },
    ]);
    expect(at({ action: 'fault', kind: 'catheterLeak', atCm: 40 })).toEqual([]);
    expect(at({ action: 'fault', kind: 'tipMigration' })).toEqual([
      { path: 'timeline[0].tip', expected: 'where the tip moves (subdural, epidural, subcutaneous)', found: 'nothing' },
    ]);
    const kink = {
      path: 'timeline[0]',
      expected: 'period and kinkedPercent for an intermittent kink',
      found: 'one of them missing',
    };
    expect(at({ action: 'fault', kind: 'catheterKink', period: 'PT6H' })).toEqual([kink]);
    expect(at({ action: 'fault', kind: 'catheterKink', kinkedPercent: 50 })).toEqual([kink]);
    expect(at({ action: 'fault', kind: 'catheterKink', period: 'PT6H', kinkedPercent: 50 })).toEqual([]);
    expect(at({ action: 'fault', kind: 'catheterOcclusion', until: 'PT1H' })).toEqual([
      { path: 'timeline[0].until', expected: 'a time after the fault starts (P1D)', found: 'PT1H' },
    ]);
    expect(at({ action: 'fault', kind: 'catheterOcclusion', until: 'P1D' })).toEqual([]);
    for (const kind of ['lowBatteryReset', 'memoryError'])
      expect(at({ action: 'fault', kind, until: 'P2D' })).toEqual([
        { path: 'timeline[0].until', expected: `nothing: a ${kind} does not end by itself`, found: 'P2D' },
      ]);
    expect(at({ action: 'fault', kind: 'motorStall', until: 'P2D' })).toEqual([]);
  });

  it('needs the dose for a session draft or edit, and not for other steps', () => {
    for (const step of ['draft', 'edit'])
      expect(at({ action: 'session', do: step })).toEqual([
        { path: 'timeline[0].doseMcgPerDay', expected: `the new daily dose for a session ${step}`, found: 'nothing' },
      ]);
    expect(at({ action: 'session', do: 'connect' })).toEqual([]);
    expect(at({ action: 'session', do: 'edit', doseMcgPerDay: 200 })).toEqual([]);
  });

  it('checks expectations: their time, observable names, alarm values, patient observables and event names', () => {
    expect(
      problemsOf({
        expect: [
          { at: 'P3D', that: { 'pump.mode': 'simple' } },
          { at: 'P1D', that: { 'pump.colour': 'red', 'alarm.lowReservoir': 'on', 'patient.ashworth': 1 } },
          { event: 'pump.exploded', never: true },
          { event: 'bolus.started', between: ['P1D', 'PT1H'] },
        ],
      }),
    ).toEqual([
      { path: 'expect[0].at', expected: "a time within the scenario's duration (P2D)", found: 'P3D' },
      {
        path: 'expect[1].that.pump.colour',
        expected: 'an observable of the format (pump.*, alarm.<name>, truth.*, patient.*)',
        found: '"pump.colour"',
      },
      { path: 'expect[1].that.alarm.lowReservoir', expected: '"active" or "inactive"', found: '"on"' },
      {
        path: 'expect[1].that.patient.ashworth',
        expected: 'a patient (patient.origin) for a patient.* observable',
        found: 'no patient',
      },
      {
        path: 'expect[2].event',
        expected: 'an event name of the format (docs/scenarios.md)',
        found: '"pump.exploded"',
      },
      { path: 'expect[3].between', expected: 'a window whose start is not after its end', found: '["P1D","PT1H"]' },
    ]);
    expect(
      problemsOf({
        patient: { origin: 'spinal' },
        expect: [
          { at: 'P2D', that: { 'alarm.lowReservoir': 'inactive', 'alarm.eos': 'active', 'patient.ashworth': 1 } },
          { event: 'bolus.started', between: ['PT1H', 'PT1H'] },
        ],
      }),
    ).toEqual([]);
  });

  it('checks a training block: objective names, end observables, the silent fault’s action and a patient', () => {
    const training = {
      brief: 'b',
      objectives: [
        { text: 'a', event: 'pump.melted' },
        { text: 'b', never: 'patient.sneezed' },
        { text: 'c', atEnd: { 'pump.smell': 'fine' } },
      ],
      silentFault: { at: 'P1D', detectedBy: 'guessing' },
    };
    expect(problemsOf({ training })).toEqual([
      {
        path: 'training.objectives[0].event',
        expected: 'an event or trainee action name (docs/training.md)',
        found: '"pump.melted"',
      },
      {
        path: 'training.objectives[1].never',
        expected: 'an event or trainee action name (docs/training.md)',
        found: '"patient.sneezed"',
      },
      {
        path: 'training.objectives[2].atEnd.pump.smell',
        expected: 'an observable of the format (pump.*, alarm.<name>, truth.*, patient.*)',
        found: '"pump.smell"',
      },
      {
        path: 'training.silentFault.detectedBy',
        expected: 'a clinical action (docs/training.md)',
        found: '"guessing"',
      },
      { path: 'patient', expected: 'a patient for a training scenario', found: 'none' },
    ]);
  });

  it('names the field of an expectation that is wrong, and NaN by its name, not as a value of none of the forms', () => {
    expect(
      problemsOf({ expect: [{ at: 'P1D', that: { 'pump.reservoirMl': { near: Number.NaN, within: 1 } } }] }),
    ).toEqual([
      { path: 'expect[0].that.pump.reservoirMl.near', expected: 'a finite number', found: 'NaN (not a number)' },
    ]);
    expect(problemsOf({ expect: [{ event: 'alarm.eos.raised', never: false }] })).toEqual([
      { path: 'expect[0].never', expected: 'one of true', found: 'false' },
    ]);
    expect(problemsOf({ expect: [{ at: 'P1D', that: { 'pump.reservoirMl': { min: 1 } } }] })).toEqual([
      { path: 'expect[0].that.pump.reservoirMl.max', expected: 'a finite number', found: 'nothing' },
    ]);
    // a value meant for no one form: the whole, with NaN named inside it
    expect(
      problemsOf({ expect: [{ at: 'P1D', that: { 'pump.reservoirMl': { near: Number.NaN, within: 1 } }, extra: 1 }] }),
    ).toEqual([
      {
        path: 'expect[0]',
        expected: 'a value of one of the forms the format allows',
        found: '{"at":"P1D","that":{"pump.reservoirMl":{"near":NaN,"withi...',
      },
    ]);
  });
});
