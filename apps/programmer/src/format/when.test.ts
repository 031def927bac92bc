import type { Milliseconds } from '@itps/core';
import { describe, expect, it } from 'vitest';
import { formatDay, formatWhen } from './when.ts';

const H = 3_600_000;
const at = (hours: number) => (hours * H) as Milliseconds;

describe('formatWhen', () => {
  it('writes the calendar date and clock from startsAt, with the day of the run', () => {
    expect(formatWhen(at(0), at(8), '2026-01-05T08:00')).toBe('Mon 5 Jan 2026, 08:00 (day 0)');
    // 16 h after 08:00 is midnight: a new calendar day and day 1 of the run
    expect(formatWhen(at(16), at(8), '2026-01-05T08:00')).toBe('Tue 6 Jan 2026, 00:00 (day 1)');
    // across the end of February in a leap year, and through the March daylight-saving change (none in UTC)
    expect(formatWhen(at(24), at(0), '2028-02-28T00:00')).toBe('Tue 29 Feb 2028, 00:00 (day 1)');
    expect(formatWhen(at(24 * 30 + 2.5), at(0), '2026-03-01T00:00')).toBe('Tue 31 Mar 2026, 02:30 (day 30)');
  });

  it('falls back to the day and clock without a date, or with a date that does not exist', () => {
    expect(formatWhen(at(30), at(8), null)).toBe('day 1, 14:00');
    expect(formatWhen(at(30), at(8), '2026-02-30T08:00')).toBe('day 1, 14:00');
  });
});

describe('formatDay', () => {
  it('writes the date alone, or the day of the run without a calendar', () => {
    expect(formatDay((2190 * 86_400_000 + 8 * 60_000) as Milliseconds, 0 as Milliseconds, '2026-01-01T00:00')).toBe(
      'Wed 31 Dec 2031',
    );
    expect(formatDay((3 * 86_400_000) as Milliseconds, 0 as Milliseconds, null)).toBe('day 3');
  });
});
