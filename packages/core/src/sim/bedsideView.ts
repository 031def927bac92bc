import { type AshworthGrade, patientStatus } from '../patient/patientStatus.ts';
import { ALARM_NAMES } from '../pump/alarmConditions.ts';
import type { AlarmName } from '../pump/deviceProfile.ts';
import type { Milliseconds } from '../units/quantity.ts';
import type { WorldState } from './worldState.ts';

/** What a clinician at the bedside sees, measures and hears: never a stage name or a drug level. */
export interface BedsideView {
  readonly now: Milliseconds;
  /** The patient as examined; null when the world has no patient model. */
  readonly patient: {
    /** Modified Ashworth score on examination (1+ is 1.5), one decimal. */
    readonly ashworth: number;
    readonly ashworthGrade: AshworthGrade;
    readonly heartRateBpm: number;
    readonly temperatureC: number;
    readonly respiratoryRatePerMin: number;
    readonly consciousness: 'alert' | 'drowsy' | 'somnolent' | 'unresponsive';
    readonly pruritus: boolean;
    /** The signs in words, most telling first. */
    readonly signs: readonly string[];
  } | null;
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
  const s = patientStatus(world.patient.state, world.patient.parameters);
  return {
    now: world.now,
    patient: {
      ashworth: s.ashworth,
      ashworthGrade: s.ashworthGrade,
      heartRateBpm: s.heartRateBpm,
      temperatureC: s.temperatureC,
      respiratoryRatePerMin: s.respiratoryRatePerMin,
      consciousness: s.consciousness,
      pruritus: s.pruritus,
      signs: s.signs,
    },
    sounding,
  };
}
