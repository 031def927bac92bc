import { describe, expect, it } from 'vitest';
import { createPumpState, type Nanolitres } from '../src/index.ts';
import { observedPainIntake, painIntakeFrom, startingDailyDoseMcg } from '../src/sim/painIntake.ts';
import { buildPumpInput, drugProgram } from '../src/testing/index.ts';

const ml = (x: number) => (x * 1_000_000) as Nanolitres;
/** A pump programmed for 1 mg/day of morphine at 1 mg/mL, holding `volume` in its reservoir. */
const pump = (volume: Nanolitres) =>
  createPumpState(buildPumpInput({ program: drugProgram('morphine', 1, 1), reservoirVolume: volume }));

describe('the morphine a patient receives from the pump', () => {
  it('starts at the programmed 1000 mcg/day from a filled reservoir, and none from a reservoir empty in belief or in truth', () => {
    expect(startingDailyDoseMcg(pump(ml(20)), 'running', 'morphine')).toBeCloseTo(1000, 9);
    // an empty pump believes itself stopped: nothing
    expect(startingDailyDoseMcg(pump(ml(0)), 'running', 'morphine')).toBe(0);
    // one that believes itself full and running while in truth its reservoir holds nothing (no volume,
    // so no concentration): nothing either
    const full = pump(ml(20));
    const { path } = full.truth;
    const drained = {
      ...full,
      truth: {
        ...full.truth,
        path: { ...path, reservoir: { ...path.reservoir, batch: { ...path.reservoir.batch, volume: 0, masses: {} } } },
      },
    } as typeof full;
    expect(startingDailyDoseMcg(drained, 'running', 'morphine')).toBe(0);
  });

  it('adds no volume to the spinal fluid from a reservoir with no morphine in it', () => {
    const empty = pump(ml(0));
    const before = painIntakeFrom(empty, 'morphine');
    expect(observedPainIntake(empty, 'morphine', before.csf + 500)).toEqual({
      ...before,
      csf: before.csf + 500,
      csfVolume: before.csfVolume,
    });
  });
});
