import { baclofen } from '../drug/baclofen.ts';
import { averageProgramRate, batteryDrainPerDay } from '../pump/batteryLife.ts';
import { getDeviceProfile } from '../pump/deviceProfile.ts';
import type { PumpBeliefView } from '../pump/pumpStatus.ts';
import type { Milliseconds } from '../units/quantity.ts';
import { timeToAccumulate } from '../units/rateIntegral.ts';
import { forecastReservoir } from './forecastReservoir.ts';
import { nextRefillAt, replaceByAt } from './refillPlanning.ts';

/** The dates the programmer works out from an interrogation: when to expect the alarm, refill, replace. */
export interface ProgrammerDates {
  /** When the low-reservoir alarm is expected if therapy runs as programmed; null when it never is. */
  readonly lowReservoirAt: Milliseconds | null;
  /** When the reservoir is expected to be empty; null when it never is. */
  readonly emptyAt: Milliseconds | null;
  /** Refill by: the alarm date or the drug's stability limit, whichever is first. */
  readonly refillBy: Milliseconds | null;
  /**
   * When the elective replacement indicator is due: the instant it was raised, or before it an
   * estimate from the battery charge the pump reports and the program's average flow (null when the
   * battery would never reach it).
   */
  readonly eriExpectedAt: Milliseconds | null;
  /** Replace the pump by: ERI (reached or expected) plus the profile's ERI-to-EOS time. */
  readonly replaceBy: Milliseconds | null;
}

/** What the dates depend on: the pump as interrogated (or as it will be after an update). */
export type DatesInput = Pick<
  PumpBeliefView,
  | 'profileId'
  | 'now'
  | 'timeOfDayAtStart'
  | 'calculatedReservoir'
  | 'lowReservoirThreshold'
  | 'concentration'
  | 'therapy'
  | 'lastRefill'
  | 'eriAt'
  | 'batteryRemaining'
>;

/** The programmer's forecast dates for a pump as interrogated, or as an update would leave it. */
export function forecastDates(view: DatesInput): ProgrammerDates {
  const profile = getDeviceProfile(view.profileId);
  const forecast = forecastReservoir({
    now: view.now,
    timeOfDayAtStart: view.timeOfDayAtStart,
    calculatedReservoir: view.calculatedReservoir,
    threshold: view.lowReservoirThreshold,
    program: { drug: 'baclofen', concentration: view.concentration, therapy: view.therapy },
    profile,
  });
  const drain = batteryDrainPerDay(
    profile,
    averageProgramRate({ drug: 'baclofen', concentration: view.concentration, therapy: view.therapy }, profile),
  );
  const untilEri = timeToAccumulate(drain, 0, view.batteryRemaining);
  const eri = view.eriAt ?? (Number.isFinite(untilEri) ? ((view.now + untilEri) as Milliseconds) : null);
  return {
    lowReservoirAt: forecast.lowReservoirAt,
    emptyAt: forecast.emptyAt,
    refillBy: nextRefillAt({
      lowReservoirAt: forecast.lowReservoirAt,
      lastRefillAt: view.lastRefill?.at ?? null,
      stabilityDays: baclofen.stabilityDays,
    }),
    eriExpectedAt: eri,
    replaceBy: eri === null ? null : replaceByAt(eri, profile),
  };
}
