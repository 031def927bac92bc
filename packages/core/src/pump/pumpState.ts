import type { RandomState } from '../random/seededRandom.ts';
import type { Milliseconds, Nanolitres, NanolitresPerDay } from '../units/quantity.ts';
import type { AlarmName, DeviceProfileId } from './deviceProfile.ts';
import type { Fluid } from './fluid.ts';
import type { PlugFlow } from './plugFlow.ts';
import type { PumpProgram } from './program.ts';
import type { PumpLog } from './pumpLog.ts';
import type { Reservoir } from './reservoir.ts';

/**
 * Whether the patient already takes opioids, as the pump's stored patient information says: an
 * opioid-naive patient starts intrathecal morphine low and is never given patient boluses.
 */
export type OpioidHistory = 'naive' | 'tolerant' | 'unknown';

/** Whether an alarm is sounding and since when. */
export interface AlarmStatus {
  readonly active: boolean;
  /** When it was last raised; null while it has never been. */
  readonly since: Milliseconds | null;
}

export type { PumpLogEntry, PumpLogType } from './pumpLog.ts';

/** Where drug that left the pump's fluid path ended up. */
export interface Sinks {
  /** Left the catheter tip into the intended intrathecal space. */
  readonly csf: Fluid;
  /** Went into the pump pocket or subcutaneous tissue (pocket fill, disconnection, tip under the skin). */
  readonly pocket: Fluid;
  /** Left a migrated tip into the epidural space. */
  readonly epidural: Fluid;
  /** Left a migrated tip into the subdural space. */
  readonly subdural: Fluid;
  /** Escaped through a leak or fracture along the catheter track. */
  readonly leak: Fluid;
  /** Withdrawn from the reservoir by aspiration. */
  readonly aspirated: Fluid;
  /** Left the body in a pump (or catheter) taken out at a replacement: its reservoir, tubing and, with a new catheter, the old catheter. */
  readonly explanted: Fluid;
}

/** Names of the sinks. */
export type SinkName = keyof Sinks;

/** The fluid path as it really is. */
export interface FluidPath {
  readonly reservoir: Reservoir;
  /** Internal pump tubing, index 0 at the catheter connector. */
  readonly tubing: PlugFlow;
  /** The implanted catheter from the tip (index 0) back to a breach, or to the pump when there is none. */
  readonly catheter: PlugFlow;
  /** The catheter between the pump and a breach (empty when there is none), index 0 at the breach. */
  readonly catheterProximal: PlugFlow;
}

/** Where the catheter tip lies. */
export type TipLocation = 'intrathecal' | 'subdural' | 'epidural' | 'subcutaneous';

/**
 * A hole in the fluid path: a disconnection at the pump (everything to the pocket), a leak (part
 * escapes) or a fracture (everything escapes) at a point along the catheter.
 */
export interface Breach {
  readonly kind: 'disconnect' | 'leak' | 'fracture';
  /** Catheter volume between the pump and the breach. */
  readonly atVolume: Nanolitres;
  /** Share of the flow that escapes there, in ppm. */
  readonly escapePpm: number;
  /** Cumulative volume that has reached the breach, and how much of it escaped (exact split). */
  readonly passed: number;
  readonly escaped: number;
}

/** An intermittent kink: blocked for `kinkedMs` at the start of every `periodMs` from `since`. */
export interface Kink {
  readonly since: Milliseconds;
  readonly periodMs: number;
  readonly kinkedMs: number;
}

/** The catheter's physical condition, which the pump cannot sense. */
export interface CatheterCondition {
  readonly tip: TipLocation;
  /** Share of the flow an occlusion blocks, in ppm (1 000 000: fully occluded). */
  readonly occlusionPpm: number;
  readonly kink: Kink | null;
  readonly breach: Breach | null;
}

/** What is physically true, which the pump cannot see. */
export interface PumpTruth {
  readonly path: FluidPath;
  readonly sinks: Sinks;
  /** Everything ever put into the fluid path (initial contents and every fill). */
  readonly loaded: Fluid;
  /** Id for the next batch of fluid made (fills, injections). */
  readonly nextBatchId: number;
  readonly catheter: CatheterCondition;
  /** Actual flow / commanded flow - 1, in ppm; 0 with exact accuracy. */
  readonly biasPpm: number;
  /** Carry of the actual-flow integral (see rateIntegral). */
  readonly carry: number;
}

