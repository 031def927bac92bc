import { describe, expect, it } from 'vitest';
import { moveToVisit } from './moveToVisit.ts';

const refill = {
  name: 'Training: a refill with a discrepancy',
  training: {
    visitAt: 'P35D',
    objectives: [
      { text: 'Interrogate the pump', event: 'pump.interrogated', after: 'P28D' },
      { text: 'Refill', event: 'refill.recorded', before: 'P29D' },
      { text: 'Out of withdrawal', never: 'patient.withdrawal.early' },
    ],
    plan: [
      { at: 'P28D', do: 'interrogate' },
      { at: 'P28DT1H', do: 'refill', volumeMl: 18 },
    ],
  },
};

describe('moveToVisit', () => {
  it('moves the plan to start at the visit a week later, and the windows by the same week', () => {
    const moved = moveToVisit(refill);
    expect(moved?.byMs).toBe(7 * 86_400_000);
    const training = moved?.doc.training as typeof refill.training;
    expect(training.plan).toEqual([
      { at: 'P35D', do: 'interrogate' },
      { at: 'P35DT1H', do: 'refill', volumeMl: 18 },
    ]);
    expect(training.objectives).toEqual([
      { text: 'Interrogate the pump', event: 'pump.interrogated', after: 'P35D' },
      { text: 'Refill', event: 'refill.recorded', before: 'P36D' },
      { text: 'Out of withdrawal', never: 'patient.withdrawal.early' },
    ]);
    // the document edited is left as it was
    expect(refill.training.plan[0]?.at).toBe('P28D');
  });

  it('moves earlier too, never before the start, and leaves what it cannot read as it is', () => {
    const early = moveToVisit({
      training: { visitAt: 'P1D', objectives: [{ before: 'P2D' }, { after: 'day two' }], plan: [{ at: 'P3D' }] },
    });
    if (early === null) throw new Error('a plan after the visit moves');
    expect(early.byMs).toBe(-2 * 86_400_000);
    expect((early.doc.training as { objectives: unknown[] }).objectives).toEqual([
      { before: 'P0D' },
      { after: 'day two' },
    ]);
  });

  it('has nothing to move without a plan, or with a plan that starts at the visit', () => {
    expect(moveToVisit({ training: { visitAt: 'P1D', objectives: [] } })).toBeNull();
    expect(moveToVisit({ training: { visitAt: 'P28D', plan: [{ at: 'P28D' }] } })).toBeNull();
    expect(moveToVisit({})).toBeNull();
  });
});
