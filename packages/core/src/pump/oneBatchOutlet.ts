import type { DrugId } from '../drug/drug.ts';
import type { Milliseconds, Picograms } from '../units/quantity.ts';
import type { PumpState } from './pumpState.ts';

/**
 * Told, at every instant a steady run crosses where the flow at the tip may change and where it
 * stops, the mass of a drug that has left the tip into its sink so far (pg, cumulative, the sink's
 * own total), for whichever drug the observer asks (`tipMassOf`, valid during the call).
 */
export type TipObserver = (at: Milliseconds, tipMassOf: (drug: DrugId) => Picograms) => void;

/**
 * The batch offset at the catheter tip when the whole path, tip to reservoir, holds one unbroken run
 * of the reservoir's own batch (no concentration front anywhere, no breach holding fluid apart), or
 * null. Fluid leaving the tip is then the batch from that offset on, whatever is drawn.
 */
export function oneBatchOutlet(state: PumpState): number | null {
  const { path, catheter } = state.truth;
  if (catheter.breach !== null || path.catheterProximal.length > 0) return null;
  const { batch, drawn } = path.reservoir;
  let outlet: number | null = null;
  let next = -1;
  for (const tube of [path.catheter, path.tubing]) {
    for (const p of tube) {
      if (p.batch.id !== batch.id || (outlet !== null && p.from !== next)) return null;
      if (outlet === null) outlet = p.from;
      next = p.to;
    }
  }
  if (outlet === null) return drawn;
  return next === drawn ? outlet : null;
}
