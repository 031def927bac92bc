// The device and drug figures the test oracles use, written ONCE here from the documents, never
// imported from the product (src/pump/deviceProfile.ts, src/drug/baclofen.ts): a figure mistyped in
// the product is then a difference the oracles see, not a mistake they share. Sources, by tag:
//   DR   /work/shared/reference/domain-research.md (sections 1-2 and the parameter table 9.2, with
//        its own tags: V verified, U undocumented and chosen, 2° secondary; [Rnn] its references)
//   SF   docs/scenario-format.md (the profile table, the battery model and the link)
//   DP   the values and tags written in the comments of src/pump/deviceProfile.ts, where the
//        documents leave a figure to be chosen (U); transcribed by hand, not read by code
// Units are the state's base units: nL, nL/day, pg, pg/day, ms, battery units.
import type { ReferenceProfile } from './referencePump.ts';

const DAY = 86_400_000;
const ML = 1_000_000; // nL
const MCG = 1_000_000; // pg

/** The pump models scenario files name (the profile ids are the scenario format's words, SF). */
export type ReferenceProfileId = 'synchromed-ii-20' | 'synchromed-ii-40' | 'prometra-ii-20';

/** Every figure of a pump model the oracles need. */
export interface ReferenceFigures extends ReferenceProfile {
  /** Internal tubing between the reservoir and the catheter connector. */
  readonly pumpTubingVolume: number;
  /** Catheter volume per cm of implanted length. */
  readonly catheterVolumePerCm: number;
  /** Low-reservoir threshold when none is set. */
  readonly defaultLowReservoirThreshold: number;
  /** A refill discrepancy above this is possibly consequential. */
  readonly refillDiscrepancyLimit: number;
}

// the battery: "3,000,000 units a day at rest and 1 unit per nanolitre pumped; ERI is raised when it
// is spent and EOS 90 days later" (SF); its capacity is the charge of "about 7 years at no flow"
// (DP, within DR's 6-7 years [R1, R2]): 7 x 365 days x 3,000,000 units a day
const IDLE_DRAIN = 3_000_000;
const synchromedBattery = {
  capacity: 7 * 365 * IDLE_DRAIN,
  idleDrain: IDLE_DRAIN,
  drainPerNanolitre: 1,
  eriToEos: 90 * DAY, // ERI to EOS 90 days (DR 9.2, V [R2, R13])
};

// alarm classes: low reservoir non-critical, empty critical, ERI non-critical, EOS critical, motor
// stall two-tone so critical, low battery reset critical, memory error critical (DR section 5, DP)
const alarmClass = {
  lowReservoir: 'nonCritical',
  reservoirEmpty: 'critical',
  eri: 'nonCritical',
  eos: 'critical',
  motorStall: 'critical',
  lowBatteryReset: 'critical',
  memoryError: 'critical',
} as const;

const synchromed20: ReferenceFigures = {
  capacity: 20 * ML, // 20.0 mL (DR, V [R1])
  reservoirDeadSpace: 1_400_000, // <= 1.4 mL that cannot be withdrawn (DR, V [R1])
  minRate: 48_000, // 0.048 mL/day (DR, V [R1])
  maxRate: 24 * ML, // 24 mL/day = 1 mL/h (DR, U)
  minimumModeRate: 6_000, // minimum-rate mode 0.006 mL/day (DR 9.2, U)
  maxFlexSteps: 13, // flex steps per day (DR 9.2, V [R3])
  lowReservoirThresholdRange: { min: 500_000, max: 10 * ML }, // settable range (DP, U)
  battery: synchromedBattery,
  alarmClass,
  pumpTubingVolume: 200_000, // placeholder ~0.2 mL (DR 9.2, U)
  catheterVolumePerCm: 2_600, // 0.0026 mL/cm (DR 9.2, V Prometra [R41])
  defaultLowReservoirThreshold: 2 * ML, // manufacturer-recommended 2 mL (DR, V [R26])
  refillDiscrepancyLimit: 1 * ML, // > 1 mL in 20 mL pumps (DR, V [R24])
};

/** Each pump model's figures, by the id scenario files use. */
export const REFERENCE_PROFILES: Readonly<Record<ReferenceProfileId, ReferenceFigures>> = {
  'synchromed-ii-20': synchromed20,
  'synchromed-ii-40': {
    ...synchromed20,
    capacity: 40 * ML, // 40.0 mL (DR, V [R1])
    refillDiscrepancyLimit: 2 * ML, // > 2 mL in 40 mL pumps (DR, V [R24])
  },
  'prometra-ii-20': {
    ...synchromed20,
    capacity: 20 * ML, // (SF; DR, V [R40])
    reservoirDeadSpace: 0, // emptied fully before MRI per its labelling (DP, V [R40])
    minRate: 0, // can be programmed to 0.0 mg/day (DR, V [R41b])
    minimumModeRate: 0, // (DP, U)
    // about 10 years at no flow (DP, U)
    battery: { ...synchromedBattery, capacity: 10 * 365 * IDLE_DRAIN },
  },
};

/** The figures of the model with this id. */
export const figuresFor = (id: string): ReferenceFigures => {
  const figures = (REFERENCE_PROFILES as Record<string, ReferenceFigures | undefined>)[id];
  if (figures === undefined) throw new Error(`figuresFor: no reference figures for ${id}`);
  return figures;
};

/** Intrathecal baclofen's figures (DR sections 3-4 and 9.2). */
export const BACLOFEN = {
  /** Stock concentrations, mcg/mL (= pg/nL): Lioresal 50/500/2000, Gablofen adds 1000 (V [R60, R37]). */
  stockConcentrations: [50, 500, 1000, 2000],
  /** Custom dilutions up to the highest labelled 2000 mcg/mL (V [R60, R37]); the floor of 1 is chosen (DP, U). */
  minConcentration: 1,
  maxConcentration: 2000,
  /** Soft daily limit 1000 mcg/day (2° [R37, R38]), pg/day. */
  softMaxDose: 1000 * MCG,
  /** Hard daily limit 2000 mcg/day (2° [R38]), pg/day. */
  hardMaxDose: 2000 * MCG,
  /** Titration per 24 h: +30 % spinal, +15 % cerebral and children (V [R29]), ppm. */
  titrationLimitPpm: { spinal: 300_000, cerebral: 150_000, pediatric: 150_000 },
  /** A cut of more than 20 % risks withdrawal and is confirmed (DR 10-20 % [R28b]; DP, U), ppm. */
  decreaseLimitPpm: 200_000,
  /** A single bolus above 100 mcg is confirmed, above 300 mcg refused (DR screening doses [R28]; DP, U), pg. */
  bolusSoftMax: 100 * MCG,
  bolusHardMax: 300 * MCG,
} as const;
