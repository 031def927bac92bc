import {
  type DoseNow,
  type DoseNowReason,
  type DrugId,
  doseUnitLabel,
  drugOf,
  type ForecastDate,
  type Milliseconds,
} from '@itps/core';
import { formatDailyDose } from './units.ts';

/** Why the pump delivers what it delivers, in a clinician's words. */
export const DOSE_NOW_WORDS: Readonly<Record<DoseNowReason, string>> = {
  memoryError: 'stopped for good, pump memory error',
  endOfService: 'stopped for good, battery at end of service',
  motorStall: 'stopped, motor stalled',
  awaitingInterrogation: 'stopped after the MRI until the pump is read',
  reservoirEmpty: 'stopped, reservoir empty',
  updateIncomplete: 'stopped, an update was begun and not completed',
  stoppedByClinician: 'stopped by a clinician',
  programStopped: 'programmed to deliver nothing',
  minimumRate: 'minimum rate after a low-battery reset',
  bolus: 'a bolus is running',
  running: 'as programmed',
};

/**
 * The dose now as the status screen writes it, in the drug's own unit: "250.0 mcg/day",
 * "0 mcg/day: stopped, reservoir empty", "2.000 mg/day" for morphine.
 */
export function doseNowWords(d: DoseNow, drug: DrugId = 'baclofen'): string {
  if (d.halted) return `0 ${doseUnitLabel(drugOf(drug))}: ${DOSE_NOW_WORDS[d.reason]}`;
  const dose = formatDailyDose(d.dose, drug);
  return d.reason === 'running' ? dose : `${dose} (${DOSE_NOW_WORDS[d.reason]})`;
}

/** How one kind of date is said when it has come and when it is to come. */
export interface DateWording {
  /** "sounding since", "overdue since", "reached" */
  readonly past: string;
  /** "expected", or nothing before the date */
  readonly expected: string;
}

/** Whole days, rounded down, with their unit: "26 days", "1 day". */
const inDays = (ms: number) => {
  const d = Math.floor(ms / 86_400_000);
  return d === 1 ? '1 day' : `${d} days`;
};

/**
 * A forecast date in words, plainly past or to come: "sounding since Mon 5 Jan 2026, 08:00 (day 0)",
 * "expected day 36, 00:00", "none while the pump is stopped (26 days after it restarts)".
 */
export function forecastWords(d: ForecastDate, when: (at: Milliseconds) => string, wording: DateWording): string {
  switch (d.status) {
    case 'past':
      return `${wording.past} ${when(d.at)}`;
    case 'expected':
      return wording.expected === '' ? when(d.at) : `${wording.expected} ${when(d.at)}`;
    case 'halted':
      return d.afterRestart === null
        ? 'none while the pump delivers nothing'
        : `none while the pump delivers nothing (${inDays(d.afterRestart)} after therapy restarts)`;
    case 'none':
      return 'none within two years as programmed';
  }
}
