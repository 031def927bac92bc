import { describe, expect, it } from 'vitest';
import {
  baclofen,
  checkConcentration,
  checkFlexSteps,
  checkRefillVolume,
  checkTherapyChange,
  getDeviceProfile,
  mcgPerMl,
  morphine,
  type Nanolitres,
  type SpasticityOrigin,
  type Therapy,
} from '../src/index.ts';
import { flexProgram, simpleProgram } from '../src/testing/index.ts';

const profile = getDeviceProfile('synchromed-ii-20');
const simple = (mcg: number): Therapy => simpleProgram(mcg).therapy;
const check = (from: Therapy, to: Therapy, origin: SpasticityOrigin = 'spinal', concentration = 500) =>
  checkTherapyChange({
    oldTherapy: from,
    newTherapy: to,
    concentration: mcgPerMl(concentration),
    origin,
    drug: baclofen,
    profile,
  }).map((f) => `${f.code}:${f.severity}`);

describe('guard rails on a therapy change', () => {
  it('asks for confirmation above +30 % per 24 h for spinal origin, +15 % for cerebral and children', () => {
    expect(check(simple(250), simple(320))).toEqual([]);
    expect(check(simple(250), simple(330))).toEqual(['dose.titrationStep:confirm']);
    expect(check(simple(250), simple(285), 'cerebral')).toEqual([]);
    expect(check(simple(250), simple(290), 'cerebral')).toEqual(['dose.titrationStep:confirm']);
    expect(check(simple(250), simple(290), 'pediatric')).toEqual(['dose.titrationStep:confirm']);
  });

  it('asks for confirmation of a cut of more than 20 % in one step (withdrawal risk), and not of a stop', () => {
    // 250 -> 200 is exactly -20 %: allowed; 250 -> 199.9 is -20.04 %: confirm
    expect(check(simple(250), simple(200))).toEqual([]);
    expect(check(simple(250), simple(199.9))).toEqual(['dose.largeDecrease:confirm']);
    expect(check(simple(250), simple(150))).toEqual(['dose.largeDecrease:confirm']);
    expect(check(simple(250), { mode: 'stopped' })).toEqual([]);
    expect(check(simple(250), { mode: 'minimum' })).toEqual([]);
  });

  it('asks for the value again on a change of ten times or more (a decimal slip), either way', () => {
    // typed again AND confirmed against every limit the change crosses (a tenfold rise is also a titration step)
    expect(check(simple(250), simple(2500), 'spinal', 2000)).toEqual([
      'dose.aboveHardLimit:hard',
      'dose.tenfoldChange:reenter',
      'dose.titrationStep:confirm',
    ]);
    expect(check(simple(100), simple(1000), 'spinal', 2000)).toEqual([
      'dose.tenfoldChange:reenter',
      'dose.titrationStep:confirm',
    ]);
    expect(check(simple(100), simple(999.9), 'spinal', 2000)).toEqual(['dose.titrationStep:confirm']);
    expect(check(simple(250), simple(25))).toEqual(['dose.tenfoldChange:reenter', 'dose.largeDecrease:confirm']);
    expect(check(simple(250), simple(26))).toEqual(['dose.largeDecrease:confirm']);
  });

  it('confirms above the soft limit and refuses above the hard limit', () => {
    expect(check(simple(1000), simple(1100), 'spinal', 2000)).toEqual(['dose.aboveSoftLimit:confirm']);
    expect(check(simple(1900), simple(2100), 'spinal', 2000)).toEqual(['dose.aboveHardLimit:hard']);
  });

  it('catches a flex dose entered per hour instead of per day through the 24-hour total', () => {
    // meant: 300 mcg/day; entered: every step 1440 mcg/day (60 mcg each hour)
    const perHour = flexProgram([
      ['00:00', 1440],
      ['08:00', 1440],
    ]).therapy;
    const findings = checkTherapyChange({
      oldTherapy: simple(300),
      newTherapy: perHour,
      concentration: mcgPerMl(2000),
      origin: 'spinal',
      drug: baclofen,
      profile,
    });
    // each step is also read as a dose per day: 1440 is above the 1000 mcg/day usual maximum
    expect(findings.map((f) => f.code)).toEqual(['dose.aboveSoftLimit', 'flex.totalChange', 'flex.stepAboveSoftLimit']);
    expect(findings[1]?.message).toContain('per day, not per hour');
    expect(findings[1]?.message).toContain('from 300 mcg/day to 1440 mcg/day');
  });

  it('refuses a dose below the pump minimum and says the floor and a concentration that would allow it', () => {
    const finding = checkTherapyChange({
      oldTherapy: simple(30),
      newTherapy: simple(20),
      concentration: mcgPerMl(500),
      origin: 'spinal',
      drug: baclofen,
      profile,
    }).find((f) => f.severity === 'hard');
    expect(finding?.code).toBe('dose.belowPumpMinimum');
    expect(finding?.severity).toBe('hard');
    expect(finding?.message).toContain('the lowest dose is 24 mcg/day');
    expect(finding?.message).toContain('416 mcg/mL or less (for example 50 mcg/mL)');
  });
});

