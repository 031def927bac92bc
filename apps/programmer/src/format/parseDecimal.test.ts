import { describe, expect, it } from 'vitest';
import { parseDecimal } from './parseDecimal.ts';

const range = { min: 0, max: 20, unit: 'mL' };

describe('parseDecimal', () => {
  it('reads plain decimals inside the range', () => {
    expect(parseDecimal('Volume', '18.5', range)).toEqual({ ok: true, value: 18.5 });
    expect(parseDecimal('Volume', ' 0 ', range)).toEqual({ ok: true, value: 0 });
  });
  it('says where, what was expected and what was found', () => {
    expect(parseDecimal('Volume', '1O', range)).toEqual({
      ok: false,
      message: 'Volume: expected a number from 0 to 20 mL, found "1O".',
    });
    expect(parseDecimal('Volume', '', range)).toEqual({
      ok: false,
      message: 'Volume: expected a number from 0 to 20 mL, found nothing.',
    });
    expect(parseDecimal('Volume', '25', range)).toEqual({
      ok: false,
      message: 'Volume: expected a number from 0 to 20 mL, found 25 mL.',
    });
    expect(parseDecimal('Volume', '-1', range).ok).toBe(false);
    expect(parseDecimal('Volume', '1e3', range).ok).toBe(false);
  });
});
