import type {
  BatteryUnits,
  BatteryUnitsPerDay,
  Milliseconds,
  Nanolitres,
  NanolitresPerDay,
} from '../units/quantity.ts';
import { MS_PER_DAY, MS_PER_HOUR, MS_PER_MINUTE } from '../units/time.ts';

/** Identifier of a device profile, as scenario files name it. */
export type DeviceProfileId = 'synchromed-ii-20' | 'synchromed-ii-40' | 'prometra-ii-20';

/** How an alarm sounds: critical is the 3-second two-tone, non-critical the 1-second single tone. */
export type AlarmClass = 'critical' | 'nonCritical';

/** Every alarm a pump can raise. The pump senses none of the catheter faults. */
export type AlarmName =
  | 'lowReservoir'
  | 'reservoirEmpty'
  | 'eri'
  | 'eos'
  | 'motorStall'
  | 'lowBatteryReset'
  | 'memoryError';

/** What a strong MRI field does to the pump. */
export type MriBehaviour = 'motorStall' | 'valveDump';

/**
 * Everything that differs between pump models. Figures tagged (U) in the domain research are
 * parameters here, never literals in code; the tag is given beside each value in {@link deviceProfiles}.
 */
export interface DeviceProfile {
  readonly id: DeviceProfileId;
  readonly name: string;
  /** Model code shown at interrogation, and the prefix of the simulated serial number. */
  readonly modelCode: string;
  readonly capacity: Nanolitres;
  /** Residual volume that aspiration cannot withdraw. */
  readonly reservoirDeadSpace: Nanolitres;
  /** Lowest programmable flow in simple and flex modes. */
  readonly minRate: NanolitresPerDay;
  /** Highest programmable flow, boluses included. */
  readonly maxRate: NanolitresPerDay;
  /** Keep-open flow of the minimum-rate mode. */
  readonly minimumModeRate: NanolitresPerDay;
  /** Internal pump tubing between reservoir and catheter connector. */
  readonly pumpTubingVolume: Nanolitres;
  /** Default catheter volume per cm of implanted length. */
  readonly catheterVolumePerCm: Nanolitres;
  readonly maxFlexSteps: number;
  /** Delivered / programmed - 1, in ppm: the band a healthy pump stays inside. */
  readonly accuracySpecPpm: number;
  /** Range from which `accuracy: nominal` draws a pump's fixed bias, in ppm. */
  readonly nominalBiasPpm: { readonly min: number; readonly max: number };
  readonly battery: {
    /** Charge available until ERI. */
    readonly capacity: BatteryUnits;
    /** Drain of the electronics, whatever the flow. */
    readonly idleDrain: BatteryUnitsPerDay;
    /** Extra drain per nanolitre pumped. */
    readonly drainPerNanolitre: number;
    /** Time from ERI to EOS, during which the pump keeps delivering. */
    readonly eriToEos: Milliseconds;
  };
  /** A refill discrepancy above this is possibly consequential (pocket fill screening). */
  readonly refillDiscrepancyLimit: Nanolitres;
  /** How far a clinician may misread a syringe, added to the accuracy tolerance. */
  readonly syringeReadingError: Nanolitres;
  readonly defaultLowReservoirThreshold: Nanolitres;
  readonly lowReservoirThresholdRange: { readonly min: Nanolitres; readonly max: Nanolitres };
  readonly alarmClass: Readonly<Record<AlarmName, AlarmClass>>;
  /** How often a sounding alarm repeats, by class. */
  readonly alarmRepeat: Readonly<Record<AlarmClass, Milliseconds>>;
  readonly mri: {
    readonly behaviour: MriBehaviour;
    readonly maxFieldMilliTesla: number;
    /** Longest delay after a scan before a stalled motor turns again; drawn uniformly up to it. */
    readonly maxRecoveryDelay: Milliseconds;
  };
  /** How a random motor stall is drawn: the share that never recovers, and the longest transient one. */
  readonly motorStall: { readonly permanentPpm: number; readonly maxTransient: Milliseconds };
}

const synchromedAlarms = {
  // low reservoir non-critical (U); empty critical (U); ERI non-critical, EOS critical (V) [R9, R2]
  // motor stall two-tone, so critical (V tone, U class) [R6]; low battery reset critical (V) [R9]; memory error (U)
  alarmClass: {
    lowReservoir: 'nonCritical',
    reservoirEmpty: 'critical',
    eri: 'nonCritical',
    eos: 'critical',
    motorStall: 'critical',
    lowBatteryReset: 'critical',
    memoryError: 'critical',
  },
  // repeat every 10 min critical, 60 min non-critical (U): programmable on the device
  alarmRepeat: { critical: 10 * MS_PER_MINUTE, nonCritical: 60 * MS_PER_MINUTE },
} as const;

