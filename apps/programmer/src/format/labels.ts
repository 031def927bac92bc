import type { AlarmName, PumpLogType } from '@itps/core';

/** What a clinician calls each alarm. */
export const alarmLabels: Readonly<Record<AlarmName, string>> = {
  lowReservoir: 'Low reservoir',
  reservoirEmpty: 'Reservoir empty',
  eri: 'Elective replacement (ERI)',
  eos: 'End of service (EOS)',
  motorStall: 'Motor stall',
  lowBatteryReset: 'Low battery reset',
  memoryError: 'Pump memory error',
};

/** A log entry in words. */
export function logLabel(type: PumpLogType): string {
  const alarm = /^alarm\.(\w+)\.(raised|cleared)$/.exec(type);
  if (alarm) return `${alarmLabels[alarm[1] as AlarmName]} alarm ${alarm[2]}`;
  const words: Record<string, string> = {
    'pump.stopped': 'Pump stopped',
    'pump.started': 'Pump started',
    'update.begun': 'Programming session opened',
    'update.incomplete': 'Programming session left incomplete',
    'program.committed': 'New program stored',
    'refill.recorded': 'Refill recorded',
    'alarm.thresholdChanged': 'Low-reservoir alarm threshold changed',
    'bolus.started': 'Bolus started',
    'bolus.completed': 'Bolus completed',
    'bolus.cancelled': 'Bolus cancelled',
    'motor.stall': 'Motor stalled',
    'motor.recovered': 'Motor stall recovered',
    'pump.interrogated': 'Pump interrogated',
    'pump.reset': 'Pump reset to minimum rate',
    'catheter.recorded': 'Catheter data recorded',
    'alarm.tested': 'Alarm tones tested',
  };
  return words[type] ?? type;
}
