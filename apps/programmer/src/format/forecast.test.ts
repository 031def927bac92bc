import type { Milliseconds, PicogramsPerDay } from '@itps/core';
import { describe, expect, it } from 'vitest';
import { doseNowWords, forecastWords } from './forecast.ts';

const when = (at: Milliseconds) => `day ${at / 86_400_000}`;
const sounding = { past: 'sounding since', expected: 'expected' };

describe('REQ-CALC-02: forecast words', () => {
  it('says the dose now is zero, and why, whenever the pump delivers nothing', () => {
    expect(doseNowWords({ dose: 0 as PicogramsPerDay, reason: 'reservoirEmpty', halted: true })).toBe(
      '0 mcg/day: stopped, reservoir empty',
    );
    expect(doseNowWords({ dose: 250_000_000 as PicogramsPerDay, reason: 'running', halted: false })).toBe(
      '250.0 mcg/day',
    );
  });

  it('says plainly when a date has already come', () => {
    expect(forecastWords({ status: 'past', at: (99 * 86_400_000) as Milliseconds }, when, sounding)).toBe(
      'sounding since day 99',
    );
    expect(forecastWords({ status: 'expected', at: (36 * 86_400_000) as Milliseconds }, when, sounding)).toBe(
      'expected day 36',
    );
    // 26 days and 12 hours after a restart: whole days, rounded down
    expect(forecastWords({ status: 'halted', afterRestart: (26.5 * 86_400_000) as Milliseconds }, when, sounding)).toBe(
      'none while the pump delivers nothing (26 days after therapy restarts)',
    );
    expect(forecastWords({ status: 'halted', afterRestart: null }, when, sounding)).toBe(
      'none while the pump delivers nothing',
    );
  });
});