const synchromedCommon = {
  reservoirDeadSpace: 1_400_000, // <= 1.4 mL (V) [R1]
  minRate: 48_000, // 0.048 mL/day (V) [R1]
  maxRate: 24_000_000, // 24 mL/day (U)
  minimumModeRate: 6_000, // 0.006 mL/day (U)
  pumpTubingVolume: 200_000, // ~0.2 mL placeholder (U)
  catheterVolumePerCm: 2_600, // 0.0026 mL/cm, Prometra figure used as default (V Prometra) [R41], Ascenda (U)
  maxFlexSteps: 13, // (V) [R3]
  accuracySpecPpm: 145_000, // +-14.5 % (U)
  nominalBiasPpm: { min: -24_000, max: 25_000 }, // -2.4 % bench ... +2.5 % clinical per refill (V) [R27]
  battery: {
    // battery model (U): about 7 years at no flow, 6 years at 0.5 mL/day, capped by capacity (V 6-7 y) [R1, R2]
    capacity: 7_665_000_000,
    idleDrain: 3_000_000,
    drainPerNanolitre: 1,
    eriToEos: 90 * MS_PER_DAY, // (V) [R2, R13]
  },
  syringeReadingError: 500_000, // ~0.5 mL (U) reasoning from [R27]
  defaultLowReservoirThreshold: 2_000_000, // 2 mL (V) [R26]
  lowReservoirThresholdRange: { min: 500_000, max: 10_000_000 }, // settable range (U)
  ...synchromedAlarms,
  // stalls in the field and recovers 2-24 h later at worst (V) [R6]; field limit DISAGREE 1.5/3 T [R6, R3]
  mri: { behaviour: 'motorStall', maxFieldMilliTesla: 3000, maxRecoveryDelay: 24 * MS_PER_HOUR },
  // share of random stalls that are permanent and the longest transient one (U); root causes (V) [R4, R10]
  motorStall: { permanentPpm: 300_000, maxTransient: 72 * MS_PER_HOUR },
} as const;

/** The device profiles scenario files can name. */
export const deviceProfiles: Readonly<Record<DeviceProfileId, DeviceProfile>> = {
  'synchromed-ii-20': {
    id: 'synchromed-ii-20',
    name: 'SynchroMed II-like, 20 mL (simulated)',
    modelCode: 'SIM-8637-20',
    capacity: 20_000_000, // (V) [R1]
    refillDiscrepancyLimit: 1_000_000, // > 1 mL in 20 mL pumps (V) [R24]
    ...synchromedCommon,
  } as DeviceProfile,
  'synchromed-ii-40': {
    id: 'synchromed-ii-40',
    name: 'SynchroMed II-like, 40 mL (simulated)',
    modelCode: 'SIM-8637-40',
    capacity: 40_000_000, // (V) [R1]
    refillDiscrepancyLimit: 2_000_000, // > 2 mL in 40 mL pumps (V) [R24]
    ...synchromedCommon,
  } as DeviceProfile,
  'prometra-ii-20': {
    id: 'prometra-ii-20',
    name: 'Prometra II-like, 20 mL (simulated)',
    modelCode: 'SIM-13827',
    capacity: 20_000_000, // (V) [R40]
    refillDiscrepancyLimit: 1_000_000, // the 20 mL figure (V) [R24]
    ...synchromedCommon,
    reservoirDeadSpace: 0, // emptied fully before MRI per the labelling (V) [R40]; real residual (U)
    minRate: 0, // Prometra can be programmed to 0.0 mg/day (V) [R41b]
    minimumModeRate: 0, // (U)
    accuracySpecPpm: 100_000, // (U)
    nominalBiasPpm: { min: -29_000, max: -21_000 }, // 97.1-97.9 % of programmed (V) [R43]
    battery: { ...synchromedCommon.battery, capacity: 10_950_000_000 }, // ~10 years at no flow (U)
    defaultLowReservoirThreshold: 2_000_000, // (U); its PTC plans refills at 3 mL (V) [R42]
    // must be emptied before MRI, else the valves may dump the reservoir (V) [R40, R41b]
    mri: { behaviour: 'valveDump', maxFieldMilliTesla: 3000, maxRecoveryDelay: 0 },
  } as DeviceProfile,
};

/** The profile with this id. */
export function getDeviceProfile(id: DeviceProfileId): DeviceProfile {
  return deviceProfiles[id];
}

/** Whether a string names a known device profile. */
export function isDeviceProfileId(id: string): id is DeviceProfileId {
  return Object.hasOwn(deviceProfiles, id);
}
