import { describe, expect, it } from 'vitest';
import { upgradeSessionSnapshot } from '../src/sim/upgradeSessionSnapshot.ts';

describe('a programmer session saved before pumps named their drug', () => {
  it('gives each pump reading in its context baclofen alone and an unrecorded opioid history', () => {
    const old = {
      value: 'interrogated',
      context: {
        interrogated: { serial: 'SN-1', concentration: 500 },
        replaced: null,
        note: 'kept',
      },
    };
    expect(upgradeSessionSnapshot(old)).toEqual({
      value: 'interrogated',
      context: {
        interrogated: { serial: 'SN-1', concentration: 500, drug: 'baclofen', admixed: [], opioidHistory: 'unknown' },
        replaced: null,
        note: 'kept',
      },
    });
  });

  it('leaves a reading that names its drug as it is', () => {
    const reading = { serial: 'SN-2', concentration: 10_000, drug: 'morphine', admixed: [], opioidHistory: 'tolerant' };
    expect(upgradeSessionSnapshot({ context: { interrogated: reading } })).toEqual({
      context: { interrogated: reading },
    });
  });

  it('returns what is not a session with a context object untouched', () => {
    for (const s of [null, 3, 'x', { value: 'idle' }, { context: null }, { context: 'idle' }]) {
      expect(upgradeSessionSnapshot(s)).toBe(s);
    }
  });
});
