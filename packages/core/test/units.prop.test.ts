import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { divide, integrateRate, MS_PER_DAY, mulDiv, type Rounding, timeToAccumulate } from '../src/index.ts';
import { periodsBefore } from '../src/units/rateIntegral.ts';

const exact = (a: number, b: number, c: number, rounding: Rounding): number => {
  const p = BigInt(a) * BigInt(b);
  const q = p / BigInt(c);
  const r = p - q * BigInt(c);
  if (rounding === 'ceil' && r > 0n) return Number(q + 1n);
  if (rounding === 'nearest' && 2n * r >= BigInt(c)) return Number(q + 1n);
  return Number(q);
};

// operands from small to the largest the core uses (masses near 10^13, volumes near 10^8)
const operand = fc.oneof(
  fc.integer({ min: 0, max: 1000 }),
  fc.integer({ min: 0, max: 100_000_000 }),
  fc.integer({ min: 0, max: 10_000_000_000_000 }),
);
const divisor = fc.oneof(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 1, max: 100_000_000 }));
const rounding = fc.constantFrom<Rounding>('floor', 'ceil', 'nearest');

/** The oracle of periodsBefore in big integers: k periods from `carry` hold floor((carry + k perPeriod) / DAY) whole units, so the answer is the largest k <= limit with carry + k perPeriod < remaining x DAY. */
const mostPeriods = (perPeriod: number, carry: number, remaining: number, limit: number): number => {
  const room = BigInt(remaining) * BigInt(MS_PER_DAY) - BigInt(carry);
  const most = (room + BigInt(perPeriod) - 1n) / BigInt(perPeriod) - 1n;
  return Number(most < 0n ? 0n : most > BigInt(limit) ? BigInt(limit) : most);
};

describe('exact integer arithmetic', () => {
  it('REQ-CONS-01 (arithmetic): mulDiv equals exact big-integer arithmetic under every rounding', () =>
    fc.assert(
      fc.property(operand, operand, divisor, rounding, (a, b, c, r) => {
        const expected = exact(a, b, c, r);
        if (!Number.isSafeInteger(expected)) expect(() => mulDiv(a, b, c, r)).toThrow(/mulDiv/);
        else expect(mulDiv(a, b, c, r)).toBe(expected);
      }),
    ));

  it('REQ-CONS-01 (arithmetic): divide equals exact integer division for safe products', () =>
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), divisor, rounding, (p, c, r) => {
        expect(divide(p, c, r)).toBe(exact(p, 1, c, r));
      }),
    ));

  it('REQ-TIME-01 (arithmetic): integrating in two pieces equals integrating whole, and timeToAccumulate is the first such instant', () =>
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 30_000_000 }),
        fc.integer({ min: 0, max: 400 * MS_PER_DAY }),
        fc.integer({ min: 0, max: 400 * MS_PER_DAY }),
        fc.integer({ min: 0, max: MS_PER_DAY - 1 }),
        fc.integer({ min: 1, max: 50_000_000 }),
        (rate, dt1, dt2, carry, amount) => {
          const first = integrateRate(rate, dt1, carry);
          const second = integrateRate(rate, dt2, first.carry);
          const whole = integrateRate(rate, dt1 + dt2, carry);
          expect(first.amount + second.amount).toBe(whole.amount);
          expect(second.carry).toBe(whole.carry);
          expect(whole.carry).toBeGreaterThanOrEqual(0);
          expect(whole.carry).toBeLessThan(MS_PER_DAY);
          const dt = timeToAccumulate(rate, carry, amount);
          if (rate === 0) expect(dt).toBe(Number.POSITIVE_INFINITY);
          else {
            expect(integrateRate(rate, dt, carry).amount).toBeGreaterThanOrEqual(amount);
            expect(integrateRate(rate, dt - 1, carry).amount).toBeLessThan(amount);
          }
        },
      ),
    ));

  it("REQ-TIME-01 (arithmetic): periodsBefore is the most whole periods before the units reach the amount, exactly, up to the battery's magnitudes", () =>
    // against the big-integer oracle (mostPeriods). The battery's capacity (about 7.7e9 units) times a day is above 2^53, where the estimate in
    // doubles can be off and only the exact correction after it keeps the jump exact.
    fc.assert(
      fc.property(
        fc.oneof(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 1, max: 2_500_000_000_000_000 })),
        fc.integer({ min: 0, max: MS_PER_DAY - 1 }),
        fc.oneof(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 1, max: 10_000_000_000 })),
        fc.oneof(fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: 100_000_000 })),
        (perPeriod, carry, remaining, limit) => {
          expect(periodsBefore(perPeriod, carry, remaining, limit)).toBe(
            mostPeriods(perPeriod, carry, remaining, limit),
          );
        },
      ),
    ));

  it('REQ-TIME-01 (arithmetic): periodsBefore is exact where the amount falls within a few units of a whole number of periods, above 2^53', () =>
    // remaining x DAY above 2^53 is rounded in doubles; a period cut so that k of them end within
    // 50 units of it puts the estimate one period off either way, and the answer must still be exact
    fc.assert(
      fc.property(
        fc.integer({ min: 104_249_992, max: 7_665_000_000 }),
        fc.integer({ min: 0, max: MS_PER_DAY - 1 }),
        fc.integer({ min: 1, max: 1000 }),
        fc.integer({ min: -50, max: 50 }),
        (remaining, carry, k, off) => {
          const room = BigInt(remaining) * BigInt(MS_PER_DAY) - BigInt(carry);
          const perPeriod = Number((room - BigInt(off)) / BigInt(k));
          fc.pre(Number.isSafeInteger(perPeriod) && perPeriod > 0);
          expect(periodsBefore(perPeriod, carry, remaining, k + 10)).toBe(
            mostPeriods(perPeriod, carry, remaining, k + 10),
          );
        },
      ),
    ));
});
