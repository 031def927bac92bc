import type { Milliseconds, NanolitresPerDay } from '../units/quantity.ts';
import { timeToAccumulate } from '../units/rateIntegral.ts';
import { actualRate, batteryDrainRate, commandedRate } from './deliveryRate.ts';
import { getDeviceProfile } from './deviceProfile.ts';
import { addsToBasal, type PumpState } from './pumpState.ts';
import { reservoirVolume } from './reservoir.ts';
import { nextFlexBoundary } from './therapyRate.ts';

/**
 * The next instant after `state.now` at which anything changes inside the pump by itself: a flex
 * step boundary, a bolus completing, the calculated volume reaching the low-reservoir threshold or
 * zero, the real reservoir running dry, a kink opening or closing, the motor recovering, ERI, or EOS.
 * Between now and then every rate is constant. `Infinity` when nothing will ever happen.
 */
export function nextDueTime(state: PumpState, commanded: NanolitresPerDay = commandedRate(state)): number {
  const now = state.now;
  // the soonest wait, a wait of zero or less counting as none
  let wait = Number.POSITIVE_INFINITY;
  const consider = (dt: number): void => {
    if (dt > 0 && dt < wait) wait = dt;
  };
  const rate = commanded;
  const { program, belief, truth, battery, bolus, motor } = state;
  if (rate > 0) {
    if (program.therapy.mode === 'flex' && (bolus === null || addsToBasal(bolus.kind))) {
      consider(nextFlexBoundary(program.therapy.steps, now, state.timeOfDayAtStart) - now);
    }
    if (bolus !== null) consider(timeToAccumulate(bolus.rate, bolus.carry, bolus.volume - bolus.delivered));
    const aboveThreshold = belief.calculatedReservoir - state.lowReservoirThreshold;
    if (aboveThreshold > 0) consider(timeToAccumulate(rate, belief.carry, aboveThreshold));
    consider(timeToAccumulate(rate, belief.carry, belief.calculatedReservoir));
    const real = actualRate(state, rate);
    consider(timeToAccumulate(real, truth.carry, reservoirVolume(truth.path.reservoir)));
    const { kink } = truth.catheter;
    if (kink !== null) {
      // a kink's cycle starts when it appears, never later than now
      const phase = (now - kink.since) % kink.periodMs;
      consider(phase < kink.kinkedMs ? kink.kinkedMs - phase : kink.periodMs - phase);
    }
  }
  if (motor.stall?.recoversAt != null) consider(motor.stall.recoversAt - now);
  if (battery.eriAt === null) {
    const capacity = getDeviceProfile(state.profileId).battery.capacity;
    consider(timeToAccumulate(batteryDrainRate(state, rate), battery.carry, capacity - battery.drained));
  } else if (battery.eosAt !== null && battery.eosAt > now) {
    consider(battery.eosAt - now);
  }
  return now + wait;
}

/** {@link nextDueTime} as a branded time, or null when nothing will happen. */
export function nextDueInstant(state: PumpState): Milliseconds | null {
  const due = nextDueTime(state);
  return Number.isFinite(due) ? (due as Milliseconds) : null;
}
