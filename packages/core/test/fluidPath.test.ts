import { describe, expect, it } from 'vitest';
import {
  advancePump,
  createPumpState,
  fluidAt,
  hoursToMs,
  injectIntoReservoir,
  type Milliseconds,
  massOf,
  mcgPerMl,
  type Nanolitres,
  pumpTruthView,
} from '../src/index.ts';
import { buildPumpInput } from '../src/testing/index.ts';
import { pumpAfterConcentrationSwitch } from './concentrationSwitch.ts';

const MCG = 1_000_000;

describe('plug flow through pump tubing and catheter', () => {
  it('a 2000 to 500 mcg/mL switch at 400 mcg/day pushes 600 mcg out of 0.3 mL dead volume in 9 hours (4x the intended 150)', () => {
    // tubing 0.2 mL + catheter 0.1 mL hold 2000 mcg/mL; the reservoir is emptied and filled with 500 mcg/mL
    const switched = pumpAfterConcentrationSwitch();
    let pump = advancePump(switched, hoursToMs(9));
    expect(pumpTruthView(pump).delivered).toEqual({ volume: 300_000, masses: { baclofen: 600 * MCG } });
    // the rest of the day is new drug at 500 mcg/mL: 0.5 mL, 250 mcg
    pump = advancePump(pump, hoursToMs(24));
    expect(pumpTruthView(pump).delivered).toEqual({ volume: 800_000, masses: { baclofen: 850 * MCG } });
    expect(pumpTruthView(pump).catheter).toEqual({ volume: 100_000, masses: { baclofen: 50 * MCG } });
  });

  it('with the catheter primed empty nothing reaches the patient until the dead volume is pushed through', () => {
    let pump = createPumpState(buildPumpInput({ primedWith: 'empty', catheterVolume: 100_000 as Nanolitres }));
    // 250 mcg/day at 500 mcg/mL is 0.5 mL/day: 0.3 mL of dead volume takes 14.4 h
    pump = advancePump(pump, (hoursToMs(14) + 24 * 60_000) as Milliseconds);
    expect(pumpTruthView(pump).delivered).toEqual({ volume: 300_000, masses: {} });
    pump = advancePump(pump, (hoursToMs(24 + 14) + 24 * 60_000) as Milliseconds);
    expect(massOf(pumpTruthView(pump).delivered, 'baclofen')).toBe(250 * MCG);
  });

  it('a refill mixes with the residual by mass, and the mixture leaves with its mass-weighted concentration', () => {
    let pump = createPumpState(
      buildPumpInput({ reservoirVolume: 4_000_000 as Nanolitres, catheterVolume: 0 as Nanolitres }),
    );
    const filled = injectIntoReservoir(pump, fluidAt(16_000_000 as Nanolitres, mcgPerMl(2000)));
    if (!filled.ok) throw new Error(filled.refusal.message);
    // 4 mL at 500 + 16 mL at 2000 = 20 mL holding 34 000 mcg: 1700 mcg/mL
    expect(pumpTruthView(filled.value).reservoir).toEqual({ volume: 20_000_000, masses: { baclofen: 34_000 * MCG } });
    pump = advancePump(filled.value, hoursToMs(48));
    // two days at 0.5 mL/day: 0.2 mL of tubing at 500 mcg/mL, then 0.8 mL of mixture at 1700 mcg/mL
    expect(pumpTruthView(pump).delivered).toEqual({ volume: 1_000_000, masses: { baclofen: (100 + 1360) * MCG } });
  });

  it('rounds a portion of a mixture down to the picogram and keeps the remainder with the rest', () => {
    let pump = createPumpState(buildPumpInput({ reservoirVolume: 3 as Nanolitres, catheterVolume: 0 as Nanolitres }));
    const filled = injectIntoReservoir(pump, fluidAt(1 as Nanolitres, mcgPerMl(1)));
    if (!filled.ok) throw new Error(filled.refusal.message);
    // 4 nL holding 1501 pg; 0.5 mL/day moves 1 nL each 172.8 ms
    pump = advancePump(filled.value, 173 as Milliseconds);
    const truth = pumpTruthView(pump);
    expect(truth.reservoir).toEqual({ volume: 3, masses: { baclofen: 1126 } });
    expect(massOf(truth.tubing, 'baclofen') + massOf(truth.delivered, 'baclofen')).toBe(100_000_000 + 375);
  });

  it('refuses to overfill the reservoir and changes nothing', () => {
    const pump = createPumpState(buildPumpInput({ reservoirVolume: 15_000_000 as Nanolitres }));
    const r = injectIntoReservoir(pump, fluidAt(5_000_001 as Nanolitres, mcgPerMl(500)));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.refusal.code).toBe('reservoir.overCapacity');
  });
});
