import { describe, expect, it } from 'vitest';
import { parseClock } from './parseClock.ts';

describe('parseClock', () => {
  it('reads HH:MM as minutes after midnight', () => {
    expect(parseClock('Start', '00:00')).toEqual({ ok: true, value: 0 });
    expect(parseClock('Start', ' 08:30 ')).toEqual({ ok: true, value: 510 });
    expect(parseClock('Start', '23:59')).toEqual({ ok: true, value: 1439 });
  });

  it('says where, what was expected and what was found', () => {
    expect(parseClock('Step 2 start', '24:00')).toEqual({
      ok: false,
      message: 'Step 2 start: expected a time HH:MM from 00:00 to 23:59, found "24:00".',
    });
    expect(parseClock('Step 2 start', '8:30')).toMatchObject({ ok: false });
    expect(parseClock('Step 2 start', '')).toEqual({
      ok: false,
      message: 'Step 2 start: expected a time HH:MM from 00:00 to 23:59, found nothing.',
    });
  });
});
