import { type PatientStatus, patientStatus } from '../patient/patientStatus.ts';
import { ALARM_NAMES } from '../pump/alarmConditions.ts';
import type { AlarmName } from '../pump/deviceProfile.ts';
import type { Milliseconds } from '../units/quantity.ts';
import type { WorldState } from './worldState.ts';

/** What a clinician at the bedside can see or measure of the patient's status (never the stages or drug levels). */
const BEDSIDE_FIELDS = [
  'ashworth',
  'ashworthGrade',
  'heartRateBpm',
  'temperatureC',
  'respiratoryRatePerMin',
  'consciousness',
  'pruritus',
  'signs',
] as const;

/** What a clinician at the bedside sees, measures and hears: never a stage name or a drug level. */
export interface BedsideView {
  readonly now: Milliseconds;
  /** The patient as examined; null when the world has no patient model. */
  readonly patient: Pick<PatientStatus, (typeof BEDSIDE_FIELDS)[number]> | null;
  /** Alarms the implanted pump is sounding now (heard at the bedside, no telemetry needed), and since when. */
  readonly sounding: readonly { readonly name: AlarmName; readonly since: Milliseconds | null }[];
}

/** The bedside view of a world. */
export function bedsideView(world: WorldState): BedsideView {
  const sounding = ALARM_NAMES.filter((name) => world.pump.alarms[name].active).map((name) => ({
    name,
    since: world.pump.alarms[name].since,
  }));
  if (world.patient === null) return { now: world.now, patient: null, sounding };
  const status = patientStatus(world.patient.state, world.patient.parameters);
  const patient = Object.fromEntries(BEDSIDE_FIELDS.map((field) => [field, status[field]])) as BedsideView['patient'];
  return { now: world.now, patient, sounding };
}
