import { type Milliseconds, MS_PER_DAY, MS_PER_HOUR, MS_PER_MINUTE, MS_PER_SECOND } from '@itps/core';

const PATTERN = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d{1,3})?)S)?)?$/;

/** The shape of a duration the format accepts (the parser also refuses `P`, `PT` and out-of-range totals). */
export const DURATION_PATTERN = /^P(?!$)(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d{1,3})?S)?)?$/;

/**
 * Parses an ISO 8601 duration with days, hours, minutes and seconds only (`P36DT1H30M`, `PT90M`,
 * `P2555D`, `PT0.5S`) into milliseconds; null when the text is not one.
 */
export function parseDuration(text: string): Milliseconds | null {
  const m = PATTERN.exec(text);
  if (m === null || text === 'P' || text.endsWith('T')) return null;
  const [, d, h, min, s] = m;
  const ms =
    Number(d ?? 0) * MS_PER_DAY +
    Number(h ?? 0) * MS_PER_HOUR +
    Number(min ?? 0) * MS_PER_MINUTE +
    Math.round(Number(s ?? 0) * MS_PER_SECOND);
  return Number.isSafeInteger(ms) ? (ms as Milliseconds) : null;
}

/** Formats milliseconds as an ISO 8601 duration (days, hours, minutes, seconds). */
export function formatDuration(ms: number): string {
  const days = Math.floor(ms / MS_PER_DAY);
  let rest = ms - days * MS_PER_DAY;
  const hours = Math.floor(rest / MS_PER_HOUR);
  rest -= hours * MS_PER_HOUR;
  const minutes = Math.floor(rest / MS_PER_MINUTE);
  rest -= minutes * MS_PER_MINUTE;
  const seconds = rest / MS_PER_SECOND;
  const time = `${hours ? `${hours}H` : ''}${minutes ? `${minutes}M` : ''}${seconds ? `${seconds}S` : ''}`;
  return `P${days || !time ? `${days}D` : ''}${time ? `T${time}` : ''}`;
}

/** Parses a wall-clock label `YYYY-MM-DDTHH:MM` (or `HH:MM`) into its time of day, in ms after midnight. */
export function parseTimeOfDay(text: string): Milliseconds | null {
  const m = /^(?:\d{4}-\d{2}-\d{2}T)?(\d{2}):(\d{2})$/.exec(text);
  if (m === null) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (h > 23 || min > 59) return null;
  return (h * MS_PER_HOUR + min * MS_PER_MINUTE) as Milliseconds;
}
