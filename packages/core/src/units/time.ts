import type { Milliseconds } from './quantity.ts';

/** Milliseconds in one second. */
export const MS_PER_SECOND = 1000;
/** Milliseconds in one minute. */
export const MS_PER_MINUTE = 60_000;
/** Milliseconds in one hour. */
export const MS_PER_HOUR = 3_600_000;
/** Milliseconds in one day: the denominator of every per-day rate. */
export const MS_PER_DAY = 86_400_000;

/** Whole days to milliseconds (exact). */
export const daysToMs = (days: number): Milliseconds => (days * MS_PER_DAY) as Milliseconds;
/** Whole hours to milliseconds (exact). */
export const hoursToMs = (hours: number): Milliseconds => (hours * MS_PER_HOUR) as Milliseconds;
/** Whole minutes to milliseconds (exact). */
export const minutesToMs = (minutes: number): Milliseconds => (minutes * MS_PER_MINUTE) as Milliseconds;
/** Milliseconds to (fractional) days, for display and reports only. */
export const msToDays = (ms: Milliseconds): number => ms / MS_PER_DAY;
/** Milliseconds to (fractional) hours, for display and reports only. */
export const msToHours = (ms: Milliseconds): number => ms / MS_PER_HOUR;
