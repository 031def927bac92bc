import type { Milliseconds, Nanolitres } from '../units/quantity.ts';
import type { AlarmName, DeviceProfileId } from './deviceProfile.ts';
import type { Fluid } from './fluid.ts';
import type { PlugFlow } from './plugFlow.ts';
import type { PumpProgram } from './program.ts';
import type { Reservoir } from './reservoir.ts';

/** Whether an alarm is sounding and since when. */
export interface AlarmStatus {
  readonly active: boolean;
  /** When it was last raised; null while it has never been. */
  readonly since: Milliseconds | null;
}

/** Names of the pump's event-log entries (part of the scenario format). */
export type PumpLogType =
  | `alarm.${AlarmName}.raised`
  | `alarm.${AlarmName}.cleared`
  | 'pump.stopped'
  | 'pump.started'
  | 'update.begun'
  | 'update.incomplete'
  | 'program.committed'
  | 'refill.recorded'
  | 'alarm.thresholdChanged';

/** One entry of the pump's own append-only event log. */
export interface PumpLogEntry {
  readonly at: Milliseconds;
  readonly type: PumpLogType;
}

/** Where drug that left the pump's fluid path ended up. */
export interface Sinks {
  /** Left the catheter tip into the intended intrathecal space. */
  readonly csf: Fluid;
  /** Withdrawn from the reservoir by aspiration. */
  readonly aspirated: Fluid;
}

/** The fluid path as it really is. */
export interface FluidPath {
  readonly reservoir: Reservoir;
  /** Internal pump tubing, index 0 at the catheter connector. */
  readonly tubing: PlugFlow;
  /** Implanted catheter, index 0 at the tip. */
  readonly catheter: PlugFlow;
}

/** What is physically true, which the pump cannot see. */
export interface PumpTruth {
  readonly path: FluidPath;
  readonly sinks: Sinks;
  /** Everything ever put into the fluid path (initial contents and every fill). */
  readonly loaded: Fluid;
  /** Id for the next batch of fluid made (fills, injections). */
  readonly nextBatchId: number;
  /** Actual flow / commanded flow - 1, in ppm; 0 with exact accuracy. */
  readonly biasPpm: number;
  /** Carry of the actual-flow integral (see rateIntegral). */
  readonly carry: number;
}

/** What the pump believes about its reservoir. */
export interface PumpBelief {
  readonly calculatedReservoir: Nanolitres;
  /** Carry of the commanded-flow integral. */
  readonly carry: number;
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
  /** Simulated time of this state, ms since the scenario start. */
  readonly now: Milliseconds;
  /** Time of day at t = 0, ms after midnight (flex steps use it). */
  readonly timeOfDayAtStart: Milliseconds;
  readonly program: PumpProgram;
  /** False while therapy is suspended (stopped by the clinician, or an update open or abandoned). */
  readonly therapyActive: boolean;
  readonly lowReservoirThreshold: Nanolitres;
  readonly belief: PumpBelief;
  readonly truth: PumpTruth;
  readonly battery: BatteryState;
  readonly alarms: Readonly<Record<AlarmName, AlarmStatus>>;
  readonly log: readonly PumpLogEntry[];
  /** How many internal instants (flex boundaries, crossings, battery events) have been processed. */
  readonly eventsProcessed: number;
}
