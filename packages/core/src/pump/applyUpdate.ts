import { ok, type Result, refuse } from '../refusal.ts';
import { nanolitresToMl } from '../units/conversions.ts';
import type { Nanolitres } from '../units/quantity.ts';
import { getDeviceProfile } from './deviceProfile.ts';
import type { PumpProgram } from './program.ts';
import { appendLog } from './pumpLog.ts';
import type { PumpLogEntry, PumpState } from './pumpState.ts';
import { settlePump } from './settlePump.ts';
import { validateProgram } from './validateProgram.ts';

/** What a programming session changes in the pump, all or nothing. */
export interface PumpUpdate {
  readonly program?: PumpProgram;
  /** A refill recorded: the reservoir volume the clinician entered. */
  readonly calculatedReservoir?: Nanolitres;
  readonly lowReservoirThreshold?: Nanolitres;
  /** Catheter data entered after implant or revision: the implanted catheter volume. */
  readonly catheterVolumeEntered?: Nanolitres;
}

/**
 * Checks every field of an update and applies all of them or none: the stored program is always
 * exactly the old one or exactly the new one. Each change is logged at the state's instant.
 */
export function applyUpdate(state: PumpState, update: PumpUpdate): Result<PumpState> {
  const profile = getDeviceProfile(state.profileId);
  if (update.program !== undefined) {
    const valid = validateProgram(update.program, profile);
    if (!valid.ok) return valid;
  }
  if (update.calculatedReservoir !== undefined && update.calculatedReservoir > profile.capacity) {
    return refuse(
      'reservoir.calculatedOverCapacity',
      `A reservoir volume of ${nanolitresToMl(update.calculatedReservoir)} mL is more than the ${nanolitresToMl(profile.capacity)} mL reservoir holds.`,
    );
  }
  const threshold = update.lowReservoirThreshold;
  const range = profile.lowReservoirThresholdRange;
  if (threshold !== undefined && (threshold < range.min || threshold > range.max)) {
    return refuse(
      'alarm.thresholdOutOfRange',
      `The low-reservoir alarm must be set from ${nanolitresToMl(range.min)} to ${nanolitresToMl(range.max)} mL; ${nanolitresToMl(threshold)} mL was given.`,
    );
  }
  const entries: PumpLogEntry[] = [];
  let next = state;
  if (update.catheterVolumeEntered !== undefined) {
    next = { ...next, catheterVolumeEntered: update.catheterVolumeEntered };
    entries.push({ at: state.now, type: 'catheter.recorded' });
  }
  if (update.program !== undefined) {
    // a new program replaces whatever a low battery reset left, and clears that alarm
    next = { ...next, program: update.program, lowBatteryReset: false };
    entries.push({ at: state.now, type: 'program.committed' });
  }
  if (update.calculatedReservoir !== undefined) {
    next = {
      ...next,
      belief: {
        calculatedReservoir: update.calculatedReservoir,
        lastRefill: { at: state.now, volume: update.calculatedReservoir },
        carry: 0,
      },
    };
    entries.push({ at: state.now, type: 'refill.recorded' });
  }
  if (threshold !== undefined) {
    next = { ...next, lowReservoirThreshold: threshold };
    entries.push({ at: state.now, type: 'alarm.thresholdChanged' });
  }
  return ok(settlePump({ ...next, log: appendLog(next.log, entries) }));
}
