import { MS_PER_DAY, MS_PER_HOUR } from '@itps/core';
import { describe, expect, it } from 'vitest';
import { dayTicks, instantAfterKey, instantAt, spanOf } from './timelineScale.ts';

const DAY = MS_PER_DAY;
const HOUR = MS_PER_HOUR;

describe('timelineScale', () => {
  it('shows the exercise to its end, or a day past an item placed after it', () => {
    expect(spanOf(30 * DAY, [3 * DAY])).toBe(30 * DAY);
    expect(spanOf(30 * DAY, [35 * DAY])).toBe(36 * DAY);
    expect(spanOf(null, [])).toBe(DAY);
  });

  it('turns a place along a 10-day timeline into an instant snapped to the hour', () => {
    expect(instantAt(0.3, 10 * DAY)).toBe(3 * DAY);
    // 0.301 of 240 h is 72.24 h: the hour is 72
    expect(instantAt(0.301, 10 * DAY)).toBe(72 * HOUR);
    expect(instantAt(-0.2, 10 * DAY)).toBe(0);
    expect(instantAt(1.5, 10 * DAY)).toBe(10 * DAY);
  });

  it('moves by an hour with an arrow, a day with Shift or Page keys, to the ends with Home and End, past the end shown', () => {
    expect(instantAfterKey('ArrowRight', false, 2 * DAY, 10 * DAY)).toBe(2 * DAY + HOUR);
    expect(instantAfterKey('ArrowRight', true, 2 * DAY, 10 * DAY)).toBe(3 * DAY);
    expect(instantAfterKey('PageDown', false, 2 * DAY, 10 * DAY)).toBe(DAY);
    expect(instantAfterKey('ArrowLeft', false, 0, 10 * DAY)).toBe(0);
    expect(instantAfterKey('End', false, 0, 10 * DAY)).toBe(10 * DAY);
    // past the end shown: the timeline grows with the marker
    expect(instantAfterKey('PageUp', false, 10 * DAY, 10 * DAY)).toBe(11 * DAY);
    expect(instantAfterKey('a', false, 0, 10 * DAY)).toBeNull();
  });

  it('labels every day of a week, every week of five', () => {
    expect(dayTicks(7 * DAY)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(dayTicks(36 * DAY)).toEqual([0, 7, 14, 21, 28, 35]);
  });
});
