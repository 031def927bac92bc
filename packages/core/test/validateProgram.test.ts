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
});
