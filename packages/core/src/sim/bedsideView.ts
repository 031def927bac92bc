import { type PatientStatus, patientStatus } from '../patient/patientStatus.ts';
import { ALARM_NAMES } from '../pump/alarmConditions.ts';
import type { AlarmName } from '../pump/deviceProfile.ts';
import { type PtmOutcome, ptmAvailability } from '../pump/ptmPress.ts';
import { logEntries, type PumpLogEntry } from '../pump/pumpLog.ts';
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
  /**
   * The patient's PTM handheld, as the patient sees it: whether a press now would give a bolus (its
   * green light), and what the last press did; null when the pump has no PTM programmed.
   */
  readonly handheld: {
    readonly available: boolean;
    readonly lastPress: { readonly at: Milliseconds; readonly outcome: PtmOutcome } | null;
  } | null;
}

/** The bedside view of a world. */
export function bedsideView(world: WorldState): BedsideView {
  const sounding = ALARM_NAMES.filter((name) => world.pump.alarms[name].active).map((name) => ({
    name,
    since: world.pump.alarms[name].since,
  }));
  const handheld = handheldOf(world);
  if (world.patient === null) return { now: world.now, patient: null, sounding, handheld };
  const status = patientStatus(world.patient.state, world.patient.parameters);
  const patient = Object.fromEntries(BEDSIDE_FIELDS.map((field) => [field, status[field]])) as BedsideView['patient'];
  return { now: world.now, patient, sounding, handheld };
}

/** What the handheld shows: its light, and the last press's answer from the pump's log. */
function handheldOf(world: WorldState): BedsideView['handheld'] {
  if (world.pump.program.ptm === undefined) return null;
  return { available: ptmAvailability(world.pump).available, lastPress: lastPressIn(logEntries(world.pump.log)) };
}

/** The newest press in a log, newest first (a long log is read only back to it). */
function lastPressIn(entries: readonly PumpLogEntry[]): { at: Milliseconds; outcome: PtmOutcome } | null {
  for (let i = entries.length - 1; i >= 0; i -= 1) {
    const e = entries[i] as PumpLogEntry;
    if (e.type.startsWith('ptm.')) return { at: e.at, outcome: e.type as PtmOutcome };
  }
  return null;
}
