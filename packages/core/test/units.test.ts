import { describe, expect, it } from 'vitest';
import {
  divide,
  doseToRate,
  ItpsMisuseError,
  integrateRate,
  MS_PER_DAY,
  mcgPerDayToPicogramsPerDay,
  mcgPerMl,
  mlToNanolitres,
  mulDiv,
  nanolitres,
  nanolitresToMl,
  rateToDose,
  timeToAccumulate,
} from '../src/index.ts';

describe('checked constructors', () => {
  it('accept non-negative safe integers and refuse anything else', () => {
    expect(nanolitres(5)).toBe(5);
    expect(() => nanolitres(1.5)).toThrow(ItpsMisuseError);
    expect(() => nanolitres(-1)).toThrow(/nanolitres/);
    expect(() => mcgPerMl(0)).toThrow(/mcgPerMl/);
  });
});

describe('mulDiv and divide', () => {
  it('round as asked, exactly, including beyond 2^53', () => {
    expect(mulDiv(7, 3, 2, 'floor')).toBe(10);
    expect(mulDiv(7, 3, 2, 'ceil')).toBe(11);
    expect(mulDiv(7, 3, 2, 'nearest')).toBe(11);
    expect(mulDiv(5, 1, 3, 'nearest')).toBe(2);
    expect(mulDiv(4, 1, 3, 'nearest')).toBe(1);
    expect(mulDiv(80_000_000_000_000, 39_999_999, 40_000_000, 'floor')).toBe(79_999_998_000_000);
    expect(divide(9, 3, 'ceil')).toBe(3);
    expect(() => mulDiv(1, 1, 0, 'floor')).toThrow(/mulDiv/);
  });
});

describe('integrateRate', () => {
  it('delivers exactly the daily amount over a day and carries the fraction', () => {
    expect(integrateRate(500_000, MS_PER_DAY, 0)).toEqual({ amount: 500_000, carry: 0 });
    const third = integrateRate(1, MS_PER_DAY / 3, 0);
    expect(third).toEqual({ amount: 0, carry: MS_PER_DAY / 3 });
    const a = integrateRate(7, 1000, 0);
    const b = integrateRate(7, 2000, a.carry);
    expect(a.amount + b.amount).toBe(integrateRate(7, 3000, 0).amount);
  });
  it('gives the same total however an interval is split', () => {
    let carry = 0;
    let total = 0;
    for (let i = 0; i < 1440; i++) {
      const step = integrateRate(123_457, 60_000, carry);
      total += step.amount;
      carry = step.carry;
    }
    expect(total).toBe(123_457);
    expect(carry).toBe(0);
  });
  it('finds the first instant an amount is reached', () => {
    // 0.5 mL/day takes exactly 36 days to deliver 18 mL
    expect(timeToAccumulate(500_000, 0, 18_000_000)).toBe(36 * MS_PER_DAY);
    const dt = timeToAccumulate(7, 5, 3);
    expect(integrateRate(7, dt, 5).amount).toBe(3);
    expect(integrateRate(7, dt - 1, 5).amount).toBe(2);
    expect(timeToAccumulate(0, 0, 1)).toBe(Number.POSITIVE_INFINITY);
    expect(timeToAccumulate(5, 0, 0)).toBe(0);
  });

  it('counts a carry of more than the rate towards the amount (the carry is ahead)', () => {
    // 1000 units/day from a carry of 5 000 000 / DAY (5 ms of that rate): 3000 units need
    // 3 x DAY x 1000 - 5 000 000 = 1000 dt, so dt = 3 DAY - 5000 ms exactly
    expect(timeToAccumulate(1000, 5_000_000, 3000)).toBe(3 * MS_PER_DAY - 5000);
    expect(integrateRate(1000, 3 * MS_PER_DAY - 5000, 5_000_000).amount).toBe(3000);
    expect(integrateRate(1000, 3 * MS_PER_DAY - 5001, 5_000_000).amount).toBe(2999);
    // 7 units/day from a carry of 20: 7 x DAY - 20 <= 7 dt gives dt = DAY - 2 (DAY - 20/7, rounded up)
    expect(timeToAccumulate(7, 20, 7)).toBe(MS_PER_DAY - 2);
    // nothing to reach takes no time, whatever the carry or the rate
    expect(timeToAccumulate(1000, 5_000_000, 0)).toBe(0);
    expect(timeToAccumulate(0, 0, 0)).toBe(0);
  });

  it('refuses a rate or a time that is not a non-negative safe integer, saying what it got', () => {
    expect(() => integrateRate(-1, 10, 0)).toThrow('expected non-negative integers, got rate -1, dt 10');
    expect(() => integrateRate(1, 0.5, 0)).toThrow('expected non-negative integers, got rate 1, dt 0.5');
  });
});

describe('conversions', () => {
  it('turn human units into base units with the stated rounding', () => {
    expect(mlToNanolitres(19.98)).toBe(19_980_000);
    expect(mlToNanolitres(0.0000004)).toBe(0);
    expect(mlToNanolitres(0.0000005)).toBe(1);
    expect(nanolitresToMl(nanolitres(1_500_000))).toBe(1.5);
    expect(() => mlToNanolitres(Number.NaN)).toThrow(/mlToNanolitres/);
  });
  it('turn a dose into a flow and back', () => {
    // 250 mcg/day at 500 mcg/mL is 0.5 mL/day
    expect(doseToRate(mcgPerDayToPicogramsPerDay(250), mcgPerMl(500))).toBe(500_000);
    // 100 mcg/day at 3 mcg/mL is 33.333... mL/day: rounded to the nearest nL/day
    expect(doseToRate(mcgPerDayToPicogramsPerDay(100), mcgPerMl(3))).toBe(33_333_333);
    expect(rateToDose(doseToRate(mcgPerDayToPicogramsPerDay(400), mcgPerMl(2000)), mcgPerMl(2000))).toBe(400_000_000);
  });
});

