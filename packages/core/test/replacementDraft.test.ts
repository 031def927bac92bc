import { describe, expect, it } from 'vitest';
import {
  createPumpState,
  EMPTY_DRAFT,
  type McgPerMl,
  type Nanolitres,
  pumpBeliefView,
  type RefillProgress,
  replacementDraft,
} from '../src/index.ts';
import { buildPumpInput } from '../src/testing/index.ts';

// The new pump as read: a 20 mL SynchroMed-like pump (0.2 mL of tubing, 24 mL/day at most, 1.4 mL of
// dead space) holding 500 mcg/mL of baclofen; the old pump: 250 mcg/day of it, 0.104 mL of catheter.
const view = pumpBeliefView(createPumpState(buildPumpInput({})), 'running');
const old = { ...view, serial: `${view.serial}-OLD` };
const filled = (concentration: number): RefillProgress => ({
  aspirated: 18_600_000 as Nanolitres,
  aspirations: 1,
  injected: { volume: 18_000_000 as Nanolitres, concentration: concentration as McgPerMl },
});

describe('replacementDraft', () => {
  it('is nothing until the new pump is aspirated and filled', () => {
    const entry = { catheter: 'kept', priming: 'tubing' } as const;
    expect(replacementDraft(view, old, null, entry)).toBeNull();
    expect(replacementDraft(view, old, { aspirated: null, aspirations: 0, injected: null }, entry)).toBeNull();
    expect(
      replacementDraft(view, old, { aspirated: 18_600_000 as Nanolitres, aspirations: 1, injected: null }, entry),
    ).toBeNull();
  });

  it('with a new catheter primes tubing and catheter at 24 mL/day; without its volume, the tubing alone', () => {
    // 0.2 + 0.15 mL = 0.35 mL at 24 mL/day: 0.35 / 24 x 86 400 000 ms = 1 260 000 ms (21 minutes)
    const d = replacementDraft(view, old, filled(500), {
      catheter: 'new',
      newCatheterVolume: 150_000 as Nanolitres,
      priming: 'tubingAndCatheter',
    });
    expect(d).toEqual({
      ...EMPTY_DRAFT,
      update: {
        program: { drug: 'baclofen', concentration: 500, therapy: old.therapy },
        // 1.4 mL left by aspiration and 18 mL injected
        calculatedReservoir: 19_400_000,
        lowReservoirThreshold: old.lowReservoirThreshold,
        catheterVolumeEntered: 150_000,
      },
      bolus: { kind: 'priming', volume: 350_000, durationMs: 1_260_000 },
      bridgeDecision: null,
      replacementCatheter: 'new',
    });
    // no catheter volume entered: 0 mL of catheter, the priming is the tubing's 0.2 mL (720 000 ms)
    const unknown = replacementDraft(view, old, filled(500), { catheter: 'new', priming: 'tubingAndCatheter' });
    expect(unknown?.update.catheterVolumeEntered).toBe(0);
    expect(unknown?.bolus).toEqual({ kind: 'priming', volume: 200_000, durationMs: 720_000 });
  });

  it('without priming has no bolus; a new strength keeps the old program at it and bridges nothing', () => {
    const d = replacementDraft(view, old, filled(1000), { catheter: 'kept', priming: 'none' });
    expect(d?.bolus).toBeNull();
    expect(d?.update.program).toEqual({ drug: 'baclofen', concentration: 1000, therapy: old.therapy });
    expect(d?.update.catheterVolumeEntered).toBe(old.catheterVolumeEntered);
    expect(d?.bridgeDecision).toBe('none');
  });
});