describe('guard rails: boundaries and words', () => {
  const findings = (from: Therapy, to: Therapy, concentration = 500) =>
    checkTherapyChange({
      oldTherapy: from,
      newTherapy: to,
      concentration: mcgPerMl(concentration),
      origin: 'spinal',
      drug: baclofen,
      profile,
    });
  const slip = 'check the decimal point and type it again.';

  it('stops at each limit, not before it', () => {
    expect(findings(simple(900), simple(1000), 2000)).toEqual([]);
    expect(findings(simple(1900), simple(2000), 2000)).toEqual([
      {
        code: 'dose.aboveSoftLimit',
        severity: 'confirm',
        message: '2000 mcg/day is above the usual maximum of 1000 mcg/day. Confirm it is intended.',
      },
    ]);
    expect(findings(simple(250), simple(325))).toEqual([]); // exactly +30 %
    expect(findings(simple(1100), simple(1200), 50)).toEqual([
      {
        code: 'dose.aboveSoftLimit',
        severity: 'confirm',
        message: '1200 mcg/day is above the usual maximum of 1000 mcg/day. Confirm it is intended.',
      },
    ]); // exactly the pump's 24 mL/day
    expect(findings(simple(25), simple(24))).toEqual([]); // exactly the pump's 0.048 mL/day
    expect(findings({ mode: 'stopped' }, simple(250))).toEqual([]); // no titration step from nothing
  });

  it('says each finding in words with its figures', () => {
    expect(findings(simple(1900), simple(2100), 2000)).toEqual([
      {
        code: 'dose.aboveHardLimit',
        severity: 'hard',
        message: "2100 mcg/day is above the drug library's hard limit of 2000 mcg/day.",
      },
    ]);
    expect(findings(simple(250), simple(330))).toEqual([
      {
        code: 'dose.titrationStep',
        severity: 'confirm',
        message:
          'The 24-hour total rises from 250 mcg/day to 330 mcg/day (+32 %), more than the 30 % per 24 h advised for spinal origin. Confirm it is intended.',
      },
    ]);
    expect(findings(simple(250), simple(2500), 2000)[1]).toEqual({
      code: 'dose.tenfoldChange',
      severity: 'reenter',
      message: `2500 mcg/day is 10 times the current 250 mcg/day: ${slip}`,
    });
    expect(findings(simple(250), simple(25))).toEqual([
      {
        code: 'dose.tenfoldChange',
        severity: 'reenter',
        message: `25 mcg/day is a tenth or less of the current 250 mcg/day: ${slip}`,
      },
      {
        code: 'dose.largeDecrease',
        severity: 'confirm',
        message:
          'The 24-hour total falls from 250 mcg/day to 25 mcg/day (-90 %), more than the 20 % usual for one step: a large cut risks withdrawal. Confirm it is intended, and watch for withdrawal.',
      },
    ]);
    expect(findings(simple(1100), simple(1201), 50)[1]).toEqual({
      code: 'dose.abovePumpMaximum',
      severity: 'hard',
      message: "1201 mcg/day needs 24.02 mL/day, above the pump's maximum of 24 mL/day at 50 mcg/mL.",
    });
  });

  it('below the pump minimum, names a concentration that allows the dose, or says none does', () => {
    const floor = "below the pump's minimum of 0.048 mL/day: at 500 mcg/mL the lowest dose is 24 mcg/day.";
    expect(findings(simple(2.1), simple(2))).toEqual([
      {
        code: 'dose.belowPumpMinimum',
        severity: 'hard',
        message: `2 mcg/day needs 0.004 mL/day, ${floor} A concentration of 41 mcg/mL or less would allow it.`,
      },
    ]);
    expect(findings(simple(0.05), simple(0.048))[0]?.message).toBe(
      `0.048 mcg/day needs 0.000096 mL/day, ${floor} A concentration of 1 mcg/mL or less would allow it.`,
    );
    expect(findings(simple(0.05), simple(0.04))[0]?.message).toBe(
      `0.04 mcg/day needs 0.00008 mL/day, ${floor} No concentration allows it.`,
    );
  });

  it('checks every flex step against the pump minimum, and names a stock concentration at the boundary', () => {
    const low = flexProgram([
      ['00:00', 300],
      ['08:00', 2],
    ]).therapy;
    // 2 mcg/day is less than a tenth of the 250 given now at 08:00: typed again, on top of the refusal
    expect(findings(simple(250), low).map((f) => f.code)).toEqual([
      'dose.largeDecrease',
      'flex.stepTenfold',
      'dose.belowPumpMinimum',
    ]);
    // 2.4 mcg/day runs at 0.048 mL/day at exactly 50 mcg/mL, a stock concentration
    expect(findings(simple(2.5), simple(2.4))[0]?.message).toContain(
      'A concentration of 50 mcg/mL or less (for example 50 mcg/mL)',
    );
    expect(findings(simple(250), { mode: 'minimum' })).toEqual([]);
  });

  it('words the concentration findings, with the library bounds themselves allowed', () => {
    expect(checkConcentration(0, baclofen)).toEqual([
      {
        code: 'concentration.outOfRange',
        severity: 'hard',
        message: 'Baclofen (intrathecal) is used from 1 to 2000 mcg/mL in whole numbers; 0 mcg/mL was entered.',
      },
    ]);
    expect(checkConcentration(1, baclofen)).toEqual([
      {
        code: 'concentration.customDilution',
        severity: 'confirm',
        message:
          '1 mcg/mL is not a stock concentration (50, 500, 1000, 2000 mcg/mL). Confirm it is a prepared dilution.',
      },
    ]);
  });
});