describe('implantedCatheterVolume', () => {
  it('is length times volume per cm, to the nearest nanolitre', async () => {
    const { implantedCatheterVolume } = await import('../src/index.ts');
    expect(implantedCatheterVolume(40, 2600 as never)).toBe(104_000);
    expect(implantedCatheterVolume(37.5, 2600 as never)).toBe(97_500);
    expect(() => implantedCatheterVolume(-1, 2600 as never)).toThrow(/implantedCatheterVolume/);
  });
});

describe('misuse is refused, argument by argument', () => {
  it('mulDiv refuses negative, fractional and unsafe operands, and a zero divisor', () => {
    for (const [a, b, c] of [
      [-1, 1, 1],
      [1, -1, 1],
      [1, 1, -1],
      [1.5, 1, 1],
      [1, 1.5, 1],
      [1, 1, 1.5],
      [2 ** 53, 1, 1],
      [1, 2 ** 53, 1],
      [1, 1, 2 ** 53],
      [1, 1, 0],
    ] as const) {
      expect(() => mulDiv(a, b, c, 'floor'), `mulDiv(${a}, ${b}, ${c})`).toThrow(/mulDiv/);
    }
    expect(mulDiv(0, 5, 3, 'ceil')).toBe(0);
  });

  it('mulDiv takes the big-integer path when even the split product is unsafe, and rounds there too', () => {
    const a = 1_000_000_000_000_007;
    const b = 1_000_000_000_000_009;
    const c = 1_000_000_000_000_011;
    // a b is about 10^30 and a < c, so the split (q = 0, r = a) overflows too: BigInt answers exactly
    const exact = (BigInt(a) * BigInt(b)) / BigInt(c);
    expect((BigInt(a) * BigInt(b)) % BigInt(c)).not.toBe(0n);
    expect(mulDiv(a, b, c, 'floor')).toBe(Number(exact));
    expect(mulDiv(a, b, c, 'ceil')).toBe(Number(exact) + 1);
    expect(() => mulDiv(a, b, 1, 'floor')).toThrow(/not a safe integer/);
    expect(mulDiv(a, 9, c, 'floor')).toBe(8);
    expect(mulDiv(a, 9, c, 'ceil')).toBe(9);
    // a < c, so r = a and r b = 9 x 10^18 overflows the split: BigInt answers (figures from Python)
    expect(mulDiv(3_000_000_000, 3_000_000_001, 3_000_000_007, 'floor')).toBe(2_999_999_994);
    expect(mulDiv(3_000_000_000, 3_000_000_001, 3_000_000_007, 'ceil')).toBe(2_999_999_995);
    expect(mulDiv(3_000_000_000, 3_000_000_001, 3_000_000_007, 'nearest')).toBe(2_999_999_994);
    expect(mulDiv(3_000_000_011, 2_999_999_999, 3_000_000_019, 'nearest')).toBe(2_999_999_991);
  });

  it('integrateRate refuses negative or fractional rates and durations', () => {
    for (const [rate, dt] of [
      [-1, 1],
      [1.5, 1],
      [1, -1],
      [1, 1.5],
    ] as const) {
      expect(() => integrateRate(rate, dt, 0), `integrateRate(${rate}, ${dt})`).toThrow(/integrateRate/);
    }
    expect(integrateRate(0, 100, 7)).toEqual({ amount: 0, carry: 7 });
    expect(integrateRate(100, 0, 7)).toEqual({ amount: 0, carry: 7 });
  });
});

describe('every named conversion, both ways', () => {
  it('converts mass, flow and concentration with the stated rounding, and refuses negative or unsafe values', async () => {
    const u = await import('../src/index.ts');
    expect(u.mcgToPicograms(1.5)).toBe(1_500_000);
    expect(u.picogramsToMcg(u.picograms(2_500_000))).toBe(2.5);
    expect(u.mlPerDayToNanolitresPerDay(0.048)).toBe(48_000);
    expect(u.nanolitresPerDayToMlPerDay(u.nanolitresPerDay(6_000))).toBe(0.006);
    expect(u.picogramsPerDayToMcgPerDay(u.picogramsPerDay(250_000_000))).toBe(250);
    expect(u.massInVolume(u.nanolitres(1_000), u.mcgPerMl(500))).toBe(500_000);
    expect(u.concentrationOf(u.nanolitres(4), u.picograms(1501))).toBe(375.25);
    expect(u.concentrationOf(u.nanolitres(0), u.picograms(0))).toBe(0);
    for (const bad of [-1, Number.NaN, Number.POSITIVE_INFINITY, 1e12]) {
      expect(() => u.mlToNanolitres(bad), `mlToNanolitres(${bad})`).toThrow(/mlToNanolitres/);
    }
    expect(() => u.mcgToPicograms(-0.5)).toThrow(/mcgToPicograms/);
    expect(u.daysToMs(2)).toBe(172_800_000);
    expect(u.minutesToMs(3)).toBe(180_000);
    expect(u.msToDays(u.milliseconds(43_200_000))).toBe(0.5);
    expect(u.msToHours(u.milliseconds(5_400_000))).toBe(1.5);
    for (const make of [
      u.picograms,
      u.milliseconds,
      u.nanolitresPerDay,
      u.picogramsPerDay,
      u.batteryUnits,
      u.batteryUnitsPerDay,
    ]) {
      expect(make(7)).toBe(7);
      expect(() => make(-1)).toThrow(ItpsMisuseError);
    }
  });
});
