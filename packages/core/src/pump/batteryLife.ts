import { doseToRate } from '../drug/doseToRate.ts';
import { assertNever } from '../errors.ts';
import type { Milliseconds, NanolitresPerDay, PicogramsPerDay } from '../units/quantity.ts';
import { timeToAccumulate } from '../units/rateIntegral.ts';
import type { DeviceProfile } from './deviceProfile.ts';
import { MINUTES_PER_DAY, type PumpProgram } from './program.ts';

/** A program's flow averaged over a day (flex steps weighted by their length), rounded to nL/day. */
export function averageProgramRate(program: PumpProgram, profile: DeviceProfile): NanolitresPerDay {
  const { therapy } = program;
  switch (therapy.mode) {
    case 'simple':
      return doseToRate(therapy.dose, program.concentration);
    case 'flex': {
      let weighted = 0;
      therapy.steps.forEach((step, i) => {
        const end = therapy.steps[i + 1]?.startMinute ?? MINUTES_PER_DAY;
        weighted += step.dose * (end - step.startMinute);
      });
      return doseToRate(Math.round(weighted / MINUTES_PER_DAY) as PicogramsPerDay, program.concentration);
    }
    case 'minimum':
      return profile.minimumModeRate;
    case 'stopped':
      return 0 as NanolitresPerDay;
    default:
      return assertNever(therapy, 'averageProgramRate');
  }
}

/** Battery drain per day of a profile at a constant flow. */
export const batteryDrainPerDay = (profile: DeviceProfile, rate: NanolitresPerDay): number =>
  profile.battery.idleDrain + rate * profile.battery.drainPerNanolitre;

/** Time from a new battery to ERI at a constant flow. */
export const batteryLifeAtRate = (profile: DeviceProfile, rate: NanolitresPerDay): Milliseconds =>
  timeToAccumulate(batteryDrainPerDay(profile, rate), 0, profile.battery.capacity) as Milliseconds;
