import { ok, type Refusal, type Result, refuse } from '../refusal.ts';
import { nanolitresPerDayToMlPerDay, nanolitresToMl } from '../units/conversions.ts';
import type { Nanolitres, NanolitresPerDay } from '../units/quantity.ts';
import { ALARM_NAMES } from './alarmConditions.ts';
import { bolusRate } from './bolusRate.ts';
import { isEndOfService } from './deliveryRate.ts';
import { getDeviceProfile } from './deviceProfile.ts';
import { appendLog, type PumpLogType } from './pumpLog.ts';
import { type ActiveBolusKind, addsToBasal, type BolusKind, type PumpState } from './pumpState.ts';
import { settlePump } from './settlePump.ts';
import { maxProgrammedRate } from './therapyRate.ts';

/** A clinician's bolus request: a volume over a duration. */
export { bolusRate } from './bolusRate.ts';

export interface BolusRequest {
  readonly kind: BolusKind;
  readonly volume: Nanolitres;
  readonly durationMs: number;
}

/**
 * Why the pump would refuse to start a bolus now, or null when it would start it. One bolus at a
 * time; never while therapy is suspended, the motor is stalled, after EOS or a memory error, or while
 * a critical alarm sounds; the combined flow (basal plus a single or PTM bolus, or the priming or
 * bridge flow alone) stays within the profile's maximum; the volume fits in the calculated reservoir.
 */
export function bolusRefusal(
  state: PumpState,
  kind: ActiveBolusKind,
  volume: Nanolitres,
  durationMs: number,
): Refusal | null {
  const profile = getDeviceProfile(state.profileId);
  if (!Number.isSafeInteger(volume) || volume <= 0 || !Number.isSafeInteger(durationMs) || durationMs <= 0) {
    return { code: 'bolus.invalid', message: 'A bolus needs a volume and a duration greater than zero.' };
  }
  if (state.memoryError) return { code: 'pump.failed', message: 'The pump has a memory error and cannot deliver.' };
  if (isEndOfService(state)) return { code: 'pump.endOfService', message: 'The pump has reached end of service.' };
  if (state.bolus !== null)
    return { code: 'bolus.alreadyRunning', message: 'A bolus is already running; only one can run at a time.' };
  if (!state.therapyActive)
    return { code: 'bolus.pumpStopped', message: 'The pump is stopped; restart therapy before a bolus.' };
  if (state.motor.stall !== null || state.motor.awaitingInterrogation) {
    return { code: 'bolus.motorStalled', message: 'The pump motor is stalled; no bolus can be given.' };
  }
  const critical = ALARM_NAMES.filter((name) => state.alarms[name].active && profile.alarmClass[name] === 'critical');
  if (critical.length > 0) {
    return {
      code: 'bolus.criticalAlarm',
      message: `No bolus while a critical alarm is active (${critical.join(', ')}).`,
    };
  }
  const rate = bolusRate(volume, durationMs);
  // a single or PTM bolus adds to the basal flow, which a flex schedule may raise while the bolus runs
  const combined = addsToBasal(kind) ? maxProgrammedRate(state.program, profile) + rate : rate;
  if (combined > profile.maxRate) {
    return {
      code: 'bolus.rateAboveMaximum',
      message: `The bolus would run at ${nanolitresPerDayToMlPerDay(combined as NanolitresPerDay)} mL/day, above the pump's maximum of ${nanolitresPerDayToMlPerDay(profile.maxRate)} mL/day; give it over a longer time.`,
    };
  }
  if (volume > state.belief.calculatedReservoir) {
    return {
      code: 'bolus.exceedsReservoir',
      message: `The bolus of ${nanolitresToMl(volume)} mL is more than the ${nanolitresToMl(state.belief.calculatedReservoir)} mL the reservoir holds.`,
    };
  }
  return null;
}

/** The pump running a new bolus from now (the caller has checked {@link bolusRefusal}), with its log entry. */
export function withBolusStarted(
  state: PumpState,
  kind: ActiveBolusKind,
  volume: Nanolitres,
  durationMs: number,
  logged: PumpLogType,
): PumpState {
  const rate = bolusRate(volume, durationMs);
  return settlePump({
    ...state,
    bolus: { kind, volume, rate, startedAt: state.now, delivered: 0, carry: 0 },
    log: appendLog(state.log, [{ at: state.now, type: logged }]),
  });
}

/**
 * Starts a clinician's bolus, or refuses with a reason code and changes nothing (see
 * {@link bolusRefusal} for when).
 */
export function startBolus(state: PumpState, request: BolusRequest): Result<PumpState> {
  const { volume, durationMs, kind } = request;
  const refusal = bolusRefusal(state, kind, volume, durationMs);
  if (refusal !== null) return { ok: false, refusal };
  return ok(withBolusStarted(state, kind, volume, durationMs, 'bolus.started'));
}

/** Cancels the running bolus; refused when none runs. The basal therapy goes on. */
export function cancelBolus(state: PumpState): Result<PumpState> {
  if (state.bolus === null) return refuse('bolus.noneRunning', 'No bolus is running.');
  return ok({ ...state, bolus: null, log: appendLog(state.log, [{ at: state.now, type: 'bolus.cancelled' }]) });
}
