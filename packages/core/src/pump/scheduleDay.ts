import { doseToRate } from '../drug/doseToRate.ts';
import type { NanolitresPerDay } from '../units/quantity.ts';
import { MS_PER_DAY, MS_PER_MINUTE } from '../units/time.ts';
import { throughFlow } from './deliveryRate.ts';
import type { PumpProgram } from './program.ts';

/** A flex schedule's day, which is the same whichever instant it starts from. */
export interface ScheduleDay {
  /** The day's commanded and real flow, each as rate x length summed over the steps (nL x ms / day). */
  readonly commanded: number;
  readonly real: number;
  /** Step boundaries in any 24 hours: each step's start, and midnight when no step starts there. */
  readonly boundaries: number;
}

/**
 * The day of a flex schedule whose steps start, in order, inside the day and all command a flow;
 * null for any other (the fast path then steps through it).
 */
export function scheduleDay(
  starts: readonly number[],
  rates: readonly number[],
  biasPpm: number,
  passable: number,
): ScheduleDay | null {
  let commanded = 0;
  let real = 0;
  let boundaries = starts[0] === 0 ? 0 : 1;
  for (let i = 0; i < starts.length; i += 1) {
    const start = starts[i] as number;
    const rate = rates[i] as number;
    const until = starts[i + 1] ?? MS_PER_DAY;
    if (rate <= 0 || start < 0 || until <= start || until > MS_PER_DAY) return null;
    // the first step runs from midnight, whenever it starts
    const length = until - (i === 0 ? 0 : start);
    commanded += rate * length;
    real += throughFlow(rate as NanolitresPerDay, biasPpm, passable) * length;
    boundaries += 1;
  }
  return { commanded, real, boundaries };
}

/** A flex schedule's step starts (ms after midnight) and flows, worked out once per program. */
const flexTimes = new WeakMap<PumpProgram, { readonly starts: readonly number[]; readonly rates: readonly number[] }>();
const NO_STEPS = { starts: [], rates: [] };
export function flexTimesOf(program: PumpProgram): {
  readonly starts: readonly number[];
  readonly rates: readonly number[];
} {
  const { therapy } = program;
  if (therapy.mode !== 'flex') return NO_STEPS;
  let times = flexTimes.get(program);
  if (times === undefined) {
    times = {
      starts: therapy.steps.map((s) => s.startMinute * MS_PER_MINUTE),
      rates: therapy.steps.map((s) => doseToRate(s.dose, program.concentration)),
    };
    flexTimes.set(program, times);
  }
  return times;
}
