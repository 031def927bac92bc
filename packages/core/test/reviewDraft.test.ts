import { describe, expect, it } from 'vitest';
import {
  createPumpState,
  type Draft,
  EMPTY_DRAFT,
  finishDiff,
  type Nanolitres,
  pumpBeliefView,
  reviewDraft,
} from '../src/index.ts';
import { buildPumpInput, simpleProgram } from '../src/testing/index.ts';

// A 20 mL SynchroMed-like pump at 500 mcg/mL and 250 mcg/day, as last interrogated.
const view = pumpBeliefView(createPumpState(buildPumpInput({})), 'running');
const draft = (d: Partial<Draft>): Draft => ({ ...EMPTY_DRAFT, ...d });
const review = (d: Partial<Draft>) => reviewDraft(view, draft(d), 'spinal');
const codes = (d: Partial<Draft>) => review(d).map((f) => `${f.code}:${f.severity}`);

describe('reviewDraft', () => {
  it('refuses an empty draft, but not a bolus or an alarm test alone', () => {
    expect(review({})).toEqual([{ code: 'draft.empty', severity: 'hard', message: 'Nothing has been changed yet.' }]);
    expect(codes({ alarmTest: true })).toEqual([]);
    expect(codes({ bolus: { kind: 'single', volume: 100_000 as Nanolitres, durationMs: 3_600_000 } as never })).toEqual(
      [],
    );
  });

  it('limits a single bolus by its drug: above 100 mcg confirmed, above 300 mcg refused, at the concentration it runs at', () => {
    // at 500 mcg/mL, 0.2 mL is exactly 100 mcg and 0.6 mL exactly 300 mcg
    const bolus = (nl: number) => ({ kind: 'single' as const, volume: nl as Nanolitres, durationMs: 3_600_000 });
    expect(codes({ bolus: bolus(200_000) })).toEqual([]);
    expect(codes({ bolus: bolus(200_001) })).toEqual(['bolus.aboveSoftLimit:confirm']);
    expect(codes({ bolus: bolus(600_000) })).toEqual(['bolus.aboveSoftLimit:confirm']);
    expect(codes({ bolus: bolus(600_001) })).toEqual(['bolus.aboveHardLimit:hard']);
    expect(review({ bolus: bolus(1_000_000) })).toEqual([
      {
        code: 'bolus.aboveHardLimit',
        severity: 'hard',
        message: "A bolus of 500 mcg is above the drug library's limit of 300 mcg for one bolus.",
      },
    ]);
    // priming and bridge boluses move the path's contents: no single-bolus limit
    expect(codes({ bolus: { ...bolus(1_000_000), kind: 'priming' } })).toEqual([]);
  });

  it('adds the pump refusal only when no guard rail already refused the program', () => {
    // 24.5 mL/day at 50 mcg/mL: above the pump maximum (a hard guard rail), so no second refusal for it
    expect(codes({ update: { program: simpleProgram(1225, 50) } })).toEqual([
      'dose.aboveSoftLimit:confirm',
      'dose.titrationStep:confirm',
      'dose.abovePumpMaximum:hard',
      'bridge.decisionRequired:hard',
    ]);
    // a flex schedule not starting at midnight: no guard rail covers it, so the pump's refusal is shown
    const late = {
      ...simpleProgram(250),
      therapy: { mode: 'flex' as const, steps: [{ startMinute: 60, dose: 250_000_000 as never }] },
    };
    expect(review({ update: { program: late } })).toEqual([
      {
        code: 'program.refused',
        severity: 'hard',
        message: 'The first flex step must start at 00:00 so the day is covered.',
      },
    ]);
  });

  it('asks for the bridge decision on a concentration change of a dosing program, and a confirmation to skip it', () => {
    const program = simpleProgram(250, 1000);
    expect(review({ update: { program } })).toEqual([
      {
        code: 'bridge.decisionRequired',
        severity: 'hard',
        message: `The concentration changes from 500 to 1000 mcg/mL: ${(view.catheterVolumeEntered + 200_000) / 1_000_000} mL of the old drug is still in the pump tubing and catheter. Choose a bridge bolus or no bridge.`,
      },
    ]);
    expect(review({ update: { program }, bridgeDecision: 'none' })).toEqual([
      {
        code: 'bridge.skipped',
        severity: 'confirm',
        message:
          'Without a bridge bolus the old drug in the tubing and catheter is delivered at the new flow: the dose will be wrong until it has passed. Confirm.',
      },
    ]);
    expect(codes({ update: { program }, bridgeDecision: 'bridge' })).toEqual([]);
    // flex at the new concentration needs the decision too; minimum mode does not
    const flex = {
      ...program,
      therapy: { mode: 'flex' as const, steps: [{ startMinute: 0, dose: 250_000_000 as never }] },
    };
    expect(codes({ update: { program: flex } })).toEqual(['bridge.decisionRequired:hard']);
    expect(codes({ update: { program: { ...program, therapy: { mode: 'minimum' } } } })).toEqual([]);
  });

  it('refuses a reservoir over capacity and a threshold outside its range, at the bounds allowed', () => {
    expect(review({ update: { calculatedReservoir: 20_000_001 as Nanolitres } })).toEqual([
      {
        code: 'reservoir.overCapacity',
        severity: 'hard',
        message: '20.000001 mL is more than the 20 mL reservoir holds.',
      },
    ]);
    expect(codes({ update: { calculatedReservoir: 20_000_000 as Nanolitres } })).toEqual([]);
    const outside = {
      code: 'alarm.thresholdOutOfRange',
      severity: 'hard',
      message: 'The low-reservoir alarm is set from 0.5 to 10 mL.',
    };
    expect(review({ update: { lowReservoirThreshold: 499_999 as Nanolitres } })).toEqual([outside]);
    expect(review({ update: { lowReservoirThreshold: 10_000_001 as Nanolitres } })).toEqual([outside]);
    expect(codes({ update: { lowReservoirThreshold: 500_000 as Nanolitres } })).toEqual([]);
    expect(codes({ update: { lowReservoirThreshold: 10_000_000 as Nanolitres } })).toEqual([]);
  });
});

