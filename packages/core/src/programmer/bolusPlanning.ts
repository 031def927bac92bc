import { doseToRate } from '../drug/doseToRate.ts';
import type { BolusRequest } from '../pump/bolus.ts';
import { ok, type Result, refuse } from '../refusal.ts';
import { divide } from '../units/mulDiv.ts';
import type { McgPerMl, Nanolitres, PicogramsPerDay } from '../units/quantity.ts';
import { MS_PER_DAY } from '../units/time.ts';

/** The volume a priming bolus must move: the pump tubing plus the implanted catheter. */
export const primingVolume = (pumpTubing: Nanolitres, catheter: Nanolitres): Nanolitres =>
  (pumpTubing + catheter) as Nanolitres;

/** What a bridge bolus is planned from. */
export interface BolusPlanningOptions {
  /** Pump tubing plus implanted catheter volume, holding the old drug. */
  readonly deadVolume: Nanolitres;
  /** The daily dose to keep. */
  readonly dose: PicogramsPerDay;
  readonly oldConcentration: McgPerMl;
}

/**
 * A bridge bolus for a concentration change: it moves the dead volume (pump tubing and catheter,
 * still holding the old drug) at the flow that gives the daily dose at the OLD concentration, so the
 * patient's dose stays right until the new drug reaches the tip; the new basal flow follows.
 * @example 0.3 mL, 400 mcg/day, old 2000 mcg/mL: 0.2 mL/day for 1.5 days
 */
export function planBridgeBolus(options: BolusPlanningOptions): Result<BolusRequest> {
  const rate = doseToRate(options.dose, options.oldConcentration);
  if (rate === 0 || options.deadVolume === 0) {
    return refuse('bolus.invalid', 'A bridge bolus needs a daily dose and a dead volume greater than zero.');
  }
  // duration = volume / rate, to the nearest millisecond
  const durationMs = divide(options.deadVolume * MS_PER_DAY, rate, 'nearest');
  return ok({ kind: 'bridge', volume: options.deadVolume, durationMs });
}
