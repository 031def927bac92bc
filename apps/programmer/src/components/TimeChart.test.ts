import type uPlot from 'uplot';
import { describe, expect, it } from 'vitest';
import { timeTicks } from './TimeChart.tsx';

const ticks = (min: number, max: number, splits: number[]) =>
  timeTicks({ scales: { x: { min, max } } } as unknown as uPlot, splits);

// Labels that used to read "0 min 0 min 0 min" or "7.2 min14.4 min" on a short span.
describe('the time axis', () => {
  it('uses the unit the span reads in, with the decimals the spacing needs: no two ticks alike', () => {
    // 0 to 30 s: seconds, 5 s apart
    expect(
      ticks(
        0,
        30 / 86_400,
        [0, 5, 10].map((s) => s / 86_400),
      ),
    ).toEqual(['0 s', '5 s', '10 s']);
    // 0 to 1 h: minutes, 7.2 min apart
    expect(ticks(0, 1 / 24, [0, 0.005, 0.01])).toEqual(['0.0 min', '7.2 min', '14.4 min']);
    // a day: hours, 6 h apart
    expect(ticks(0, 1, [0, 0.25, 0.5])).toEqual(['0 h', '6 h', '12 h']);
    // a year: days, 50 apart
    expect(ticks(0, 365, [0, 50, 100])).toEqual(['0 d', '50 d', '100 d']);
  });
});
