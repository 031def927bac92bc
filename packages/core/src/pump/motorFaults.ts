import { nextIntInRange } from '../random/seededRandom.ts';
import type { Milliseconds } from '../units/quantity.ts';
import { ALARM_NAMES } from './alarmConditions.ts';
import { getDeviceProfile } from './deviceProfile.ts';
import { flowThroughPath } from './flowThroughPath.ts';
import { appendLog } from './pumpLog.ts';
import type { PumpLogType, PumpState } from './pumpState.ts';
import { drawFromReservoir } from './reservoir.ts';
import { settlePump } from './settlePump.ts';

const logged = (state: PumpState, ...types: PumpLogType[]): PumpState =>
  settlePump({
    ...state,
    log: appendLog(
      state.log,
      types.map((type) => ({ at: state.now, type })),
    ),
  });

/**
 * The motor stalls (wear, corrosion, a short, a particle): the pump senses it, logs it and raises
 * the critical motor-stall alarm; it turns again at `recoversAt`, or never when that is null.
 */
export function stallMotor(
  state: PumpState,
  recoversAt: Milliseconds | null,
  cause: 'fault' | 'mri' = 'fault',
): PumpState {
  const current = state.motor.stall;
  // a permanent stall stays permanent; otherwise the later recovery wins
  const until =
    current !== null && (current.recoversAt === null || recoversAt === null)
      ? null
      : recoversAt === null
        ? null
        : Math.max(recoversAt, current?.recoversAt ?? 0);
  const stall = { since: current?.since ?? state.now, recoversAt: until as Milliseconds | null, cause };
  return logged(
    { ...state, motor: { ...state.motor, stall } },
    ...(current === null ? (['motor.stall'] as const) : []),
  );
}

/** An MRI scan as it reaches the pump. */
export interface MriScan {
  readonly durationMs: number;
  readonly fieldMilliTesla: number;
  /**
   * How long after the scan the motor takes to turn again (SynchroMed-like: 0 to 24 h); `drawn`
   * draws it uniformly up to the profile's maximum from the simulation's seeded generator.
   */
  readonly recoveryDelayMs: number | 'drawn';
}

/**
 * A random motor stall drawn from the seeded generator: permanent with the profile's share,
 * otherwise recovering after a delay drawn uniformly up to the profile's longest transient stall.
 */
export function stallMotorAtRandom(state: PumpState): PumpState {
  const { motorStall } = getDeviceProfile(state.profileId);
  const kind = nextIntInRange(state.rng, 0, 999_999);
  if (kind.value < motorStall.permanentPpm) return stallMotor({ ...state, rng: kind.state }, null);
  const delay = nextIntInRange(kind.state, 1, motorStall.maxTransient);
  return stallMotor({ ...state, rng: delay.state }, (state.now + delay.value) as Milliseconds);
}

/**
 * An MRI scan. A SynchroMed-like pump's motor is held still by the field: it stalls for the scan and
 * recovers after the delay; if an alarm was sounding when the field pushed the pump into telemetry
 * mode, it does not resume until interrogated. A Prometra-like pump's valves may open in the field:
 * whatever is in the reservoir floods down the catheter into the patient, and its shut-off valve then
 * stops the pump until it is reprogrammed (`stopped` is true). An emptied Prometra-like pump is safe.
 */
export function scanMri(state: PumpState, scan: MriScan): { state: PumpState; stopped: boolean } {
  const profile = getDeviceProfile(state.profileId);
  if (profile.mri.behaviour === 'motorStall') {
    const sounding = ALARM_NAMES.some((name) => state.alarms[name].active);
    let { rng } = state;
    let delay: number;
    if (scan.recoveryDelayMs === 'drawn') {
      const draw = nextIntInRange(rng, 0, profile.mri.maxRecoveryDelay);
      delay = draw.value;
      rng = draw.state;
    } else {
      delay = scan.recoveryDelayMs;
    }
    const recoversAt = (state.now + scan.durationMs + delay) as Milliseconds;
    const stalled = stallMotor({ ...state, rng }, recoversAt, 'mri');
    return {
      state: settlePump({
        ...stalled,
        motor: { ...stalled.motor, awaitingInterrogation: sounding || stalled.motor.awaitingInterrogation },
      }),
      stopped: false,
    };
  }
  const { truth } = state;
  const left = truth.path.reservoir.batch.volume - truth.path.reservoir.drawn;
  if (left === 0) return { state, stopped: false };
  const { reservoir, portion } = drawFromReservoir(truth.path.reservoir, left);
  const flowed = flowThroughPath({ ...truth.path, reservoir }, truth.sinks, truth.catheter, [portion], 'tubing');
  const dumped: PumpState = {
    ...state,
    truth: { ...truth, path: flowed.path, sinks: flowed.sinks, catheter: flowed.catheter },
  };
  return { state: dumped, stopped: true };
}

/**
 * Interrogation by a programmer: the pump answers with its belief (see pumpBeliefView) and, if an MRI
 * left it waiting in telemetry mode, resumes infusion.
 */
export function interrogatePump(state: PumpState): PumpState {
  return logged({ ...state, motor: { ...state.motor, awaitingInterrogation: false } }, 'pump.interrogated');
}

/**
 * A low battery reset: the pump resets its program to the minimum rate and raises a critical alarm
 * until it is reprogrammed.
 */
export function resetForLowBattery(state: PumpState): PumpState {
  return logged(
    { ...state, program: { ...state.program, therapy: { mode: 'minimum' } }, lowBatteryReset: true, bolus: null },
    ...(state.bolus === null ? [] : (['bolus.cancelled'] as const)),
    'pump.reset',
  );
}

/** A memory error: the pump stops for good and raises a critical alarm. */
export function failWithMemoryError(state: PumpState): PumpState {
  return logged(
    { ...state, memoryError: true, therapyActive: false, bolus: null },
    ...(state.bolus === null ? [] : (['bolus.cancelled'] as const)),
    'pump.stopped',
  );
}
