import type { Refusal } from '../refusal.ts';
import type { Milliseconds } from '../units/quantity.ts';
import { bolusRefusal, withBolusStarted } from './bolus.ts';
import { PTM_WINDOW_MS, type PtmSettings, ptmBolusVolume } from './ptmSettings.ts';
import { appendLog } from './pumpLog.ts';
import type { PumpState } from './pumpState.ts';

/** What one press of the patient's handheld did, as the pump logged it. */
export type PtmOutcome = 'ptm.bolus' | 'ptm.lockedOut' | 'ptm.dayLimit' | 'ptm.unavailable';

/** Whether a press now would start a PTM bolus: the handheld's green light, or why not and until when. */
export type PtmAvailability =
  | { readonly available: true; readonly settings: PtmSettings }
  | {
      readonly available: false;
      readonly outcome: Exclude<PtmOutcome, 'ptm.bolus'>;
      readonly refusal: Refusal;
      /** The first instant a bolus could be given, if nothing else changes; null when waiting does not help. */
      readonly until: Milliseconds | null;
    };

/** The PTM boluses started in the 24 hours up to `now` (the window is half open: `(now - 24 h, now]`). */
export const ptmGivenInWindow = (given: readonly Milliseconds[], now: Milliseconds): Milliseconds[] =>
  given.filter((at) => at > now - PTM_WINDOW_MS && at <= now);

const hhmm = (ms: number) => {
  const minutes = Math.ceil(ms / 60_000);
  return minutes >= 60 ? `${Math.floor(minutes / 60)} h ${minutes % 60} min` : `${minutes} min`;
};

/**
 * Whether the pump would give a PTM bolus if the patient pressed now. In this order: no PTM
 * programmed; the day's limit (`maxPerDay` boluses already started in the last 24 hours); the lockout
 * (less than `lockoutMs` since the last bolus started; a press exactly at the lockout's end is
 * given); then whatever stops any bolus (therapy stopped, another bolus running, a critical alarm,
 * a stalled motor, too little in the reservoir, EOS).
 */
export function ptmAvailability(state: PumpState): PtmAvailability {
  const settings = state.program.ptm;
  if (settings === undefined)
    return {
      available: false,
      outcome: 'ptm.unavailable',
      refusal: { code: 'ptm.notProgrammed', message: 'No patient bolus is programmed in this pump.' },
      until: null,
    };
  const inWindow = ptmGivenInWindow(state.ptmGiven ?? [], state.now);
  if (inWindow.length >= settings.maxPerDay) {
    // the oldest bolus that must leave the window for one more to fit
    const leaving = inWindow[inWindow.length - settings.maxPerDay] as Milliseconds;
    const until = (leaving + PTM_WINDOW_MS) as Milliseconds;
    return {
      available: false,
      outcome: 'ptm.dayLimit',
      refusal: {
        code: 'ptm.dayLimit',
        message: `All ${settings.maxPerDay} patient boluses of the last 24 hours have been given; the next is available in ${hhmm(until - state.now)}.`,
      },
      // the day's limit lasts until a bolus leaves the window; then the lockout after the last one
      until: Math.max(until, (inWindow[inWindow.length - 1] as Milliseconds) + settings.lockoutMs) as Milliseconds,
    };
  }
  const last = inWindow[inWindow.length - 1];
  if (last !== undefined && state.now - last < settings.lockoutMs) {
    const until = (last + settings.lockoutMs) as Milliseconds;
    return {
      available: false,
      outcome: 'ptm.lockedOut',
      refusal: {
        code: 'ptm.lockedOut',
        message: `Locked out: the last patient bolus started ${hhmm(state.now - last)} ago; the next is available in ${hhmm(until - state.now)}.`,
      },
      until,
    };
  }
  const refusal = bolusRefusal(
    state,
    'ptm',
    ptmBolusVolume(settings, state.program.concentration),
    settings.bolusDurationMs,
  );
  if (refusal !== null) return { available: false, outcome: 'ptm.unavailable', refusal, until: null };
  return { available: true, settings };
}

/**
 * One press of the patient's handheld, at the pump's instant: a PTM bolus of the programmed dose
 * starts on top of the basal therapy when {@link ptmAvailability} allows it, and is counted for the
 * lockout and the day's limit; otherwise nothing is given. Every press is logged: `ptm.bolus`,
 * `ptm.lockedOut`, `ptm.dayLimit` or `ptm.unavailable`. A press is an event: the bolus's end is the
 * pump's next due instant, never a tick.
 */
export function pressPtm(state: PumpState): { readonly state: PumpState; readonly availability: PtmAvailability } {
  const availability = ptmAvailability(state);
  if (!availability.available) {
    const entry = { at: state.now, type: availability.outcome };
    return { state: { ...state, log: appendLog(state.log, [entry]) }, availability };
  }
  const { settings } = availability;
  const volume = ptmBolusVolume(settings, state.program.concentration);
  const started = withBolusStarted(state, 'ptm', volume, settings.bolusDurationMs, 'ptm.bolus');
  // only the boluses still inside the window are kept: the list never outgrows the day's limit
  const ptmGiven = [...ptmGivenInWindow(state.ptmGiven ?? [], state.now), state.now];
  return { state: { ...started, ptmGiven }, availability };
}