describe('guard rails on concentration and refill volume', () => {
  it('refuses concentrations outside the library and confirms custom dilutions', () => {
    expect(checkConcentration(2500, baclofen).map((f) => f.code)).toEqual(['concentration.outOfRange']);
    expect(checkConcentration(12.5, baclofen).map((f) => f.code)).toEqual(['concentration.outOfRange']);
    expect(checkConcentration(750, baclofen).map((f) => f.severity)).toEqual(['confirm']);
    expect(checkConcentration(2000, baclofen)).toEqual([]);
  });

  it('refuses a refill that will not fit', () => {
    const f = checkRefillVolume({
      volume: 19_000_000 as Nanolitres,
      leftAfterAspiration: 1_400_000 as Nanolitres,
      profile,
    });
    expect(f[0]?.code).toBe('refill.overCapacity');
    expect(f[0]?.severity).toBe('hard');
    expect(f[0]?.message).toContain('at most 18.6 mL');
    expect(
      checkRefillVolume({ volume: 18_600_000 as Nanolitres, leftAfterAspiration: 1_400_000 as Nanolitres, profile }),
    ).toEqual([]);
  });
});

describe('guard rails in a drug measured in mg, and on an empty schedule', () => {
  it('refuses a morphine strength outside its library range in mg/mL, without asking for whole numbers', () => {
    // 30 000 mcg/mL is 30 mg/mL, above morphine's 25 mg/mL; its floor is 100 mcg/mL (0.1 mg/mL)
    expect(checkConcentration(30_000, morphine)).toEqual([
      {
        code: 'concentration.outOfRange',
        severity: 'hard',
        message: 'Morphine (preservative-free, intrathecal) is used from 0.1 to 25 mg/mL; 30 mg/mL was entered.',
      },
    ]);
  });

  it('finds no tenfold slip in a flex schedule with no steps: it gives no dose to compare', () => {
    // (the schedule itself is refused by the pump's validation: a flex schedule needs a step)
    expect(checkFlexSteps(simple(250), [], baclofen)).toEqual([]);
  });
});
