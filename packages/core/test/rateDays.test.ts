import { describe, expect, it } from 'vitest';
import { integrateRate, MS_PER_DAY } from '../src/index.ts';
import { periodsBefore, RunningIntegral } from '../src/units/rateIntegral.ts';

const HALF_DAY = MS_PER_DAY / 2;
// a day of 1 unit/day for 12 h then 2 units/day for 12 h: 1.5 units, numerator 1.5 x MS_PER_DAY
const PER_DAY = 1 * HALF_DAY + 2 * HALF_DAY;

describe('whole days of a rate that repeats every day', () => {
  it('adds days as the chained pieces do, carry and all', () => {
    const chained = { amount: 0, carry: HALF_DAY };
    for (let day = 0; day < 3; day += 1) {
      for (const rate of [1, 2]) {
        const piece = integrateRate(rate, HALF_DAY, chained.carry);
        chained.amount += piece.amount;
        chained.carry = piece.carry;
      }
    }
    const total = new RunningIntegral(HALF_DAY);
    total.addPeriods(PER_DAY, 3);
    // 0.5 carried + 3 x 1.5 = 5 whole units, nothing carried
    expect({ amount: total.amount, carry: total.carry }).toEqual(chained);
    expect(total).toMatchObject({ amount: 5, carry: 0 });
  });

  it.each([
    // perDay, carry, remaining, limit, expected: the most days before the whole units reach `remaining`
    [100_000 * MS_PER_DAY, 0, 250_000, 10, 2], // 200 000 after 2 days, 300 000 after 3
    [100_000 * MS_PER_DAY, 0, 200_000, 10, 1], // 200 000 is reached on day 2 exactly
    [100_000 * MS_PER_DAY, 0, 250_000, 1, 1], // the limit comes first
    [PER_DAY, 0, 3, 10, 1], // floor(1.5) = 1, floor(3) = 3
    [PER_DAY, HALF_DAY, 3, 10, 1], // floor(2) = 2, floor(3.5) = 3
    [PER_DAY, HALF_DAY - 1, 5, 10, 3], // floor(2 - e) = 1, floor(3.5 - e) = 3, floor(5 - e) = 4, floor(6.5 - e) = 6
    [0, 0, 1, 7, 7], // nothing accumulates: the limit
    [PER_DAY, 0, 0, 7, 0], // already there
    // above 2^53 (a battery's units x DAY) the estimate in doubles can be a period off either way:
    // 76 periods of 3 360 284 276 968 421 end 4 / DAY short of 2 955 805 614 units (76 is the answer,
    // the estimate says 75); 193 of 757 135 341 352 499 from a carry of 59 767 696 end 3 / DAY past
    // 1 691 286 122 units (192 is the answer, the estimate says 193)
    [3_360_284_276_968_421, 0, 2_955_805_614, 1000, 76],
    [757_135_341_352_499, 59_767_696, 1_691_286_122, 1000, 192],
  ])('periodsBefore(%d, %d, %d, %d) is %d', (perDay, carry, remaining, limit, expected) => {
    expect(periodsBefore(perDay, carry, remaining, limit)).toBe(expected);
  });
});
