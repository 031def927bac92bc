import { describe, expect, it } from 'vitest';
import { createPumpState, forecastDates, type Milliseconds, MS_PER_DAY, pumpBeliefView } from '../src/index.ts';
import { buildPumpInput, simpleProgram } from '../src/testing/index.ts';

// The battery dates the programmer shows before ERI, worked by hand from the profile's battery model:
// 7,665,000,000 units; 3,000,000 a day at rest plus 1 per nanolitre pumped; EOS 90 days after ERI.
const days = (d: number) => d * MS_PER_DAY;
const dates = (dose: number, ageDays = 0) =>
  forecastDates(
    pumpBeliefView(
      createPumpState(buildPumpInput({ program: simpleProgram(dose), ageAtStart: days(ageDays) as Milliseconds })),
      'running',
    ),
  );

describe('forecastDates: the battery', () => {
  it('expects ERI at 2190 days on 0.5 mL/day (3,500,000 units a day), and replacement 90 days later', () => {
    // 250 mcg/day at 500 mcg/mL is 0.5 mL/day: 7,665,000,000 / 3,500,000 = 2190 days
    const d = dates(250);
    expect(d.eriExpectedAt).toBe(days(2190));
    expect(d.replaceBy).toBe(days(2280));
  });

  it('counts the charge already used: a pump 1000 days old on the same flow reaches ERI 1190 days from now', () => {
    const d = dates(250, 1000);
    expect(d.eriExpectedAt).toBe(days(1190));
  });

  it('moves ERI sooner on a larger flow: 1 mL/day drains 4,000,000 a day, ERI at 1916.25 days', () => {
    // 500 mcg/day at 500 mcg/mL: 7,665,000,000 / 4,000,000 = 1916.25 days
    expect(dates(500).eriExpectedAt).toBe(days(1916.25));
  });
});

describe('forecastDates: what the pump already said', () => {
  it('once the pump reports ERI, replacement is 90 days after it; with no refill recorded there is no refill-by date from it', () => {
    const view = pumpBeliefView(createPumpState(buildPumpInput({ program: simpleProgram(250) })), 'running');
    const d = forecastDates({ ...view, eriAt: days(10) as Milliseconds, lastRefill: null });
    expect(d.eriExpectedAt).toBe(days(10));
    expect(d.replaceBy).toBe(days(100));
    expect(d.refillBy).toBe(d.lowReservoirAt);
  });
});
