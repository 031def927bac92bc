import type { Milliseconds } from '../units/quantity.ts';
import type { ActiveBolus, BatteryState, PumpBelief, PumpState, PumpTruth } from './pumpState.ts';

/**
 * A state moved through time to `now`: what the pump believes, the truth, the battery and the bolus
 * as given, every other field as it was. Built field by field in the order `createPumpState` uses,
 * so every state the kernels make has one shape (a spread of a state with two shapes cost more than
 * the step it recorded).
 */
export function movedState(
  state: PumpState,
  now: Milliseconds,
  belief: PumpBelief,
  truth: PumpTruth,
  battery: BatteryState,
  bolus: ActiveBolus | null,
): PumpState {
  return {
    profileId: state.profileId,
    serial: state.serial,
    now,
    timeOfDayAtStart: state.timeOfDayAtStart,
    program: state.program,
    therapyActive: state.therapyActive,
    lowReservoirThreshold: state.lowReservoirThreshold,
    catheterVolumeEntered: state.catheterVolumeEntered,
    reservoirDeadSpace: state.reservoirDeadSpace,
    belief,
    truth,
    battery,
    bolus,
    motor: state.motor,
    lowBatteryReset: state.lowBatteryReset,
    memoryError: state.memoryError,
    ptmGiven: state.ptmGiven ?? [],
    alarms: state.alarms,
    log: state.log,
    rng: state.rng,
    eventsProcessed: state.eventsProcessed,
  };
}