describe('finishDiff', () => {
  it('lists every changed setting, old beside new, and nothing else', () => {
    const bolus = { kind: 'single', volume: 100_000, durationMs: 3_600_000 } as never;
    const rows = finishDiff(
      view,
      draft({
        update: {
          program: simpleProgram(300, 1000),
          calculatedReservoir: 18_000_000 as Nanolitres,
          lowReservoirThreshold: 4_000_000 as Nanolitres,
          catheterVolumeEntered: 120_000 as Nanolitres,
        },
        bolus,
        alarmTest: true,
      }),
    );
    expect(rows).toEqual([
      { field: 'therapy', old: view.therapy, new: { mode: 'simple', dose: 300_000_000 } },
      { field: 'dailyTotal', old: 250_000_000, new: 300_000_000 },
      { field: 'concentration', old: 500, new: 1000 },
      { field: 'reservoir', old: view.calculatedReservoir, new: 18_000_000 },
      { field: 'lowReservoirThreshold', old: view.lowReservoirThreshold, new: 4_000_000 },
      { field: 'catheterVolume', old: view.catheterVolumeEntered, new: 120_000 },
      // now: (20 - 2) mL at 0.5 mL/day, alarm at day 36; after: (18 - 4) mL at 300 mcg/day of
      // 1000 mcg/mL = 0.3 mL/day, alarm at day 46 2/3 = 4 032 000 000 ms; both before the 180-day limit
      { field: 'lowReservoirAlarmAt', old: 36 * 86_400_000, new: 4_032_000_000 },
      { field: 'refillBy', old: 36 * 86_400_000, new: 4_032_000_000 },
      // the battery: 3,500,000 units a day at 0.5 mL/day reach ERI at 2190 days; 3,300,000 a day at
      // 0.3 mL/day at 7,665,000,000 / 3,300,000 = 2322.73 days = 200 683 636 363.6 ms, rounded up
      { field: 'eriExpectedAt', old: 2190 * 86_400_000, new: 200_683_636_364 },
      // 0.1 mL at the new 1000 mcg/mL is 100 mcg
      { field: 'bolus', old: null, new: bolus, dose: 100_000_000 },
      { field: 'alarmTest', old: null, new: true },
    ]);
    expect(finishDiff(view, draft({ update: { program: simpleProgram(300) } })).map((r) => r.field)).toEqual([
      'therapy',
      'dailyTotal',
      'lowReservoirAlarmAt',
      'refillBy',
      'eriExpectedAt',
    ]);
    expect(finishDiff(view, EMPTY_DRAFT)).toEqual([]);
  });
});
