import { mulDiv } from '../units/mulDiv.ts';
import type { NanolitresPerDay } from '../units/quantity.ts';
import { batteryDrainPerDay } from './batteryLife.ts';
import { getDeviceProfile } from './deviceProfile.ts';
import type { PumpState } from './pumpState.ts';
import { reservoirVolume } from './reservoir.ts';
import { programmedRateAt, timeOfDayAt } from './therapyRate.ts';

/** Whether the pump has reached end of service (delivery stopped for good). */
export const isEndOfService = (state: PumpState): boolean =>
  state.battery.eosAt !== null && state.now >= state.battery.eosAt;

/**
 * The flow the pump commands its motor to deliver now: the program's rate, or zero while therapy
 * is suspended, the calculated reservoir is empty, or after end of service. This is also the
 * flow the pump subtracts from its calculated reservoir.
 */
export function commandedRate(state: PumpState): NanolitresPerDay {
  if (!state.therapyActive || state.belief.calculatedReservoir === 0 || isEndOfService(state)) {
    return 0 as NanolitresPerDay;
  }
  const tod = timeOfDayAt(state.now, state.timeOfDayAtStart);
  return programmedRateAt(state.program, getDeviceProfile(state.profileId), tod);
}

/**
 * The flow that really leaves the reservoir: the commanded flow with the pump's accuracy bias,
 * rounded to the nearest nL/day, and zero when the reservoir is really empty.
 */
export function actualRate(state: PumpState, commanded: NanolitresPerDay): NanolitresPerDay {
  if (commanded === 0 || reservoirVolume(state.truth.path.reservoir) === 0) return 0 as NanolitresPerDay;
  const bias = state.truth.biasPpm;
  if (bias === 0) return commanded;
  return mulDiv(commanded, 1_000_000 + bias, 1_000_000, 'nearest') as NanolitresPerDay;
}

/** Battery drain per day at a commanded flow. */
export const batteryDrainRate = (state: PumpState, commanded: NanolitresPerDay): number =>
  batteryDrainPerDay(getDeviceProfile(state.profileId), commanded);
