import { mulDiv } from '../units/mulDiv.ts';
import type { Milliseconds, NanolitresPerDay } from '../units/quantity.ts';
import { batteryDrainPerDay } from './batteryLife.ts';
import { getDeviceProfile } from './deviceProfile.ts';
import { addsToBasal, type CatheterCondition, type PumpState } from './pumpState.ts';
import { reservoirVolume } from './reservoir.ts';
import { programmedRateAt, timeOfDayAt } from './therapyRate.ts';

/** Whether the pump has reached end of service (delivery stopped for good). */
export const isEndOfService = (state: PumpState): boolean =>
  state.battery.eosAt !== null && state.now >= state.battery.eosAt;

/** Whether the pump has stopped its motor by itself or cannot turn it: empty, stalled, locked, failed, EOS. */
export const isMotorHalted = (state: PumpState): boolean =>
  state.belief.calculatedReservoir === 0 ||
  state.motor.stall !== null ||
  state.motor.awaitingInterrogation ||
  state.memoryError ||
  isEndOfService(state);

/** The basal flow the program asks for now (before any bolus or suspension). */
export function basalRate(state: PumpState): NanolitresPerDay {
  const tod = timeOfDayAt(state.now, state.timeOfDayAtStart);
  return programmedRateAt(state.program, getDeviceProfile(state.profileId), tod);
}

/**
 * The flow the pump commands its motor to deliver now, and subtracts from its calculated reservoir:
 * the basal flow plus a single bolus, or a priming or bridge bolus in place of the basal flow; zero
 * while therapy is suspended or the motor is halted.
 */
export function commandedRate(state: PumpState): NanolitresPerDay {
  if (!state.therapyActive || isMotorHalted(state)) return 0 as NanolitresPerDay;
  const { bolus } = state;
  if (bolus === null) return basalRate(state);
  if (addsToBasal(bolus.kind)) return (basalRate(state) + bolus.rate) as NanolitresPerDay;
  return bolus.rate;
}

/** Whether an intermittent kink blocks the catheter at `now`. */
export function isKinked(catheter: CatheterCondition, now: Milliseconds): boolean {
  const { kink } = catheter;
  if (kink === null || now < kink.since) return false;
  return (now - kink.since) % kink.periodMs < kink.kinkedMs;
}

/** Share of the commanded flow the catheter lets through now, in ppm. */
export function passablePpm(catheter: CatheterCondition, now: Milliseconds): number {
  // fluid escapes at a complete breach before it meets any blockage further down
  if (catheter.breach !== null && catheter.breach.escapePpm === 1_000_000) return 1_000_000;
  if (isKinked(catheter, now)) return 0;
  return 1_000_000 - catheter.occlusionPpm;
}

/**
 * The flow that really leaves the reservoir: the commanded flow with the pump's accuracy bias and
 * whatever the catheter lets through, rounded to the nearest nL/day; zero when the reservoir is
 * really empty.
 */
export function actualRate(state: PumpState, commanded: NanolitresPerDay): NanolitresPerDay {
  if (commanded === 0 || reservoirVolume(state.truth.path.reservoir) === 0) return 0 as NanolitresPerDay;
  return throughFlow(commanded, state.truth.biasPpm, passablePpm(state.truth.catheter, state.now));
}

/**
 * A commanded flow with a pump's accuracy bias and the share the catheter lets through (ppm), each
 * rounded to the nearest nL/day: the flow that leaves a reservoir that is not empty.
 */
export function throughFlow(commanded: NanolitresPerDay, biasPpm: number, passable: number): NanolitresPerDay {
  const biased = biasPpm === 0 ? commanded : mulDiv(commanded, 1_000_000 + biasPpm, 1_000_000, 'nearest');
  return (passable === 1_000_000 ? biased : mulDiv(biased, passable, 1_000_000, 'nearest')) as NanolitresPerDay;
}

/** Battery drain per day at a commanded flow. */
export const batteryDrainRate = (state: PumpState, commanded: NanolitresPerDay): number =>
  batteryDrainPerDay(getDeviceProfile(state.profileId), commanded);
