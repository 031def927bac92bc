import { type PainStatus, painStatus } from '../patient/painStatus.ts';
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

/** What a clinician at the bedside sees, asks and measures of a patient treated for pain. */
const PAIN_BEDSIDE_FIELDS = [
  'painScore',
  'sedationLevel',
  'respiratoryRatePerMin',
  'pupils',
  'heartRateBpm',
  'temperatureC',
  'signs',
] as const;

/** A patient treated for pain as examined: the pain score they give when asked, how awake, breaths a minute, pupils, pulse, temperature, signs. */
export type PainBedside = Pick<PainStatus, (typeof PAIN_BEDSIDE_FIELDS)[number]>;

/** What a clinician at the bedside sees, measures and hears: never a stage name or a drug level. */
export interface BedsideView {
  readonly now: Milliseconds;
  /** The patient as examined; null when the world has no patient model. */
  readonly patient: Pick<PatientStatus, (typeof BEDSIDE_FIELDS)[number]> | null;
  /**
   * The patient treated for pain as examined (absent without one). On an admixture with baclofen it
   * is the same person: breathing and wakefulness are the worse of both drugs' in both parts.
   */
  readonly pain?: PainBedside;
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
  const pain = world.pain === undefined ? null : painStatus(world.pain);
  const painPart =
    pain === null ? {} : { pain: Object.fromEntries(PAIN_BEDSIDE_FIELDS.map((f) => [f, pain[f]])) as PainBedside };
  if (world.patient === null) return { now: world.now, patient: null, sounding, handheld, ...painPart };
  const status = patientStatus(world.patient.state, world.patient.parameters);
  const patient = Object.fromEntries(BEDSIDE_FIELDS.map((field) => [field, status[field]])) as NonNullable<
    BedsideView['patient']
  >;
  if (pain === null || painPart.pain === undefined) return { now: world.now, patient, sounding, handheld };
  return { now: world.now, sounding, handheld, ...oneBody(patient, painPart.pain) };
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

type SpasticityBedside = NonNullable<BedsideView['patient']>;

// how awake, on one scale for both models: the worse of the two is what the nurse finds
const AWAKE: Readonly<Record<string, number>> = {
  alert: 0,
  drowsy: 1,
  somnolent: 2,
  hardToRouse: 2,
  rousesToPainOnly: 3,
  unresponsive: 4,
};
const AS_CONSCIOUSNESS: readonly SpasticityBedside['consciousness'][] = [
  'alert',
  'drowsy',
  'somnolent',
  'unresponsive',
  'unresponsive',
];
const AS_SEDATION: readonly PainBedside['sedationLevel'][] = [
  'alert',
  'drowsy',
  'hardToRouse',
  'rousesToPainOnly',
  'unresponsive',
];

/** One person on two drugs: the slower breathing, the less awake, the faster pulse, the higher temperature, in both parts. */
function oneBody(patient: SpasticityBedside, pain: PainBedside): { patient: SpasticityBedside; pain: PainBedside } {
  const awake = Math.max(AWAKE[patient.consciousness] ?? 0, AWAKE[pain.sedationLevel] ?? 0);
  const respiratoryRatePerMin = Math.min(patient.respiratoryRatePerMin, pain.respiratoryRatePerMin);
  const heartRateBpm = Math.max(patient.heartRateBpm, pain.heartRateBpm);
  const temperatureC = Math.max(patient.temperatureC, pain.temperatureC);
  return {
    patient: {
      ...patient,
      respiratoryRatePerMin,
      heartRateBpm,
      temperatureC,
      consciousness: AS_CONSCIOUSNESS[awake] as SpasticityBedside['consciousness'],
    },
    pain: {
      ...pain,
      respiratoryRatePerMin,
      heartRateBpm,
      temperatureC,
      sedationLevel: AS_SEDATION[awake] as PainBedside['sedationLevel'],
    },
  };
}
