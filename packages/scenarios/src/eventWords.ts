import type { AlarmName } from '@itps/core';
import { CLINICAL_ACTIONS, SCREENING_ACTIONS } from './training/traineeActions.ts';

/** What a clinician calls each alarm. */
export const ALARM_WORDS: Readonly<Record<AlarmName, string>> = {
  lowReservoir: 'Low reservoir',
  reservoirEmpty: 'Reservoir empty',
  eri: 'Elective replacement (ERI)',
  eos: 'End of service (EOS)',
  motorStall: 'Motor stall',
  lowBatteryReset: 'Low battery reset',
  memoryError: 'Pump memory error',
};

/** What a clinician does about each alarm, in a line. */
export const ALARM_ADVICE: Readonly<Record<AlarmName, string>> = {
  lowReservoir: 'Refill soon: the pump will run dry, and withdrawal follows.',
  reservoirEmpty: 'Refill now: nothing is delivered; watch for withdrawal and bridge with oral baclofen.',
  eri: 'Plan the pump replacement before its replace-by date.',
  eos: 'Therapy has stopped for good: replace the pump now and treat withdrawal meanwhile.',
  motorStall:
    'The motor is not turning (after an MRI, check it again after the scan); if it persists, watch for withdrawal and plan replacement.',
  lowBatteryReset: 'The pump fell back to its minimum rate: reprogram the therapy and plan replacement.',
  memoryError: 'The pump has failed and delivers nothing: replace it; treat withdrawal meanwhile.',
};

const EVENT_WORDS: Readonly<Record<string, string>> = {
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
  'programmer.connect': 'Programmer connected to the pump',
  'programmer.workflow': 'Programmer workflow opened',
  'programmer.softLimitConfirmed': 'Guard-rail warning confirmed',
  'programmer.sent': 'Update sent to the pump',
  'programmer.verify': 'Pump read back to verify the update',
  'programmer.restart': 'Therapy restarted from the programmer',
  'programmer.refillAbandoned': 'Refill abandoned after the needle acted',
};

const STAGE_WORDS: Readonly<Record<string, string>> = {
  'withdrawal.early': 'early withdrawal (itching, fast heart rate, spasticity returning)',
  'withdrawal.moderate': 'moderate withdrawal (rebound spasticity, restlessness)',
  'withdrawal.severe': 'severe withdrawal (fever, rigidity, altered consciousness)',
  'overdose.drowsy': 'drowsiness',
  'overdose.somnolent': 'somnolence (very sleepy, hypotonia)',
  'overdose.respiratoryDepression': 'respiratory depression',
};

/**
 * A pump log entry, a patient's stage change or a trainee action, in the words a clinician uses:
 * "Low reservoir alarm raised", "The patient reached moderate withdrawal", "Suspect withdrawal".
 */
export function eventWords(name: string): string {
  const alarm = /^alarm\.(\w+)\.(raised|cleared)$/.exec(name);
  if (alarm !== null) return `${ALARM_WORDS[alarm[1] as AlarmName] ?? alarm[1]} alarm ${alarm[2]}`;
  const patient = /^patient\.(withdrawal|overdose)\.(\w+)$/.exec(name);
  if (patient !== null)
    return patient[2] === 'none'
      ? `The patient recovered from ${patient[1]}`
      : `The patient reached ${STAGE_WORDS[`${patient[1]}.${patient[2]}`] ?? patient[2]}`;
  return (
    CLINICAL_ACTIONS[name as keyof typeof CLINICAL_ACTIONS] ??
    SCREENING_ACTIONS[name as keyof typeof SCREENING_ACTIONS] ??
    EVENT_WORDS[name] ??
    name.replaceAll('.', ' ')
  );
}
