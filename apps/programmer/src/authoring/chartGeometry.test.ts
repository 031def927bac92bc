import { describe, expect, it } from 'vitest';
import { linePath, niceMax, yOf } from './chartGeometry.ts';

const box = { xMax: 10, yMin: 0, yMax: 20, width: 100, height: 50 };

describe('chartGeometry', () => {
  it('draws a line through the points, up meaning more', () => {
    expect(
      linePath(
        [
          { x: 0, y: 20 },
          { x: 5, y: 10 },
          { x: 10, y: 0 },
        ],
        box,
      ),
    ).toBe('M0.0 0.0L50.0 25.0L100.0 50.0');
    expect(yOf(20, box)).toBe(0);
  });

  it('lifts the pen where a value is missing', () => {
    expect(
      linePath(
        [
          { x: 0, y: 0 },
          { x: 5, y: null },
          { x: 10, y: 0 },
        ],
        box,
      ),
    ).toBe('M0.0 50.0M100.0 50.0');
  });

  it('rounds a scale up to 1, 2 or 5 times a power of ten', () => {
    expect(niceMax([18.4, 3])).toBe(20);
    expect(niceMax([260])).toBe(500);
    expect(niceMax([0])).toBe(1);
    expect(niceMax([4], 20)).toBe(20);
  });
});
