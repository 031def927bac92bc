import { describe, expect, it } from 'vitest';
import { dayAndClockOf, durationAt, spanWords, whenWords } from './exerciseTime.ts';

describe('exerciseTime', () => {
  it('reads a duration as the day of the run and the clock time', () => {
    expect(dayAndClockOf('P3DT8H30M')).toEqual({ day: 3, minutes: 510 });
    expect(dayAndClockOf('PT2H')).toEqual({ day: 0, minutes: 120 });
    expect(dayAndClockOf('3 days')).toBeNull();
    expect(whenWords('P28D')).toBe('day 28, 00:00');
  });

  it('counts days and clock times from the time of day the exercise starts at', () => {
    // a run that starts at 09:00: 20 hours in is 05:00 the next day
    expect(dayAndClockOf('PT20H', 9 * 3_600_000)).toEqual({ day: 1, minutes: 300 });
    expect(durationAt({ day: 1, minutes: 300 }, 9 * 3_600_000)).toBe('PT20H');
    expect(durationAt({ day: 0, minutes: 60 }, 9 * 3_600_000)).toBeNull();
  });

  it('writes a day and clock time back as the duration the format holds', () => {
    expect(durationAt({ day: 3, minutes: 0 })).toBe('P3D');
    expect(durationAt({ day: 35, minutes: 10 * 60 })).toBe('P35DT10H');
    expect(durationAt({ day: 0, minutes: 0 })).toBe('P0D');
  });

  it('says a length of time in words', () => {
    expect(spanWords('P3DT4H')).toBe('3 days 4 hours');
    expect(spanWords('PT1H1M')).toBe('1 hour 1 minute');
    expect(spanWords('nonsense')).toBe('nonsense');
  });
});
