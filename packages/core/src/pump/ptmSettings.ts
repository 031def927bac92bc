import { ok, type Result, refuse } from '../refusal.ts';
import { nanolitresPerDayToMlPerDay } from '../units/conversions.ts';
import { divide } from '../units/mulDiv.ts';
import type { McgPerMl, Milliseconds, Nanolitres, NanolitresPerDay, Picograms } from '../units/quantity.ts';
import { MS_PER_DAY, MS_PER_HOUR, MS_PER_MINUTE } from '../units/time.ts';
import { bolusRate } from './bolusRate.ts';
import type { DeviceProfile } from './deviceProfile.ts';

/**
 * The patient's therapy manager (PTM) as the clinician programs it: what one press of the patient's
 * handheld may give on top of the basal therapy. The same four settings as the real devices (the
 * Prometra PTC's dose per bolus, bolus duration, allotted boluses per 24 h and lockout between
 * boluses, (V) [R42]; Medtronic's myPTM the same concepts, (U) for its ranges).
 */
export interface PtmSettings {
  /** Drug mass of the lead drug one bolus gives. */
  readonly bolusDose: Picograms;
  /** How long one bolus runs, on top of the basal flow. */
  readonly bolusDurationMs: Milliseconds;
  /** The shortest time from the start of one bolus to the start of the next. */
  readonly lockoutMs: Milliseconds;
  /** The most boluses given in any 24 hours (a rolling window, not the calendar day). */
  readonly maxPerDay: number;
}

/**
 * The window the day's limit counts boluses in: any 24 hours, rolling. A calendar day would let a
 * patient take the day's boluses at 23:00 and again at 00:30; counted over any 24 hours, the drug
 * given in any 24 hours never exceeds the basal dose plus `maxPerDay` boluses, which is what the
 * therapy gate judges against the drug's daily limit. (The Prometra PTC allots boluses "per 24 h",
 * (V) [R42]; the safety invariant of domain research 9.3 item 17.)
 */
export const PTM_WINDOW_MS = MS_PER_DAY as Milliseconds;

/**
 * The ranges the simulated pump accepts for each setting. The real devices' field ranges were not
 * retrieved (U): these are training figures, to be checked against a myPTM manual.
 */
export const PTM_RANGES = {
  bolusDurationMs: { min: MS_PER_MINUTE, max: 24 * MS_PER_HOUR },
  lockoutMs: { min: 10 * MS_PER_MINUTE, max: 24 * MS_PER_HOUR },
  maxPerDay: { min: 1, max: 24 },
} as const;

/** The volume of one PTM bolus at a concentration, to the nearest nanolitre (what the pump delivers). */
export const ptmBolusVolume = (settings: PtmSettings, concentration: McgPerMl): Nanolitres =>
  divide(settings.bolusDose, concentration, 'nearest') as Nanolitres;

const whole = (n: number) => Number.isSafeInteger(n);
const minutes = (ms: number) => `${ms / MS_PER_MINUTE} min`;

/**
 * Checks that PTM settings are ones the pump can run at a concentration: whole numbers in the pump's
 * ranges, a bolus of at least one nanolitre, a lockout no shorter than the bolus (one bolus at a
 * time), and basal plus bolus flow within the pump's maximum (`maxBasal`: the highest basal flow the
 * program asks for). Clinical limits (the drug allows it, the patient is opioid tolerant, doses) are
 * the therapy gate's, not the pump's.
 */
export function validatePtmSettings(
  settings: PtmSettings,
  concentration: McgPerMl,
  maxBasal: number,
  profile: DeviceProfile,
): Result<PtmSettings> {
  const { bolusDose, bolusDurationMs, lockoutMs, maxPerDay } = settings;
  if (!whole(bolusDose) || bolusDose <= 0)
    return refuse('program.ptmInvalid', 'PTM: the bolus dose must be a whole number of picograms above zero.');
  const d = PTM_RANGES.bolusDurationMs;
  if (!whole(bolusDurationMs) || bolusDurationMs < d.min || bolusDurationMs > d.max)
    return refuse(
      'program.ptmInvalid',
      `PTM: the bolus duration must be from ${minutes(d.min)} to ${minutes(d.max)}; ${bolusDurationMs} ms was given.`,
    );
  const l = PTM_RANGES.lockoutMs;
  if (!whole(lockoutMs) || lockoutMs < l.min || lockoutMs > l.max)
    return refuse(
      'program.ptmInvalid',
      `PTM: the lockout must be from ${minutes(l.min)} to ${minutes(l.max)}; ${lockoutMs} ms was given.`,
    );
  if (lockoutMs < bolusDurationMs)
    return refuse(
      'program.ptmInvalid',
      `PTM: the lockout (${minutes(lockoutMs)}) must be at least the bolus duration (${minutes(bolusDurationMs)}).`,
    );
  const n = PTM_RANGES.maxPerDay;
  if (!whole(maxPerDay) || maxPerDay < n.min || maxPerDay > n.max)
    return refuse(
      'program.ptmInvalid',
      `PTM: the most boluses a day must be a whole number from ${n.min} to ${n.max}; ${maxPerDay} was given.`,
    );
  const volume = ptmBolusVolume(settings, concentration);
  if (volume <= 0)
    return refuse('program.ptmInvalid', `PTM: the bolus dose is less than one nanolitre at ${concentration} mcg/mL.`);
  const combined = maxBasal + bolusRate(volume, bolusDurationMs);
  if (combined > profile.maxRate)
    return refuse(
      'program.ptmInvalid',
      `PTM: basal and bolus together would run at ${nanolitresPerDayToMlPerDay(combined as NanolitresPerDay)} mL/day, above the pump's maximum of ${nanolitresPerDayToMlPerDay(profile.maxRate)} mL/day; give the bolus over a longer time.`,
    );
  return ok(settings);
}
