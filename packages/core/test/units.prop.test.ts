import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { divide, integrateRate, MS_PER_DAY, mulDiv, type Rounding, timeToAccumulate } from '../src/index.ts';

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
});