/** What the pump believes about its reservoir. */
export interface PumpBelief {
  readonly calculatedReservoir: Nanolitres;
  /** The last refill recorded: when, and the volume entered; null before the first. */
  readonly lastRefill: { readonly at: Milliseconds; readonly volume: Nanolitres } | null;
  /** Carry of the commanded-flow integral. */
  readonly carry: number;
}

/** A clinician bolus in progress: the pump knows it and counts it in its calculated volume. */
export interface ActiveBolus {
  readonly kind: ActiveBolusKind;
  /** Volume to deliver in all. */
  readonly volume: Nanolitres;
  /** Bolus flow: added to the basal flow for a single bolus, replacing it for priming and bridge. */
  readonly rate: NanolitresPerDay;
  readonly startedAt: Milliseconds;
  /** Volume commanded so far, and its carry. */
  readonly delivered: number;
  readonly carry: number;
}

/** Kinds of clinician bolus. */
export type BolusKind = 'single' | 'priming' | 'bridge';

/** Kinds of bolus the pump may run: a clinician's, or one the patient started with the PTM handheld. */
export type ActiveBolusKind = BolusKind | 'ptm';

/** Whether a bolus of this kind runs on top of the basal flow (single and PTM) rather than in its place. */
export const addsToBasal = (kind: ActiveBolusKind): boolean => kind === 'single' || kind === 'ptm';

/** The motor as the pump senses it. */
export interface MotorState {
  /** A stall the pump has detected; null while the motor turns. */
  readonly stall: {
    readonly since: Milliseconds;
    /** When the motor turns again by itself; null for a permanent stall. */
    readonly recoversAt: Milliseconds | null;
    readonly cause: 'fault' | 'mri';
  } | null;
  /**
   * Set when an MRI scan pushed the pump into telemetry mode while an alarm was sounding: it does not
   * resume infusion until interrogated with a programmer.
   */
  readonly awaitingInterrogation: boolean;
}

/** The battery: charge used, and the ERI and EOS instants once known. */
export interface BatteryState {
  readonly drained: number;
  readonly carry: number;
  readonly eriAt: Milliseconds | null;
  readonly eosAt: Milliseconds | null;
}

/**
 * The whole state of one simulated pump: plain, serialisable data. Belief and truth are kept in
 * separate fields and never mixed.
 */
export interface PumpState {
  readonly profileId: DeviceProfileId;
  /** The simulated serial number (derived from the seed; no real device's). */
  readonly serial: string;
  /** Simulated time of this state, ms since the scenario start. */
  readonly now: Milliseconds;
  /** Time of day at t = 0, ms after midnight (flex steps use it). */
  readonly timeOfDayAtStart: Milliseconds;
  readonly program: PumpProgram;
  /** False while therapy is suspended (stopped by the clinician, or an update open or abandoned). */
  readonly therapyActive: boolean;
  readonly lowReservoirThreshold: Nanolitres;
  /** The implanted catheter volume as the clinician entered it (priming and bridge calculations). */
  readonly catheterVolumeEntered: Nanolitres;
  /** What aspiration cannot withdraw from this pump's reservoir. */
  readonly reservoirDeadSpace: Nanolitres;
  readonly belief: PumpBelief;
  readonly truth: PumpTruth;
  readonly battery: BatteryState;
  readonly bolus: ActiveBolus | null;
  readonly motor: MotorState;
  /** A low battery reset happened: the program was reset to the minimum rate until reprogrammed. */
  readonly lowBatteryReset: boolean;
  /** A memory error stopped the pump for good. */
  readonly memoryError: boolean;
  /**
   * When each PTM bolus of the last 24 hours started, oldest first (absent: none yet, as in pumps
   * saved before the PTM existed). Kept across reprogramming: a new lockout or day limit counts the
   * boluses already given. Every state the kernels make has it; only a pump saved before the PTM
   * existed lacks it.
   */
  readonly ptmGiven?: readonly Milliseconds[];
  readonly alarms: Readonly<Record<AlarmName, AlarmStatus>>;
  /** The pump's own event log (append-only; read it with `logEntries`). */
  readonly log: PumpLog;
  /** The seeded generator's state for draws made while the simulation runs. */
  readonly rng: RandomState;
  /** How many internal instants (flex boundaries, crossings, battery events) have been processed. */
  readonly eventsProcessed: number;
}
