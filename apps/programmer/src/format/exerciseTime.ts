import { MS_PER_DAY, MS_PER_HOUR, MS_PER_MINUTE } from '@itps/core';
import { formatDuration, parseDuration } from '@itps/scenarios';

/** An instant of an exercise as an educator names it: the day of the run and the clock time. */
export interface DayAndClock {
  /** Day of the run: 0 is the day the exercise starts. */
  readonly day: number;
  /** Minutes after midnight on that day. */
  readonly minutes: number;
}

/**
 * The day and clock time a duration from the start (`P3DT8H`) falls on, given the time of day the
 * exercise starts at (midnight unless the file says `startsAt`); null when the text is not a duration.
 */
export function dayAndClockOf(text: unknown, timeOfDayAtStart = 0): DayAndClock | null {
  const ms = typeof text === 'string' ? parseDuration(text) : null;
  if (ms === null) return null;
  const wall = ms + timeOfDayAtStart;
  const day = Math.floor(wall / MS_PER_DAY);
  return { day, minutes: Math.floor((wall - day * MS_PER_DAY) / MS_PER_MINUTE) };
}

/** The duration from the start (`P3DT8H`) of a day and clock time; null before the exercise starts. */
export function durationAt(when: DayAndClock, timeOfDayAtStart = 0): string | null {
  const ms = when.day * MS_PER_DAY + when.minutes * MS_PER_MINUTE - timeOfDayAtStart;
  return ms < 0 ? null : formatDuration(ms);
}

/** `08:30` for 510 minutes. */
export const clockWords = (minutes: number): string =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** "day 3, 08:00" for `P3DT8H`; the text itself when it is no duration. */
export function whenWords(text: unknown, timeOfDayAtStart = 0): string {
  const at = dayAndClockOf(text, timeOfDayAtStart);
  return at === null ? String(text ?? 'not set') : `day ${at.day}, ${clockWords(at.minutes)}`;
}

/** A length of time in words: "3 days 4 hours" for `P3DT4H`; the text itself when it is no duration. */
export function spanWords(text: unknown): string {
  const ms = typeof text === 'string' ? parseDuration(text) : null;
  if (ms === null) return String(text ?? 'not set');
  const days = Math.floor(ms / MS_PER_DAY);
  const hours = Math.floor((ms - days * MS_PER_DAY) / MS_PER_HOUR);
  const minutes = Math.floor((ms - days * MS_PER_DAY - hours * MS_PER_HOUR) / MS_PER_MINUTE);
  const part = (n: number, unit: string) => (n === 0 ? '' : `${n} ${unit}${n === 1 ? '' : 's'}`);
  return (
    [part(days, 'day'), part(hours, 'hour'), part(minutes, 'minute')].filter((p) => p !== '').join(' ') || '0 minutes'
  );
}

/** "day 3, 08:00" for an instant in milliseconds since the start. */
export const atWords = (ms: number, timeOfDayAtStart = 0): string => whenWords(formatDuration(ms), timeOfDayAtStart);
