import { describe, expect, it } from 'vitest';
import { concentrationAtTip, createPumpState, type Nanolitres, timeToTipConcentrationChange } from '../src/index.ts';
import { buildPumpInput, simpleProgram } from '../src/testing/index.ts';

// The concentration leaving the catheter tip, and when it will change, on paths worked by hand.
describe('the concentration at the catheter tip', () => {
  it('a drug-free path of 0.3 mL at 0.5 mL/day brings the reservoir drug to the tip in 0.6 days', () => {
    const pump = createPumpState(
      buildPumpInput({
        program: simpleProgram(250),
        primedWith: 'empty',
        catheterVolume: 100_000 as Nanolitres,
        pumpTubingVolume: 200_000 as Nanolitres,
      }),
    );
    expect(concentrationAtTip(pump)).toBe(0);
    // 300 000 nL x 86 400 000 ms / 500 000 nL/day
    expect(timeToTipConcentrationChange(pump)).toBe(51_840_000);
  });

  it('with no tubing and no catheter the tip sees the reservoir, and nothing will change there', () => {
    const pump = createPumpState(
      buildPumpInput({ catheterVolume: 0 as Nanolitres, pumpTubingVolume: 0 as Nanolitres }),
    );
    expect(concentrationAtTip(pump)).toBe(500);
    expect(timeToTipConcentrationChange(pump)).toBeNull();
  });

  it('an empty pump with an empty path has no concentration and no flow', () => {
    const pump = createPumpState(
      buildPumpInput({
        reservoirVolume: 0 as Nanolitres,
        catheterVolume: 0 as Nanolitres,
        pumpTubingVolume: 0 as Nanolitres,
      }),
    );
    expect(concentrationAtTip(pump)).toBe(0);
    expect(timeToTipConcentrationChange(pump)).toBeNull();
  });
});
