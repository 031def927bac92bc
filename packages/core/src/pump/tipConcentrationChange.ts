import type { DrugId } from '../drug/drug.ts';
import type { Milliseconds } from '../units/quantity.ts';
import { MS_PER_DAY } from '../units/time.ts';
import { actualRate, commandedRate } from './deliveryRate.ts';
import { drugConcentration, sameConcentrations } from './fluid.ts';
import type { PumpState } from './pumpState.ts';

/**
 * The concentration of a drug (the program's drug unless named) in the fluid leaving the catheter
 * tip now (mcg/mL, which is pg/nL): the batch at the catheter's outlet, or the reservoir's when the
 * path holds nothing. A ratio for plots and reports, not a quantity that is summed.
 */
export function concentrationAtTip(state: PumpState, drug: DrugId = state.program.drug): number {
  const path = state.truth.path;
  const outlet = path.catheter[0] ?? path.catheterProximal[0] ?? path.tubing[0];
  return drugConcentration(outlet?.batch ?? path.reservoir.batch, drug);
}

/**
 * How long until fluid of a different concentration (of any drug) starts to leave the catheter tip at the
 * current flow, or null if that never happens at this flow (no flow, or one concentration all the
 * way back to the reservoir). Lets an observer of the tip (the patient model) cut time where the
 * drug rate at the tip changes although the pump itself has no event there (a concentration front
 * arriving after a refill). With a breach the flow past it is smaller, so the answer may come early,
 * never late.
 */
export function timeToTipConcentrationChange(state: PumpState): Milliseconds | null {
  const rate = actualRate(state, commandedRate(state));
  if (rate === 0) return null;
  const path = state.truth.path;
  const outlet = path.catheter[0] ?? path.catheterProximal[0] ?? path.tubing[0];
  if (outlet === undefined) return null;
  const atTip = outlet.batch;
  let volume = 0;
  for (const tube of [path.catheter, path.catheterProximal, path.tubing]) {
    for (const portion of tube) {
      if (!sameConcentrations(portion.batch, atTip)) return after(volume, rate);
      volume += portion.to - portion.from;
    }
  }
  return sameConcentrations(path.reservoir.batch, atTip) ? null : after(volume, rate);
}

const after = (volume: number, ratePerDay: number): Milliseconds =>
  Math.max(1, Math.ceil((volume * MS_PER_DAY) / ratePerDay)) as Milliseconds;
