import { ItpsMisuseError } from '../errors.ts';
import { divide } from './mulDiv.ts';
import { MS_PER_DAY } from './time.ts';

/**
 * The running total of a per-day rate over time, kept exact: `carry` is the part of one unit
 * accumulated but not yet whole, in units of 1/{@link MS_PER_DAY}. Invariant: `0 <= carry < MS_PER_DAY`.
 */
export interface RateIntegral {
  /** Whole units accumulated by this step. */
  readonly amount: number;
  /** Fraction of a unit carried to the next step, in 1/MS_PER_DAY units. */
  readonly carry: number;
}

/**
 * Integrates a constant `ratePerDay` over `dtMs` starting from `carry`. Splitting an interval in
 * two and integrating each half gives exactly the same total as integrating it whole, which is what
 * makes event-driven and fixed-tick runs agree to the unit.
 */
export function integrateRate(ratePerDay: number, dtMs: number, carry: number): RateIntegral {
  if (!Number.isSafeInteger(ratePerDay) || ratePerDay < 0 || !Number.isSafeInteger(dtMs) || dtMs < 0) {
    throw new ItpsMisuseError('integrateRate', `expected non-negative integers, got rate ${ratePerDay}, dt ${dtMs}`);
  }
  if (ratePerDay === 0 || dtMs === 0) return { amount: 0, carry };
  const total = new RunningIntegral(carry);
  total.add(ratePerDay, dtMs);
  return { amount: total.amount, carry: total.carry };
}

/**
 * {@link integrateRate} kept in place for loops that take many steps: `amount` is the sum of every
 * step's whole units and `carry` the carry after the last, exactly what chaining integrateRate
 * gives, without an object per step. The caller passes non-negative safe integers.
 */
export class RunningIntegral {
  /** Whole units accumulated since the integral was started. */
  amount = 0;
  /** Fraction of a unit carried, in 1/MS_PER_DAY units. */
  carry: number;

  constructor(carry: number) {
    this.carry = carry;
  }

  /**
   * Adds `count` whole periods of a rate that repeats every period (a day of a flex schedule, a
   * kink's cycle), given as its integral over one period (units x ms / day, the sum of rate x length
   * over the period's pieces): the same as adding each piece of each period in turn, because the
   * chained carries add up to the exact total.
   */
  addPeriods(perPeriod: number, count: number): void {
    const whole = Math.floor(perPeriod / MS_PER_DAY);
    const partial = (perPeriod - whole * MS_PER_DAY) * count + this.carry;
    const extra = divide(partial, MS_PER_DAY, 'floor');
    this.amount += whole * count + extra;
    this.carry = partial - extra * MS_PER_DAY;
  }

  /** Adds a constant `ratePerDay` over `dtMs`. */
  add(ratePerDay: number, dtMs: number): void {
    if (ratePerDay === 0 || dtMs === 0) return;
    const wholeDays = Math.floor(dtMs / MS_PER_DAY);
    const rest = dtMs - wholeDays * MS_PER_DAY;
    const partial = ratePerDay * rest + this.carry;
    const extra = divide(partial, MS_PER_DAY, 'floor');
    this.amount += ratePerDay * wholeDays + extra;
    this.carry = partial - extra * MS_PER_DAY;
  }
}

/**
 * The smallest `dt` (ms) after which {@link integrateRate} from `carry` reaches at least `amount`
 * units, or `Infinity` when the rate is zero and the amount is positive.
 */
export function timeToAccumulate(ratePerDay: number, carry: number, amount: number): number {
  if (amount <= 0) return 0;
  if (ratePerDay <= 0) return Number.POSITIVE_INFINITY;
  // dt = ceil((amount * DAY - carry) / rate), computed without leaving safe integers:
  // amount = q rate + r, so dt = q DAY + ceil((r DAY - carry) / rate), with r DAY - carry > -DAY
  const q = Math.floor(amount / ratePerDay);
  const r = amount - q * ratePerDay;
  const numerator = r * MS_PER_DAY - carry;
  const partial = numerator >= 0 ? divide(numerator, ratePerDay, 'ceil') : -divide(-numerator, ratePerDay, 'floor');
  return q * MS_PER_DAY + partial;
}

/**
 * The most whole periods, up to `limit`, that a rate repeating every period (`perPeriod`, as in
 * {@link RunningIntegral.addPeriods}) can run from `carry` before its accumulated whole units reach
 * `remaining`: the largest `k <= limit` with `floor((carry + k perPeriod) / MS_PER_DAY) < remaining`.
 */
export function periodsBefore(perPeriod: number, carry: number, remaining: number, limit: number): number {
  if (remaining <= 0) return 0;
  if (perPeriod === 0) return limit;
  const whole = Math.floor(perPeriod / MS_PER_DAY);
  const rest = perPeriod - whole * MS_PER_DAY;
  // carry + k perPeriod < remaining x DAY, estimated in doubles and then settled exactly
  let k = Math.min(limit, Math.max(0, Math.ceil((remaining * MS_PER_DAY - carry) / perPeriod) - 1));
  while (k > 0 && reachedIn(k, whole, rest, carry, remaining)) k -= 1;
  while (k < limit && !reachedIn(k + 1, whole, rest, carry, remaining)) k += 1;
  return k;
}

/** Whether `count` periods of `whole` units and `rest` / MS_PER_DAY each, from `carry`, make `remaining`. */
const reachedIn = (count: number, whole: number, rest: number, carry: number, remaining: number): boolean =>
  whole * count + divide(carry + rest * count, MS_PER_DAY, 'floor') >= remaining;
