import { doseToRate } from '../drug/doseToRate.ts';
import type { DrugId } from '../drug/drug.ts';
import { drugOf } from '../drug/drugLibrary.ts';
import { formatAmount } from '../drug/formatDose.ts';
import { dailyTotal } from '../pump/dailyTotal.ts';
import type { PtmSettings } from '../pump/ptmSettings.ts';
import { ptmBolusVolume } from '../pump/ptmSettings.ts';
import { logEntries } from '../pump/pumpLog.ts';
import type { PumpBeliefView } from '../pump/pumpStatus.ts';
import { massInVolume } from '../units/conversions.ts';
import { divide } from '../units/mulDiv.ts';
import type { McgPerMl, Milliseconds } from '../units/quantity.ts';
import { MS_PER_DAY, MS_PER_HOUR, MS_PER_MINUTE } from '../units/time.ts';
import { ptmMostBolusesPerDay } from './ptmRules.ts';

/** How many presses of the patient's handheld the pump logged, by what it did with them. */
export interface PtmCounts {
  readonly presses: number;
  readonly boluses: number;
  readonly lockedOut: number;
  readonly dayLimit: number;
  readonly unavailable: number;
}

/**
 * The programmer's PTM report, read from the pump at interrogation: the settings programmed, the
 * presses of the last 24 hours and since the log began by what each did, and when the last bolus
 * started. A clinician reads it as a real programmer's PTM activity report: boluses given, presses
 * refused (a patient pressing through the lockout is in pain the basal does not cover).
 */
export interface PtmReport {
  readonly settings: PtmSettings | null;
  /** In the 24 hours before the interrogation (`(now - 24 h, now]`). */
  readonly last24h: PtmCounts;
  /** Since the pump's log began. */
  readonly total: PtmCounts;
  readonly lastBolusAt: Milliseconds | null;
  /**
   * When the calculated reservoir would reach the low-reservoir alarm if the patient used every
   * bolus the lockout and the day's limit allow, from the interrogation on (the Prometra PTC dates
   * its refill so, (V) [R42]); null without PTM, while nothing is pumped, or when already there.
   */
  readonly alarmIfEveryBolusAt: Milliseconds | null;
}

const EMPTY: PtmCounts = { presses: 0, boluses: 0, lockedOut: 0, dayLimit: 0, unavailable: 0 };
const FIELD = {
  'ptm.bolus': 'boluses',
  'ptm.lockedOut': 'lockedOut',
  'ptm.dayLimit': 'dayLimit',
  'ptm.unavailable': 'unavailable',
} as const;

const counted = (counts: PtmCounts, field: keyof PtmCounts): PtmCounts => ({
  ...counts,
  presses: counts.presses + 1,
  [field]: counts[field] + 1,
});

/** The PTM report of a pump as interrogated (its settings and its log). */
export function ptmReport(view: PumpBeliefView): PtmReport {
  let last24h = EMPTY;
  let total = EMPTY;
  let lastBolusAt: Milliseconds | null = null;
  for (const entry of logEntries(view.log)) {
    if (!(entry.type in FIELD)) continue;
    const field = FIELD[entry.type as keyof typeof FIELD];
    total = counted(total, field);
    if (entry.at > view.now - MS_PER_DAY) last24h = counted(last24h, field);
    if (entry.type === 'ptm.bolus') lastBolusAt = entry.at;
  }
  const settings = view.ptm ?? null;
  return { settings, last24h, total, lastBolusAt, alarmIfEveryBolusAt: alarmIfEveryBolus(view, settings) };
}

/**
 * The low-reservoir alarm's instant with every allowed bolus used, at the basal day's mean flow (a
 * bolus is at least a nanolitre and at least one is allowed a day, so the flow is never zero).
 */
function alarmIfEveryBolus(view: PumpBeliefView, settings: PtmSettings | null): Milliseconds | null {
  const left = view.calculatedReservoir - view.lowReservoirThreshold;
  if (settings === null || view.deliveringRate === 0 || left <= 0) return null;
  const basal = doseToRate(dailyTotal(view.therapy), view.concentration);
  const flow = basal + ptmMostBolusesPerDay(settings) * ptmBolusVolume(settings, view.concentration);
  return (view.now + divide(left * MS_PER_DAY, flow, 'floor')) as Milliseconds;
}

const span = (ms: number) =>
  ms % MS_PER_HOUR === 0
    ? `${ms / MS_PER_HOUR} h`
    : ms > MS_PER_HOUR
      ? `${Math.floor(ms / MS_PER_HOUR)} h ${Math.round((ms % MS_PER_HOUR) / MS_PER_MINUTE)} min`
      : `${Math.round(ms / MS_PER_MINUTE)} min`;

/**
 * PTM settings in a clinician's words, the dose in the drug's unit as the pump gives it (to the
 * nanolitre at the concentration): "0.1 mg over 15 min; lockout 1 h; at most 6 in 24 hours".
 */
export function ptmWords(settings: PtmSettings | null, drug: DrugId, concentration: McgPerMl): string {
  if (settings === null) return 'off';
  const given = massInVolume(ptmBolusVolume(settings, concentration), concentration);
  return `${formatAmount(given, drugOf(drug))} over ${span(settings.bolusDurationMs)}; lockout ${span(settings.lockoutMs)}; at most ${settings.maxPerDay} in 24 hours`;
}
