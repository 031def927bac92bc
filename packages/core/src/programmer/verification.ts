import type { PumpUpdate } from '../pump/applyUpdate.ts';
import type { PumpBeliefView } from '../pump/pumpStatus.ts';
import { programOfView, sameProgram } from './programOfView.ts';

/** What an interrogation after sending must show for the update to count as verified. */
export interface Expectation {
  readonly update: PumpUpdate;
  /** Whether therapy must be running (every update ends by restarting the pump). */
  readonly mustRun: boolean;
}

/** The calculated volume may have fallen a little while the messages travelled: up to 0.01 mL. */
const RESERVOIR_SLACK = 10_000;

/**
 * Whether the pump, as interrogated, holds what was sent: the same program, reservoir volume (less
 * what it delivered since), alarm threshold and catheter data, and is no longer stopped by the session.
 */
export function verifyAgainst(view: PumpBeliefView, expected: Expectation): boolean {
  const { update } = expected;
  if (expected.mustRun && (view.suspended || view.state === 'endOfService' || view.state === 'error')) return false;
  if (update.program !== undefined) {
    if (!sameProgram(programOfView(view), update.program)) return false;
  }
  if (update.calculatedReservoir !== undefined) {
    const v = view.calculatedReservoir;
    if (v > update.calculatedReservoir || v < update.calculatedReservoir - RESERVOIR_SLACK) return false;
  }
  if (update.lowReservoirThreshold !== undefined && view.lowReservoirThreshold !== update.lowReservoirThreshold)
    return false;
  if (update.catheterVolumeEntered !== undefined && view.catheterVolumeEntered !== update.catheterVolumeEntered)
    return false;
  return true;
}
