import { formatClock, type Milliseconds } from '@itps/core';

/** The wall clock's date and time, in UTC so simulated days never meet a daylight-saving change. */
const CALENDAR = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'UTC',
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** The instant a `YYYY-MM-DDTHH:MM` label names, as UTC milliseconds; null when it names none. */
function startOf(startsAt: string | null): number | null {
  const m = startsAt === null ? null : /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(startsAt);
  if (m === null) return null;
  const [, y, mo, d, h, mi] = m.map(Number) as [number, number, number, number, number, number];
  const utc = Date.UTC(y, mo - 1, d, h, mi);
  // Date.UTC rolls 2026-02-30 over to March: such a label names no date
  return new Date(utc).getUTCDate() === d ? utc : null;
}

/**
 * Simulated time as a clinician reads it: the calendar date and clock time from the world's
 * `startsAt`, with the day of the run ("Thu 1 Jan 2026, 10:00 (day 0)"); without a date, the day
 * and clock alone ("day 0, 10:00").
 */
export function formatWhen(at: Milliseconds, timeOfDayAtStart: Milliseconds, startsAt: string | null): string {
  const clock = formatClock(at, timeOfDayAtStart);
  const start = startOf(startsAt);
  if (start === null) return clock;
  const parts = Object.fromEntries(CALENDAR.formatToParts(new Date(start + at)).map((p) => [p.type, p.value]));
  return `${parts.weekday} ${parts.day} ${parts.month} ${parts.year}, ${parts.hour}:${parts.minute} (${clock.split(',')[0]})`;
}

/**
 * A date an estimate lands on, without a clock time its precision does not have: "Wed 31 Dec 2031"
 * (or "day 2190" without a calendar).
 */
export function formatDay(at: Milliseconds, timeOfDayAtStart: Milliseconds, startsAt: string | null): string {
  const full = formatWhen(at, timeOfDayAtStart, startsAt);
  const start = startOf(startsAt);
  if (start === null) return full.split(',')[0] ?? full;
  return full.slice(0, full.indexOf(','));
}
