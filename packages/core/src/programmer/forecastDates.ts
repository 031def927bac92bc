import { baclofen } from '../drug/baclofen.ts';
import { getDeviceProfile } from '../pump/deviceProfile.ts';
import type { PumpBeliefView } from '../pump/pumpStatus.ts';
import type { Milliseconds } from '../units/quantity.ts';
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
  /** Replace the pump by (ERI plus the profile's ERI-to-EOS time); null before ERI. */
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
  return {
    lowReservoirAt: forecast.lowReservoirAt,
    emptyAt: forecast.emptyAt,
    refillBy: nextRefillAt({
      lowReservoirAt: forecast.lowReservoirAt,
      lastRefillAt: view.lastRefill?.at ?? null,
      stabilityDays: baclofen.stabilityDays,
    }),
    replaceBy: view.eriAt === null ? null : replaceByAt(view.eriAt, profile),
  };
}
