import {
  applyUpdate,
  createPumpState,
  fluidAt,
  injectIntoReservoir,
  mcgPerMl,
  type Nanolitres,
  type PumpState,
} from '../src/index.ts';
import { buildPumpInput, simpleProgram } from '../src/testing/index.ts';

/**
 * The pump of the bridge-bolus golden figures, just after a switch from 2000 to 500 mcg/mL at
 * 400 mcg/day: its 0.2 mL of tubing and 0.1 mL of catheter still hold 2000 mcg/mL, the reservoir
 * holds 20 mL of 500 mcg/mL only, and the new program is committed.
 */
export function pumpAfterConcentrationSwitch(): PumpState {
  const pump = createPumpState(
    buildPumpInput({
      program: simpleProgram(400, 2000),
      reservoirVolume: 0 as Nanolitres,
      catheterVolume: 100_000 as Nanolitres,
    }),
  );
  const filled = injectIntoReservoir(pump, fluidAt(20_000_000 as Nanolitres, mcgPerMl(500)));
  if (!filled.ok) throw new Error(filled.refusal.message);
  const updated = applyUpdate(filled.value, {
    program: simpleProgram(400, 500),
    calculatedReservoir: 20_000_000 as Nanolitres,
  });
  if (!updated.ok) throw new Error(updated.refusal.message);
  return updated.value;
}
