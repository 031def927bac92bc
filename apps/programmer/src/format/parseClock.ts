import type { Parsed } from './parseDecimal.ts';

/**
 * Reads a time of day typed as HH:MM (24-hour clock) as minutes after midnight. The message names
 * the field, what was expected and what was found.
 */
export function parseClock(label: string, text: string): Parsed {
  const trimmed = text.trim();
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(trimmed);
  if (m === null)
    return {
      ok: false,
      message: `${label}: expected a time HH:MM from 00:00 to 23:59, found ${trimmed === '' ? 'nothing' : `"${trimmed}"`}.`,
    };
  return { ok: true, value: Number(m[1]) * 60 + Number(m[2]) };
}
