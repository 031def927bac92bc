import { describe, expect, it } from 'vitest';
import { getAt, samePath, setAt } from './draftPath.ts';

const doc = { pump: { reservoir: { volumeMl: 20 } }, timeline: [{ at: 'P1D' }, { at: 'P2D' }] };

describe('draftPath', () => {
  it("reads a value by dots or by the format's brackets", () => {
    expect(getAt(doc, 'pump.reservoir.volumeMl')).toBe(20);
    expect(getAt(doc, 'timeline[1].at')).toBe('P2D');
    expect(getAt(doc, 'timeline.1.at')).toBe('P2D');
    expect(getAt(doc, 'pump.catheter.implantedLengthCm')).toBeUndefined();
    expect(samePath('timeline[1].at')).toBe('timeline.1.at');
  });

  it('sets a value on a copy, leaving the original and the untouched branches as they were', () => {
    const next = setAt(doc, 'timeline.0.at', 'P3D');
    expect(next.timeline[0]).toEqual({ at: 'P3D' });
    expect(doc.timeline[0]).toEqual({ at: 'P1D' });
    expect(next.pump).toBe(doc.pump);
    expect(next.timeline[1]).toBe(doc.timeline[1]);
  });

  it('makes the missing steps, a list before a number', () => {
    expect(setAt({}, 'training.objectives.0.text', 'Interrogate')).toEqual({
      training: { objectives: [{ text: 'Interrogate' }] },
    });
  });

  it('removes a key or a list item when set to undefined', () => {
    expect(setAt(doc, 'pump.reservoir.volumeMl', undefined).pump.reservoir).toEqual({});
    expect(setAt(doc, 'timeline.0', undefined).timeline).toEqual([{ at: 'P2D' }]);
  });
});
