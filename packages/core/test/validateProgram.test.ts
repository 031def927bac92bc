import { describe, expect, it } from 'vitest';
import { getDeviceProfile, mcgPerMl, type PumpProgram, validateProgram } from '../src/index.ts';
import { flexProgram, simpleProgram } from '../src/testing/index.ts';

const profile = getDeviceProfile('synchromed-ii-20');
const codeOf = (program: PumpProgram) => {
  const r = validateProgram(program, profile);
  return r.ok ? 'ok' : r.refusal.code;
};

describe('validateProgram', () => {
  it('accepts programs inside the profile limits', () => {
    expect(codeOf(simpleProgram(250))).toBe('ok');
    expect(
      codeOf(
        flexProgram([
          ['00:00', 200],
          ['08:00', 300],
          ['20:00', 250],
        ]),
      ),
    ).toBe('ok');
    expect(codeOf({ drug: 'baclofen', concentration: mcgPerMl(500), therapy: { mode: 'minimum' } })).toBe('ok');
    expect(codeOf({ drug: 'baclofen', concentration: mcgPerMl(500), therapy: { mode: 'stopped' } })).toBe('ok');
  });
  it('refuses rates outside the limits with the figures in the message', () => {
    // 20 mcg/day at 500 mcg/mL is 0.04 mL/day, under the 0.048 mL/day floor; 24 mcg/day is exactly the floor
    const r = validateProgram(simpleProgram(20), profile);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.refusal.code).toBe('program.rateBelowMinimum');
      expect(r.refusal.message).toContain('0.04 mL/day');
      expect(r.refusal.message).toContain('0.048 mL/day');
    }
    expect(codeOf(simpleProgram(24))).toBe('ok');
    expect(codeOf(simpleProgram(12_001, 500))).toBe('program.rateAboveMaximum');
    expect(codeOf(simpleProgram(12_000, 500))).toBe('ok');
  });
  it('refuses concentrations outside the drug library', () => {
    expect(codeOf(simpleProgram(250, 2001))).toBe('program.concentrationOutOfRange');
    expect(codeOf(simpleProgram(250, 2000))).toBe('ok');
  });
  it('refuses flex schedules that do not cover the day properly', () => {
    expect(codeOf(flexProgram([['01:00', 200]]))).toBe('program.flexMustStartAtMidnight');
    expect(
      codeOf(
        flexProgram([
          ['00:00', 200],
          ['08:00', 300],
          ['07:00', 300],
        ]),
      ),
    ).toBe('program.flexStepsNotAscending');
    expect(
      codeOf(
        flexProgram([
          ['00:00', 200],
          ['08:00', 300],
          ['08:00', 300],
        ]),
      ),
    ).toBe('program.flexStepsNotAscending');
    expect(
      codeOf(
        flexProgram([
          ['00:00', 200],
          ['24:00', 300],
        ]),
      ),
    ).toBe('program.flexStepOutsideDay');
    expect(codeOf(flexProgram([]))).toBe('program.flexNoSteps');
    const fourteen = Array.from({ length: 14 }, (_, i) => [`${String(i).padStart(2, '0')}:00`, 200] as const);
    expect(codeOf(flexProgram(fourteen))).toBe('program.flexTooManySteps');
    expect(codeOf(flexProgram(fourteen.slice(0, 13)))).toBe('ok');
    expect(
      codeOf(
        flexProgram([
          ['00:00', 200],
          ['08:00', 10],
        ]),
      ),
    ).toBe('program.rateBelowMinimum');
  });

  it('says, for every refusal, which part of the program is wrong and with what figures', () => {
    const notWhole = 'Simple continuous: the dose must be a whole number of picograms per day.';
    const concentration = (c: number) =>
      `The concentration must be a whole number from 1 to 2000 mcg/mL; ${c} mcg/mL was given.`;
    const outsideDay = 'Flex step 2 must start between 00:00 and 23:59.';
    const cases: [PumpProgram, string, string][] = [
      [simpleProgram(0.0000001), 'program.doseNotWholePicograms', notWhole],
      [simpleProgram(-1), 'program.doseNotWholePicograms', notWhole],
      [
        simpleProgram(0),
        'program.rateBelowMinimum',
        "Simple continuous: 0 mL/day is below the pump's minimum of 0.048 mL/day at 500 mcg/mL.",
      ],
      [
        simpleProgram(12_001),
        'program.rateAboveMaximum',
        "Simple continuous: 24.002 mL/day is above the pump's maximum of 24 mL/day.",
      ],
      [simpleProgram(250, 0), 'program.concentrationOutOfRange', concentration(0)],
      [simpleProgram(250, 1.5), 'program.concentrationOutOfRange', concentration(1.5)],
      [simpleProgram(250, 2001), 'program.concentrationOutOfRange', concentration(2001)],
      [flexProgram([]), 'program.flexNoSteps', 'A flex schedule needs at least one step.'],
      [
        flexProgram(Array.from({ length: 14 }, (_, i) => [`${String(i).padStart(2, '0')}:00`, 200] as const)),
        'program.flexTooManySteps',
        'A flex schedule has at most 13 steps a day; 14 were given.',
      ],
      [
        flexProgram([['01:00', 200]]),
        'program.flexMustStartAtMidnight',
        'The first flex step must start at 00:00 so the day is covered.',
      ],
      [
        flexProgram([
          ['00:00', 200],
          ['00:-1', 200],
        ]),
        'program.flexStepOutsideDay',
        outsideDay,
      ],
      [
        flexProgram([
          ['00:00', 200],
          ['00:7.5', 200],
        ]),
        'program.flexStepOutsideDay',
        outsideDay,
      ],
      [
        flexProgram([
          ['00:00', 200],
          ['24:00', 200],
        ]),
        'program.flexStepOutsideDay',
        outsideDay,
      ],
      [
        flexProgram([
          ['00:00', 200],
          ['08:00', 200],
          ['07:05', 200],
        ]),
        'program.flexStepsNotAscending',
        'Flex step 3 starts at 07:05, not after the step before it.',
      ],
      [
        flexProgram([
          ['00:00', 200],
          ['08:00', 10],
        ]),
        'program.rateBelowMinimum',
        "Flex step 2 (08:00): 0.02 mL/day is below the pump's minimum of 0.048 mL/day at 500 mcg/mL.",
      ],
    ];
    for (const [program, code, message] of cases) {
      expect(validateProgram(program, profile)).toEqual({ ok: false, refusal: { code, message } });
    }
  });

  it('refuses a drug, lead or admixed, that is not in the drug library, naming what was given', () => {
    const lead = { ...simpleProgram(250), drug: 'clonidine' } as unknown as PumpProgram;
    expect(validateProgram(lead, profile)).toEqual({
      ok: false,
      refusal: {
        code: 'program.unknownDrug',
        message: "The drug must be one of the drug library's; clonidine was given.",
      },
    });
    // the second admixed drug is the stranger: counted from 1 among the admixed
    const admixed = {
      ...simpleProgram(250),
      admixed: [
        { drug: 'morphine', concentration: mcgPerMl(10_000) },
        { drug: 'clonidine', concentration: mcgPerMl(500) },
      ],
    } as unknown as PumpProgram;
    expect(validateProgram(admixed, profile)).toEqual({
      ok: false,
      refusal: {
        code: 'program.unknownDrug',
        message: "Admixed drug 2 must be one of the drug library's; clonidine was given.",
      },
    });
  });
});
