import { describe, expect, it } from 'vitest';
import {
  aspirationFindings,
  createPumpState,
  type Draft,
  daysToMs,
  EMPTY_DRAFT,
  finishDiff,
  judgeStartingDose,
  type McgPerMl,
  type Nanolitres,
  NO_REFILL_YET,
  type PicogramsPerDay,
  pumpBeliefView,
  type RefillProgress,
  therapyGate,
} from '../src/index.ts';
import { buildPumpInput, drugProgram, simpleProgram } from '../src/testing/index.ts';

// A 20 mL SynchroMed-like pump at 500 mcg/mL and 250 mcg/day, as last interrogated.
const view = pumpBeliefView(createPumpState(buildPumpInput({})), 'running');
const draft = (d: Partial<Draft>): Draft => ({ ...EMPTY_DRAFT, ...d });
const review = (d: Partial<Draft>) => therapyGate({ view, draft: draft(d), origin: 'spinal' });
const codes = (d: Partial<Draft>) => review(d).map((f) => `${f.code}:${f.severity}`);

describe('therapyGate', () => {
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
    // a priming bolus is not judged as a single bolus, but by what it pushes out of a full catheter
    expect(codes({ bolus: { ...bolus(304_000), kind: 'priming' } })).toEqual(['bolus.priming:confirm']);
    // beyond what the tubing and catheter hold it pushes the reservoir's drug on: refused
    expect(codes({ bolus: { ...bolus(304_001), kind: 'priming' } })).toEqual(['bolus.primingTooLarge:hard']);
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
    // a bridge chosen is answered only by the bridge bolus in the draft
    expect(codes({ update: { program }, bridgeDecision: 'bridge' })).toEqual(['bridge.skipped:confirm']);
    const bridge = { kind: 'bridge' as const, volume: 304_000 as Nanolitres, durationMs: 52_531_200 };
    expect(codes({ update: { program }, bridgeDecision: 'bridge', bolus: bridge })).toEqual([]);
    // flex at the new concentration needs the decision too; minimum mode does not
    const flex = {
      ...program,
      therapy: { mode: 'flex' as const, steps: [{ startMinute: 0, dose: 250_000_000 as never }] },
    };
    expect(codes({ update: { program: flex } })).toEqual(['bridge.decisionRequired:hard']);
    // minimum mode needs no bridge decision, but it is a stop of therapy: confirmed as one
    expect(codes({ update: { program: { ...program, therapy: { mode: 'minimum' } } } })).toEqual([
      'therapy.stop:confirm',
    ]);
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
    // the range's floor is allowed, but lowering the alarm below its 2 mL default is confirmed
    expect(codes({ update: { lowReservoirThreshold: 500_000 as Nanolitres } })).toEqual([
      'alarm.thresholdLowered:confirm',
    ]);
    expect(codes({ update: { lowReservoirThreshold: 10_000_000 as Nanolitres } })).toEqual([]);
  });
});

