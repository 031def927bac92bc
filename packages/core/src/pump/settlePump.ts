import type { Milliseconds } from '../units/quantity.ts';
import { ALARM_NAMES, alarmConditions } from './alarmConditions.ts';
import { isMotorHalted } from './deliveryRate.ts';
import { getDeviceProfile } from './deviceProfile.ts';
import { appendLog } from './pumpLog.ts';
import type { AlarmStatus, PumpLogEntry, PumpState } from './pumpState.ts';

/**
 * Brings a state's derived facts up to date at its instant: ERI and EOS once the battery has
 * crossed its capacity, a bolus completed or cancelled, a stalled motor recovered, and every alarm
 * raised or cleared as its condition now holds, each change written to the log. Idempotent.
 */
export function settlePump(state: PumpState): PumpState {
  let next = state;
  const { battery } = next;
  if (battery.eriAt === null && battery.drained >= getDeviceProfile(next.profileId).battery.capacity) {
    const eriToEos = getDeviceProfile(next.profileId).battery.eriToEos;
    next = { ...next, battery: { ...battery, eriAt: next.now, eosAt: (next.now + eriToEos) as Milliseconds } };
  }
  const entries: PumpLogEntry[] = [];
  const { bolus, motor } = next;
  if (bolus !== null && bolus.delivered >= bolus.volume) {
    next = { ...next, bolus: null };
    entries.push({ at: next.now, type: 'bolus.completed' });
  } else if (bolus !== null && (isMotorHalted(next) || !next.therapyActive)) {
    // an active bolus is cancelled when the pump stops (empty, stall, EOS, failure, suspension)
    next = { ...next, bolus: null };
    entries.push({ at: next.now, type: 'bolus.cancelled' });
  }
  if (motor.stall !== null && motor.stall.recoversAt !== null && next.now >= motor.stall.recoversAt) {
    next = { ...next, motor: { ...motor, stall: null } };
    entries.push({ at: next.now, type: 'motor.recovered' });
  }
  const conditions = alarmConditions(next);
  let alarms = next.alarms;
  for (const name of ALARM_NAMES) {
    const holds = conditions[name];
    if (holds === alarms[name].active) continue;
    const status: AlarmStatus = holds
      ? { active: true, since: next.now }
      : { active: false, since: alarms[name].since };
    alarms = { ...alarms, [name]: status };
    entries.push({ at: next.now, type: holds ? `alarm.${name}.raised` : `alarm.${name}.cleared` });
    if (name === 'eos' && holds) entries.push({ at: next.now, type: 'pump.stopped' });
  }
  if (entries.length === 0) return next;
  return { ...next, alarms, log: appendLog(next.log, entries) };
}
