import type { TimeLabel } from '@itps/scenarios';

const DAY = 86_400_000;

/**
 * Instants as calendar dates and clock times from a scenario's `startsAt`, through the platform's
 * date library in UTC (a simulated clock has no daylight-saving jumps): `Thu 1 Jan 2026, 10:00 (day 0)`.
 */
export function calendarLabel(startsAt: string): TimeLabel {
  const base = Date.parse(`${startsAt}:00Z`);
  const minutes = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'UTC',
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  const seconds = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'UTC',
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  });
  return (ms) => {
    const at = new Date(base + ms);
    return `${(ms % 60_000 === 0 ? minutes : seconds).format(at)} (day ${Math.floor(ms / DAY)})`;
  };
}
