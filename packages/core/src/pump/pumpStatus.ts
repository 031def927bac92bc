import type { Nanolitres, NanolitresPerDay, PicogramsPerDay } from '../units/quantity.ts';
import { alarmConditions } from './alarmConditions.ts';
import { commandedRate, isEndOfService } from './deliveryRate.ts';
import type { AlarmName } from './deviceProfile.ts';
import { getDeviceProfile } from './deviceProfile.ts';
import type { Fluid } from './fluid.ts';
import { plugFlowContents } from './plugFlow.ts';
import type { PumpLifecycle } from './pumpMachine.ts';
import type { PumpState } from './pumpState.ts';
import { reservoirContents } from './reservoir.ts';
import { programmedDoseAt, programmedRateAt, timeOfDayAt } from './therapyRate.ts';

/** What the pump reports about itself: its belief. This is all telemetry can ever show. */
export interface PumpBeliefView {
  readonly state: 'running' | 'stopped' | 'endOfService';
  readonly mode: 'simple' | 'flex' | 'minimum' | 'stopped';
  readonly calculatedReservoir: Nanolitres;
  /** Daily dose of the running program (for flex, of the current step). */
  readonly dose: PicogramsPerDay;
  /** Programmed flow now (for flex, of the current step). */
  readonly rate: NanolitresPerDay;
  /** Flow the motor is delivering now (zero while stopped or empty). */
  readonly deliveringRate: NanolitresPerDay;
  readonly alarms: Readonly<Record<AlarmName, boolean>>;
}

/** What is physically true: for the instructor view and reports, never for telemetry. */
export interface PumpTruthView {
  readonly reservoir: Fluid;
  readonly tubing: Fluid;
  readonly catheter: Fluid;
  /** Cumulative drug and volume that reached the CSF. */
  readonly delivered: Fluid;
  readonly aspirated: Fluid;
  readonly loaded: Fluid;
  readonly biasPpm: number;
}

/** The pump's belief, as the contract's `pump.*` and `alarm.*` observables read it. */
export function pumpBeliefView(pump: PumpState, lifecycle: PumpLifecycle): PumpBeliefView {
  const tod = timeOfDayAt(pump.now, pump.timeOfDayAtStart);
  const profile = getDeviceProfile(pump.profileId);
  const stopped = lifecycle === 'stopped' || lifecycle === 'updating' || pump.program.therapy.mode === 'stopped';
  const deliveringRate = commandedRate(pump);
  return {
    state:
      isEndOfService(pump) || lifecycle === 'endOfService'
        ? 'endOfService'
        : stopped || deliveringRate === 0
          ? 'stopped'
          : 'running',
    mode: pump.program.therapy.mode,
    calculatedReservoir: pump.belief.calculatedReservoir,
    dose: programmedDoseAt(pump.program, tod),
    rate: programmedRateAt(pump.program, profile, tod),
    deliveringRate,
    alarms: alarmConditions(pump),
  };
}

/** The physical truth of a pump. */
export function pumpTruthView(pump: PumpState): PumpTruthView {
  const { path, sinks, loaded, biasPpm } = pump.truth;
  return {
    reservoir: reservoirContents(path.reservoir),
    tubing: plugFlowContents(path.tubing),
    catheter: plugFlowContents(path.catheter),
    delivered: sinks.csf,
    aspirated: sinks.aspirated,
    loaded,
    biasPpm,
  };
}
