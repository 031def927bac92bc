import { describe, expect, it } from 'vitest';
import { formatDuration, meets, parseDuration, parseTimeOfDay } from '../src/index.ts';

const H = 3_600_000;
const D = 24 * H;

describe('parseDuration (ISO 8601 with days, hours, minutes and seconds)', () => {
  it('reads each part and their sums, seconds to the millisecond', () => {
    expect(parseDuration('P0D')).toBe(0);
    expect(parseDuration('P36D')).toBe(36 * D);
    expect(parseDuration('PT1H')).toBe(H);
    expect(parseDuration('PT30M')).toBe(30 * 60_000);
    expect(parseDuration('PT2.4S')).toBe(2400);
    expect(parseDuration('PT0.001S')).toBe(1);
    expect(parseDuration('P1DT1H30M2.5S')).toBe(D + H + 30 * 60_000 + 2500);
  });

  it('refuses what is not one: empty parts, weeks, years, a fourth decimal, a sign, beyond safe integers', () => {
    for (const bad of ['', 'P', 'PT', 'P1DT', 'P1W', 'P1Y', 'PT1.0001S', '-P1D', 'P1D ', '1D', `P${'9'.repeat(20)}D`])
      expect(parseDuration(bad), bad).toBeNull();
  });
});

describe('formatDuration', () => {
  it('writes the shortest form, with days only when there are any or nothing else', () => {
    expect(formatDuration(0)).toBe('P0D');
    expect(formatDuration(36 * D)).toBe('P36D');
    expect(formatDuration(H)).toBe('PT1H');
    expect(formatDuration(D + H + 30 * 60_000 + 2500)).toBe('P1DT1H30M2.5S');
    expect(formatDuration(60_000)).toBe('PT1M');
    expect(formatDuration(1)).toBe('PT0.001S');
  });

  it('is read back as the same milliseconds', () => {
    for (const ms of [0, 1, 999, 59_999, H - 1, D - 1, D, 7 * 365 * D + 12_345])
      expect(parseDuration(formatDuration(ms))).toBe(ms);
  });
});

describe('parseTimeOfDay', () => {
  it('reads HH:MM, or a date and time whose date is ignored, up to 23:59', () => {
    expect(parseTimeOfDay('00:00')).toBe(0);
    expect(parseTimeOfDay('08:30')).toBe(8 * H + 30 * 60_000);
    expect(parseTimeOfDay('23:59')).toBe(23 * H + 59 * 60_000);
    expect(parseTimeOfDay('2026-11-22T07:05')).toBe(7 * H + 5 * 60_000);
  });

  it('refuses hours past 23, minutes past 59, and other shapes', () => {
    for (const bad of ['24:00', '23:60', '8:30', '08:30:00', '0830', 'x08:30', '2026-11-22 07:05', ''])
      expect(parseTimeOfDay(bad), bad).toBeNull();
  });
});

describe('meets (how an expectation judges an observed value)', () => {
  it('compares exactly without a tolerance', () => {
    expect(meets('simple', 'simple')).toBe(true);
    expect(meets('simple', 'flex')).toBe(false);
    expect(meets(1, 1)).toBe(true);
    expect(meets(1, 1.0000001)).toBe(false);
    expect(meets(null, null)).toBe(true);
  });

  it('takes near/within and min/max at their bounds, with a hair for decimal display, and never a text', () => {
    expect(meets({ near: 10, within: 0.5 }, 10.5)).toBe(true);
    expect(meets({ near: 10, within: 0.5 }, 9.5)).toBe(true);
    expect(meets({ near: 10, within: 0.5 }, 10.5000001)).toBe(false);
    expect(meets({ near: 10, within: 0.5 }, 9.4999999)).toBe(false);
    expect(meets({ near: 0.3, within: 0 }, 0.1 + 0.2)).toBe(true);
    expect(meets({ min: 1, max: 2 }, 1)).toBe(true);
    expect(meets({ min: 1, max: 2 }, 2)).toBe(true);
    expect(meets({ min: 1, max: 2 }, 0.9999999)).toBe(false);
    expect(meets({ min: 1, max: 2 }, 2.0000001)).toBe(false);
    expect(meets({ min: 1, max: 2 }, '1.5')).toBe(false);
    expect(meets({ near: 1, within: 1 }, undefined)).toBe(false);
  });
});
