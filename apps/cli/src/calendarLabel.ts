import type { TimeLabel } from '@itps/scenarios';

const DAY = 86_400_000;

/**
 * Instants as calendar dates and clock times from a scenario's `startsAt`, through the platform's
 * date library in UTC (a simulated clock has no daylight-saving jumps), written as the programmer
 * writes them: `Thu 1 Jan 2026, 10:00 (day 0)`, with seconds when an instant has them.
 */
export function calendarLabel(startsAt: string): TimeLabel {
  const base = Date.parse(`${startsAt}:00Z`);
  const format = new Intl.DateTimeFormat('en-GB', {
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
    const part = Object.fromEntries(format.formatToParts(new Date(base + ms)).map((p) => [p.type, p.value]));
    const seconds = ms % 60_000 === 0 ? '' : `:${part.second}`;
    return `${part.weekday} ${part.day} ${part.month} ${part.year}, ${part.hour}:${part.minute}${seconds} (day ${Math.floor(ms / DAY)})`;
  };
}
