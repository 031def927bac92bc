import type { DeviceProfile } from '../pump/deviceProfile.ts';
import type { PumpProgram } from '../pump/program.ts';
import { nextFlexBoundary, programmedRateAt, timeOfDayAt } from '../pump/therapyRate.ts';
import type { Milliseconds, Nanolitres } from '../units/quantity.ts';
import { integrateRate, timeToAccumulate } from '../units/rateIntegral.ts';
import { MS_PER_DAY } from '../units/time.ts';

/** When the calculated reservoir will reach the alarm threshold and empty, if therapy runs as programmed. */
export interface ReservoirForecast {
  /** Null when the volume is already at or below the threshold, or never gets there. */
  readonly lowReservoirAt: Milliseconds | null;
  /** Null when the reservoir is already empty, or the program never empties it. */
  readonly emptyAt: Milliseconds | null;
}

/** What the forecast starts from: the pump's belief as an interrogation returns it. */
export interface ForecastInput {
  readonly now: Milliseconds;
  readonly timeOfDayAtStart: Milliseconds;
  readonly calculatedReservoir: Nanolitres;
  readonly threshold: Nanolitres;
  readonly program: PumpProgram;
  readonly profile: DeviceProfile;
  /** How far ahead to look; default two years. */
  readonly horizon?: Milliseconds;
}

/**
 * Forecasts the low-reservoir and empty instants by running the program forward from the
 * calculated volume, flex step by flex step, with the pump's own exact integrator.
 * @example 20 mL at 500 mcg/mL and 250 mcg/day with a 2 mL threshold: low reservoir in exactly 36 days
 */
export function forecastReservoir(input: ForecastInput): ReservoirForecast {
  const { program, profile, threshold } = input;
  const horizon = input.now + (input.horizon ?? 730 * MS_PER_DAY);
  let now: number = input.now;
  let volume: number = input.calculatedReservoir;
  let carry = 0;
  let lowReservoirAt: number | null = null;
  let emptyAt: number | null = null;
  const alreadyLow = volume <= threshold;
  if (volume === 0) return { lowReservoirAt: null, emptyAt: null };
  while (now < horizon && emptyAt === null) {
    const rate = programmedRateAt(program, profile, timeOfDayAt(now as Milliseconds, input.timeOfDayAtStart));
    const end =
      program.therapy.mode === 'flex'
        ? nextFlexBoundary(program.therapy.steps, now as Milliseconds, input.timeOfDayAtStart)
        : horizon;
    if (rate === 0 && program.therapy.mode !== 'flex') break;
    if (!alreadyLow && lowReservoirAt === null) {
      const dt = timeToAccumulate(rate, carry, volume - threshold);
      if (now + dt <= end) lowReservoirAt = now + dt;
    }
    const dtEmpty = timeToAccumulate(rate, carry, volume);
    if (now + dtEmpty <= end) {
      emptyAt = now + dtEmpty;
      break;
    }
    const step = integrateRate(rate, end - now, carry);
    volume -= step.amount;
    carry = step.carry;
    now = end;
  }
  return {
    lowReservoirAt: lowReservoirAt === null || lowReservoirAt > horizon ? null : (lowReservoirAt as Milliseconds),
    emptyAt: emptyAt === null || emptyAt > horizon ? null : (emptyAt as Milliseconds),
  };
}
