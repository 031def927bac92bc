import { isEndOfService } from './deliveryRate.ts';
import type { AlarmName } from './deviceProfile.ts';
import type { PumpState } from './pumpState.ts';

/** The alarms in the order they are evaluated and logged. */
export const ALARM_NAMES: readonly AlarmName[] = [
  'lowReservoir',
  'reservoirEmpty',
  'eri',
  'eos',
  'motorStall',
  'lowBatteryReset',
  'memoryError',
];

/**
 * Whether each alarm's condition holds in a state. An alarm is active exactly while its condition
 * holds: low reservoir while the calculated volume is at or below the threshold, reservoir empty
 * when it is zero, ERI from the ERI instant on, EOS from the EOS instant on, motor stall while the
 * pump senses its motor stalled, low battery reset until the pump is reprogrammed, memory error for
 * good. There is no alarm for anything the pump cannot sense (occlusion, kink, leak, disconnection,
 * tip migration, pocket fill, wrong concentration).
 */
export function alarmConditions(state: PumpState): Readonly<Record<AlarmName, boolean>> {
  const volume = state.belief.calculatedReservoir;
  return {
    lowReservoir: volume <= state.lowReservoirThreshold,
    reservoirEmpty: volume === 0,
    eri: state.battery.eriAt !== null && state.now >= state.battery.eriAt,
    eos: isEndOfService(state),
    motorStall: state.motor.stall !== null,
    lowBatteryReset: state.lowBatteryReset,
    memoryError: state.memoryError,
  };
}
