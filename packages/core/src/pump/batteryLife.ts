import { doseToRate } from '../drug/doseToRate.ts';
import type { Milliseconds, NanolitresPerDay } from '../units/quantity.ts';
import { timeToAccumulate } from '../units/rateIntegral.ts';
import { dailyTotal } from './dailyTotal.ts';
import type { DeviceProfile } from './deviceProfile.ts';
import type { PumpProgram } from './program.ts';

/** A program's flow averaged over a day (flex steps weighted by their length), rounded to nL/day. */
export function averageProgramRate(program: PumpProgram, profile: DeviceProfile): NanolitresPerDay {
  const { therapy } = program;
  if (therapy.mode === 'minimum') return profile.minimumModeRate;
  return doseToRate(dailyTotal(therapy), program.concentration);
}

/** Battery drain per day of a profile at a constant flow. */
export const batteryDrainPerDay = (profile: DeviceProfile, rate: NanolitresPerDay): number =>
  profile.battery.idleDrain + rate * profile.battery.drainPerNanolitre;

/** Time from a new battery to ERI at a constant flow. */
export const batteryLifeAtRate = (profile: DeviceProfile, rate: NanolitresPerDay): Milliseconds =>
  timeToAccumulate(batteryDrainPerDay(profile, rate), 0, profile.battery.capacity) as Milliseconds;