describe('finishDiff', () => {
  it('shows the solution and each admixed drug dose when morphine joins the baclofen, and when it leaves', () => {
    // morphine 2 mg/mL joins at the same 250 mcg/day of baclofen (0.5 mL/day): 0.5 x 2 = 1 mg/day of morphine
    const admixture = drugProgram('baclofen', 250, 500, [['morphine', 2]]);
    const baclofenAlone = [{ drug: 'baclofen', concentration: 500 }];
    const both = [...baclofenAlone, { drug: 'morphine', concentration: 2000 }];
    expect(finishDiff(view, draft({ update: { program: admixture } }))).toEqual([
      { field: 'solution', old: baclofenAlone, new: both },
      { field: 'therapy', old: view.therapy, new: view.therapy },
      { field: 'dailyTotal', old: 250_000_000, new: 250_000_000 },
      { field: 'drugDose', drug: 'morphine', old: null, new: 1_000_000_000 },
      // (20 - 2) mL at 0.5 mL/day: the alarm at day 36 either way; an admixture keeps 30 days, not 36
      { field: 'lowReservoirAlarmAt', old: daysToMs(36), new: daysToMs(36) },
      { field: 'refillBy', old: daysToMs(36), new: daysToMs(30) },
    ]);
    const mixed = { ...view, admixed: [{ drug: 'morphine' as const, concentration: 2000 as McgPerMl }] };
    expect(finishDiff(mixed, draft({ update: { program: simpleProgram(250) } }))).toEqual([
      { field: 'solution', old: both, new: baclofenAlone },
      { field: 'therapy', old: view.therapy, new: view.therapy },
      { field: 'dailyTotal', old: 250_000_000, new: 250_000_000 },
      { field: 'drugDose', drug: 'morphine', old: 1_000_000_000, new: null },
      { field: 'lowReservoirAlarmAt', old: daysToMs(36), new: daysToMs(36) },
      { field: 'refillBy', old: daysToMs(30), new: daysToMs(36) },
    ]);
  });

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

describe('the one therapy gate on the second path', () => {
  const flex = (...steps: [number, number][]) => ({
    ...simpleProgram(250),
    therapy: {
      mode: 'flex' as const,
      steps: steps.map(([startMinute, mcg]) => ({ startMinute, dose: (mcg * 1_000_000) as PicogramsPerDay })),
    },
  });

  it('refuses a flex step above the hard limit even when the 24-hour total is modest', () => {
    // 00:00 25, 12:00 5000, 13:00 25 mcg/day (from 250 mcg/day): the total is
    // (25 x 720 + 5000 x 60 + 25 x 660) / 1440 = 232.3 mcg/day, but 12:00-13:00 gives 208 mcg in one hour
    const found = review({ update: { program: flex([0, 25], [720, 5000], [780, 25]) } });
    expect(found.map((f) => `${f.code}:${f.severity}`)).toEqual([
      'flex.stepAboveHardLimit:hard',
      'flex.stepTenfold:reenter',
    ]);
    expect(found[0]?.message).toContain('12:00 5000 mcg/day');
    expect(found[1]?.message).toContain('12:00 5000 mcg/day (now 250 mcg/day)');
    expect(found[1]?.message).toContain('00:00 25 mcg/day (now 250 mcg/day)');
  });

  it('confirms a flex step above the usual maximum, and types again one ten times the dose at its time of day', () => {
    // 1200 x 60 + 250 x 1380 over 1440 min = 289.6 mcg/day in total: no titration finding at +15.8 %
    expect(codes({ update: { program: flex([0, 250], [600, 1200], [660, 250]) } })).toEqual([
      'flex.stepAboveSoftLimit:confirm',
    ]);
    // 2500 at 10:00 against 250 now: ten times, and above the hard limit too
    expect(codes({ update: { program: flex([0, 250], [600, 2500], [660, 250]) } })).toEqual([
      'flex.totalChange:confirm',
      'flex.stepAboveHardLimit:hard',
      'flex.stepTenfold:reenter',
    ]);
  });

  it('asks for a confirmation of a stop, in days and clinical words, and of a restart', () => {
    const stop = review({ update: { program: { ...simpleProgram(250), therapy: { mode: 'stopped' } } } });
    expect(stop.map((f) => `${f.code}:${f.severity}`)).toEqual(['therapy.stop:confirm']);
    expect(stop[0]?.message).toContain('no baclofen (now 250 mcg/day)');
    expect(stop[0]?.message).toContain('Withdrawal usually begins within 1 to 3 days');
    const stopped = { ...view, therapy: { mode: 'stopped' as const } };
    const restart = therapyGate({
      view: stopped,
      draft: draft({ update: { program: simpleProgram(250) } }),
      origin: 'spinal',
    });
    expect(restart.map((f) => f.code)).toEqual(['therapy.restart']);
    expect(restart[0]?.message).toContain('restarts at 250 mcg/day');
  });

  it('says how many days of warning a lower alarm threshold costs', () => {
    // 250 mcg/day at 500 mcg/mL is 0.5 mL/day: from 2 mL down to 1 mL is 2 days less warning
    const lowered = review({ update: { lowReservoirThreshold: 1_000_000 as Nanolitres } });
    expect(lowered.map((f) => f.code)).toEqual(['alarm.thresholdLowered']);
    expect(lowered[0]?.message).toContain('at 1.00 mL instead of 2.00 mL. At 250 mcg/day that is 2 days less warning');
    expect(codes({ update: { lowReservoirThreshold: 4_000_000 as Nanolitres } })).toEqual([]);
  });

  it('judges catheter data and bridge boluses by what they move', () => {
    expect(codes({ update: { catheterVolumeEntered: 0 as Nanolitres } })).toEqual(['catheter.noVolume:hard']);
    expect(codes({ update: { catheterVolumeEntered: 150_000 as Nanolitres } })).toEqual([
      'catheter.dataChange:confirm',
    ]);
    // 0.304 mL of 500 mcg/mL (152 mcg) in one hour is 3648 mcg/day at the tip: above the hard limit
    const bridge = { kind: 'bridge' as const, volume: 304_000 as Nanolitres, durationMs: 3_600_000 };
    expect(codes({ bolus: bridge })).toEqual(['bolus.bridgeAboveHardLimit:hard']);
    // over 0.608 days it is 250 mcg/day
    expect(codes({ bolus: { ...bridge, durationMs: 52_531_200 } })).toEqual([]);
  });

  it('judges a bridge bolus by each drug of the old solution at the tip, and one given in no time as infinite', () => {
    const bridgeFindings = (v: typeof view, durationMs: number) =>
      therapyGate({
        view: v,
        draft: draft({ bolus: { kind: 'bridge', volume: 304_000 as Nanolitres, durationMs } }),
        origin: 'spinal',
      }).filter((f) => f.code === 'bolus.bridgeAboveHardLimit');
    expect(bridgeFindings(view, 0).map((f) => f.message)).toEqual([
      "The bridge bolus would give the old drug at Infinity mcg/day, above the drug library's hard limit of 2000 mcg/day.",
    ]);
    // with morphine 25 mg/mL admixed, 0.304 mL in one hour is 7.6 mg an hour: 182.4 mg/day, above its 30 mg/day;
    // the baclofen's 152 mcg an hour is 3648 mcg/day, above its 2000 mcg/day
    const mixed = { ...view, admixed: [{ drug: 'morphine' as const, concentration: 25_000 as McgPerMl }] };
    expect(bridgeFindings(mixed, 3_600_000).map((f) => f.message)).toEqual([
      "The bridge bolus would give the old drug at 3648 mcg/day, above the drug library's hard limit of 2000 mcg/day.",
      "Morphine (preservative-free, intrathecal), admixed at 25 mg/mL: The bridge bolus would give the old drug at 182.4 mg/day, above the drug library's hard limit of 30 mg/day.",
    ]);
    // over 0.608 days: baclofen 250 mcg/day and morphine 12.5 mg/day, both within their limits
    expect(bridgeFindings(mixed, 52_531_200)).toEqual([]);
  });

  it('confirms a reservoir volume raised outside a refill', () => {
    const low = { ...view, calculatedReservoir: 5_000_000 as Nanolitres };
    const judged = (ml: number) =>
      therapyGate({
        view: low,
        draft: draft({ update: { calculatedReservoir: (ml * 1_000_000) as Nanolitres } }),
        origin: 'spinal',
        workflow: 'bolus',
      }).map((f) => f.code);
    expect(judged(6)).toEqual(['reservoir.raised']);
    expect(judged(4)).toEqual([]);
  });

  describe('a refill record against what the needle found', () => {
    const record = (ml: number, program?: ReturnType<typeof simpleProgram>) =>
      draft({
        update: {
          calculatedReservoir: (ml * 1_000_000) as Nanolitres,
          ...(program === undefined ? {} : { program }),
        },
      });
    const refillGate = (d: Draft, refill: RefillProgress | null) =>
      therapyGate({ view, draft: d, origin: 'spinal', workflow: 'refill', refill }).map(
        (f) => `${f.code}:${f.severity}`,
      );
    const inj = (ml: number, c = 500) => ({ volume: (ml * 1_000_000) as Nanolitres, concentration: c as McgPerMl });

    it('records nothing before aspiration', () => {
      expect(refillGate(record(20), NO_REFILL_YET)).toEqual(['refill.notAspirated:hard']);
    });

    it('never records more than is known: the dead space left after aspiration plus what went in', () => {
      // 18.6 mL came back of a 20 mL pump with 1.4 mL dead space; 18 mL injected: 19.4 mL known
      const done = { aspirated: 18_600_000 as Nanolitres, aspirations: 1, injected: inj(18) };
      expect(refillGate(record(19.4), done)).toEqual([]);
      expect(refillGate(record(19.41), done)).toEqual(['refill.recordAboveKnown:hard']);
      // nothing came back of an expected 18.6 mL: nothing is known to be left, 0 mL is the truth to record
      const empty = { aspirated: 0 as Nanolitres, aspirations: 1, injected: inj(0) };
      expect(refillGate(record(20), empty)).toEqual(['refill.recordAboveKnown:hard', 'refill.discrepancy:confirm']);
      expect(refillGate(record(0), empty)).toEqual(['refill.discrepancy:confirm']);
    });

    it('records the concentration that went in', () => {
      const done = { aspirated: 18_600_000 as Nanolitres, aspirations: 1, injected: inj(18, 2000) };
      expect(refillGate(record(19.4), done)).toEqual([
        'refill.concentrationMismatch:hard',
        'refill.residualMixing:confirm',
      ]);
      // (1.4 x 500 + 18 x 2000) / 19.4 = 1891.8 mcg/mL: 5.4 % weaker than the 2000 recorded, confirmed
      const mixed = therapyGate({
        view,
        draft: {
          ...record(19.4, simpleProgram(250, 2000)),
          bridgeDecision: 'bridge',
          bolus: { kind: 'bridge', volume: 304_000 as Nanolitres, durationMs: 52_531_200 },
        },
        origin: 'spinal',
        workflow: 'refill',
        refill: done,
      });
      expect(mixed.map((f) => f.code)).toEqual(['refill.residualMixing']);
      expect(mixed[0]?.message).toContain('about 1891.8 mcg/mL, 5.4 % weaker than recorded');
    });

    it('a refill with another drug: the dead space left of the old drug dilutes the new one, confirmed in both drugs words', () => {
      // 1.4 mL of baclofen 500 mcg/mL left after aspiration, 18 mL of morphine 10 mg/mL injected:
      // 1.4 / 19.4 = 7.2 % of the reservoir is not morphine
      const toMorphine = record(19.4, drugProgram('morphine', 1, 10));
      const mixing = (refill: RefillProgress) =>
        therapyGate({ view, draft: toMorphine, origin: 'spinal', workflow: 'refill', refill }).filter(
          (f) => f.code === 'refill.residualMixing',
        );
      const done = { aspirated: 18_600_000 as Nanolitres, aspirations: 1, injected: inj(18, 10_000) };
      expect(mixing(done)).toEqual([
        {
          code: 'refill.residualMixing',
          severity: 'confirm',
          message:
            '1.40 mL of baclofen 500 mcg/mL left in the reservoir mixes with the morphine 10 mg/mL injected: the reservoir holds baclofen too, and morphine 7.2 % weaker than recorded, until it is next refilled. Rinse the reservoir when the drug changes. Confirm.',
        },
      ]);
      // nothing came back: nothing is known to be left of the old drug, so nothing to mix
      expect(mixing({ aspirated: 0 as Nanolitres, aspirations: 1, injected: inj(18, 10_000) })).toEqual([]);
    });

    it('a new strength of morphine mixes with the dead space: the strength held in mg/mL, weaker or stronger', () => {
      // 1.4 mL of 10 mg/mL left; 18 mL of 20 mg/mL in: 374 / 19.4 = 19.278 mg/mL, 3.6 % under 20;
      // 18 mL of 5 mg/mL in: 104 / 19.4 = 5.361 mg/mL, 7.2 % over 5
      const held = { ...view, drug: 'morphine' as const, concentration: 10_000 as McgPerMl };
      const mixing = (mgPerMl: number) =>
        therapyGate({
          view: held,
          draft: record(19.4, drugProgram('morphine', 1, mgPerMl)),
          origin: 'spinal',
          workflow: 'refill',
          refill: { aspirated: 18_600_000 as Nanolitres, aspirations: 1, injected: inj(18, mgPerMl * 1000) },
        })
          .filter((f) => f.code === 'refill.residualMixing')
          .map((f) => f.message);
      expect(mixing(20)).toEqual([
        '1.40 mL of 10 mg/mL left in the reservoir mixes with the 20 mg/mL injected: the reservoir holds about 19.2784 mg/mL, 3.6 % weaker than recorded, until it is next refilled. Confirm.',
      ]);
      expect(mixing(5)).toEqual([
        '1.40 mL of 10 mg/mL left in the reservoir mixes with the 5 mg/mL injected: the reservoir holds about 5.3608 mg/mL, 7.2 % stronger than recorded, until it is next refilled. Confirm.',
      ]);
    });

    it('stops the clinician before injecting after a short aspiration, naming the needle first', () => {
      const short = aspirationFindings(view, { aspirated: 0 as Nanolitres, aspirations: 1, injected: null });
      expect(short.map((f) => f.code)).toEqual(['refill.shortAspiration']);
      expect(short[0]?.message).toContain('Do not inject until you know where the needle is');
      expect(short[0]?.message).toContain('the needle is not in the reservoir now');
      expect(aspirationFindings(view, { aspirated: 18_600_000 as Nanolitres, aspirations: 1, injected: null })).toEqual(
        [],
      );
    });
  });
});

describe('the gate on a recommendation after the screening trial', () => {
  it('needs a test dose, refuses above the hard limit and confirms more than twice the largest test dose', () => {
    const codes = (testDosesMcg: number[], startMcgPerDay: number) =>
      judgeStartingDose({ testDosesMcg, startMcgPerDay }).map((f) => `${f.code}:${f.severity}`);
    expect(codes([], 100)).toEqual(['recommendation.noTestDose:hard']);
    // 50 and 75 mcg given: up to 150 mcg/day starts without a question, 151 is confirmed
    expect(codes([50, 75], 150)).toEqual([]);
    expect(codes([50, 75], 151)).toEqual(['recommendation.aboveStart:confirm']);
    expect(codes([100], 2001)).toEqual(['dose.aboveHardLimit:hard']);
  });

  it('the morphine trial: a trial dose first; no more than the largest trial dose a day without a question; refused above 30 mg/day', () => {
    const codes = (testDosesMcg: number[], startMcgPerDay: number) =>
      judgeStartingDose({ drug: 'morphine', testDosesMcg, startMcgPerDay }).map((f) => `${f.code}:${f.severity}`);
    expect(codes([], 500)).toEqual(['recommendation.noTestDose:hard']);
    // 0.5 mg given, acting 18 to 24 h: 0.5 mg/day starts without a question, 0.501 mg/day is confirmed
    expect(codes([500], 500)).toEqual([]);
    expect(codes([500], 501)).toEqual(['recommendation.aboveStart:confirm']);
    // twice the dose is not a morphine rule (it is baclofen's): 1 mg/day after 0.5 mg asks
    expect(codes([500], 1000)).toEqual(['recommendation.aboveStart:confirm']);
    expect(codes([500, 1000], 1000)).toEqual([]);
    expect(codes([1000], 30_001)).toEqual(['dose.aboveHardLimit:hard']);
    expect(judgeStartingDose({ drug: 'morphine', testDosesMcg: [500], startMcgPerDay: 1000 })[0]?.message).toBe(
      '1 mg/day is more than the largest trial dose given (0.5 mg), which acts for 18 to 24 hours: the pump usually starts at no more than the effective trial dose a day, and breathing can slow up to a day after each increase. Confirm it is intended.',
    );
  });
});
