import type { DrugId } from '../drug/drug.ts';
import type { SolutionPart } from '../drug/solution.ts';
import type {
  BatteryUnits,
  McgPerMl,
  Milliseconds,
  Nanolitres,
  NanolitresPerDay,
  PicogramsPerDay,
} from '../units/quantity.ts';
import { alarmConditions } from './alarmConditions.ts';
import { commandedRate, isEndOfService } from './deliveryRate.ts';
import { type AlarmName, type DeviceProfileId, getDeviceProfile } from './deviceProfile.ts';
import { addFluids, type Fluid } from './fluid.ts';
import { plugFlowContents } from './plugFlow.ts';
import type { Therapy } from './program.ts';
import type { PtmSettings } from './ptmSettings.ts';
import type { PumpLog } from './pumpLog.ts';
import type { PumpLifecycle } from './pumpMachine.ts';
import type { ActiveBolus, CatheterCondition, OpioidHistory, PumpState, Sinks } from './pumpState.ts';

export type { OpioidHistory } from './pumpState.ts';

import { reservoirContents } from './reservoir.ts';
import { programmedDoseAt, programmedRateAt, timeOfDayAt } from './therapyRate.ts';

/** The pump's overall state, as the scenario format's `pump.state` reads it. */
export type PumpStateName = 'running' | 'stopped' | 'stalled' | 'endOfService' | 'error';

/**
 * What the pump reports about itself: its belief, and all that telemetry can ever show (an
 * interrogation returns exactly this). Never any part of the truth.
 */
export interface PumpBeliefView {
  readonly profileId: DeviceProfileId;
  readonly modelName: string;
  readonly serial: string;
  /** The patient as entered in the pump at implant; null when none was. */
  readonly patientId: string | null;
  /** The patient's opioid history as stored in the pump's patient information (`unknown` when none was entered). */
  readonly opioidHistory: OpioidHistory;
  readonly now: Milliseconds;
  readonly state: PumpStateName;
  /**
   * Therapy is suspended by the pump itself: a programming session open or left unfinished, or a
   * clinician's stop. A program whose mode is `stopped` is not a suspension.
   */
  readonly suspended: boolean;
  /** The therapy mode, or `bolus` while a bolus runs. */
  readonly mode: 'simple' | 'flex' | 'minimum' | 'stopped' | 'bolus';
  /** The lead drug of the program, as the clinician entered it. */
  readonly drug: DrugId;
  readonly concentration: McgPerMl;
  /** The other drugs of an admixture as entered (empty for a single drug). */
  readonly admixed: readonly SolutionPart[];
  readonly therapy: Therapy;
  /** The patient's therapy manager as programmed; null when none (absent in views saved before it existed). */
  readonly ptm?: PtmSettings | null;
  readonly calculatedReservoir: Nanolitres;
  readonly lastRefill: { readonly at: Milliseconds; readonly volume: Nanolitres } | null;
  readonly timeOfDayAtStart: Milliseconds;
  readonly lowReservoirThreshold: Nanolitres;
  readonly catheterVolumeEntered: Nanolitres;
  /** What aspiration cannot withdraw from this pump's reservoir (part of the device's own figures). */
  readonly reservoirDeadSpace: Nanolitres;
  /** Daily dose of the running program (for flex, of the current step). */
  readonly dose: PicogramsPerDay;
  /** Programmed basal flow now (for flex, of the current step). */
  readonly rate: NanolitresPerDay;
  /** Flow the motor is commanded to deliver now (zero while stopped, empty or stalled). */
  readonly deliveringRate: NanolitresPerDay;
  readonly bolus: ActiveBolus | null;
  readonly alarms: Readonly<Record<AlarmName, boolean>>;
  readonly eriAt: Milliseconds | null;
  readonly eosAt: Milliseconds | null;
  /** The battery charge the pump reports left before ERI (its battery status); zero from ERI on. */
  readonly batteryRemaining: BatteryUnits;
  readonly awaitingInterrogation: boolean;
  readonly log: PumpLog;
}

/** What is physically true: for the instructor view and reports, never for telemetry. */
export interface PumpTruthView {
  readonly reservoir: Fluid;
  readonly tubing: Fluid;
  /** The whole implanted catheter (both sides of a breach). */
  readonly catheter: Fluid;
  /** Cumulative drug and volume that reached the CSF. */
  readonly delivered: Fluid;
  readonly sinks: Sinks;
  readonly loaded: Fluid;
  readonly condition: CatheterCondition;
  readonly biasPpm: number;
}

/**
 * The pump's belief, as an interrogation reads it and the contract's `pump.*` and `alarm.*`
 * observables. The patient's identification and opioid history are fixed at implant and kept out of
 * the pump's state (which every event rebuilds), so the caller passes them.
 */
export function pumpBeliefView(
  pump: PumpState,
  lifecycle: PumpLifecycle,
  patientId: string | null = null,
  opioidHistory: OpioidHistory = 'unknown',
): PumpBeliefView {
  const tod = timeOfDayAt(pump.now, pump.timeOfDayAtStart);
  const profile = getDeviceProfile(pump.profileId);
  const deliveringRate = commandedRate(pump);
  let state: PumpStateName;
  if (lifecycle === 'failed' || pump.memoryError) state = 'error';
  else if (lifecycle === 'endOfService' || isEndOfService(pump)) state = 'endOfService';
  else if (pump.motor.stall !== null) state = 'stalled';
  else state = deliveringRate === 0 || lifecycle !== 'running' ? 'stopped' : 'running';
  return {
    profileId: pump.profileId,
    modelName: profile.name,
    serial: pump.serial,
    patientId,
    opioidHistory,
    now: pump.now,
    state,
    suspended: !pump.therapyActive,
    mode: pump.bolus !== null ? 'bolus' : pump.program.therapy.mode,
    drug: pump.program.drug,
    concentration: pump.program.concentration,
    admixed: pump.program.admixed ?? [],
    therapy: pump.program.therapy,
    ptm: pump.program.ptm ?? null,
    calculatedReservoir: pump.belief.calculatedReservoir,
    lastRefill: pump.belief.lastRefill,
    timeOfDayAtStart: pump.timeOfDayAtStart,
    lowReservoirThreshold: pump.lowReservoirThreshold,
    catheterVolumeEntered: pump.catheterVolumeEntered,
    reservoirDeadSpace: pump.reservoirDeadSpace,
    dose: programmedDoseAt(pump.program, tod),
    rate: programmedRateAt(pump.program, profile, tod),
    deliveringRate,
    bolus: pump.bolus,
    alarms: alarmConditions(pump),
    eriAt: pump.battery.eriAt,
    eosAt: pump.battery.eosAt,
    batteryRemaining: Math.max(0, profile.battery.capacity - pump.battery.drained) as BatteryUnits,
    awaitingInterrogation: pump.motor.awaitingInterrogation,
    log: pump.log,
  };
}

/** The physical truth of a pump. */
export function pumpTruthView(pump: PumpState): PumpTruthView {
  const { path, sinks, loaded, biasPpm, catheter } = pump.truth;
  const distal = plugFlowContents(path.catheter);
  const proximal = plugFlowContents(path.catheterProximal);
  return {
    reservoir: reservoirContents(path.reservoir),
    tubing: plugFlowContents(path.tubing),
    catheter: addFluids(distal, proximal),
    delivered: sinks.csf,
    sinks,
    loaded,
    condition: catheter,
    biasPpm,
  };
}
