import type { Milliseconds } from './quantity.ts';
import { MS_PER_DAY, MS_PER_HOUR, MS_PER_MINUTE } from './time.ts';

const two = (n: number) => String(n).padStart(2, '0');

/** A minute of the day as a 24-hour clock time, "07:30". */
export const clockTime = (minuteOfDay: number): string =>
  `${two(Math.floor(minuteOfDay / 60))}:${two(minuteOfDay % 60)}`;

/**
 * Simulated time as "day 36, 08:15": the day counts calendar midnights since the start (day 0 is
 * the start's own day, whatever time it started), the clock is the wall clock.
 */
export function formatClock(at: Milliseconds, timeOfDayAtStart: Milliseconds): string {
  const wall = at + timeOfDayAtStart;
  const day = Math.floor(wall / MS_PER_DAY);
  const tod = wall - day * MS_PER_DAY;
  return `day ${day}, ${clockTime(Math.floor(tod / MS_PER_HOUR) * 60 + Math.floor((tod % MS_PER_HOUR) / MS_PER_MINUTE))}`;
}
