import type { BolusRequest } from '../pump/bolus.ts';
import { dailyTotal } from '../pump/dailyTotal.ts';
import type { Therapy } from '../pump/program.ts';
import type { PumpBeliefView } from '../pump/pumpStatus.ts';
import { massInVolume } from '../units/conversions.ts';
import type { McgPerMl, Milliseconds, Nanolitres, Picograms, PicogramsPerDay } from '../units/quantity.ts';
import type { Draft } from './draft.ts';
import { forecastDates } from './forecastDates.ts';

/** One row of the finish screen: a setting as it is in the pump and as it will be. */
export type DiffRow =
  | { readonly field: 'therapy'; readonly old: Therapy; readonly new: Therapy }
  | { readonly field: 'dailyTotal'; readonly old: PicogramsPerDay; readonly new: PicogramsPerDay }
  | { readonly field: 'concentration'; readonly old: McgPerMl; readonly new: McgPerMl }
  | {
      readonly field: 'reservoir' | 'lowReservoirThreshold' | 'catheterVolume';
      readonly old: Nanolitres;
      readonly new: Nanolitres;
    }
  | {
      readonly field: 'lowReservoirAlarmAt' | 'refillBy' | 'eriExpectedAt';
      readonly old: Milliseconds | null;
      readonly new: Milliseconds | null;
    }
  | { readonly field: 'bolus'; readonly old: null; readonly new: BolusRequest; readonly dose: Picograms }
  | { readonly field: 'alarmTest'; readonly old: null; readonly new: true };

/**
 * The finish screen's rows: every setting the draft changes, old beside new, in base units (the
 * app formats them). Nothing is sent before these have been shown and confirmed.
 */
export function finishDiff(view: PumpBeliefView, draft: Draft): DiffRow[] {
  const rows: DiffRow[] = [];
  const { update } = draft;
  if (update.program !== undefined) {
    rows.push({ field: 'therapy', old: view.therapy, new: update.program.therapy });
    rows.push({ field: 'dailyTotal', old: dailyTotal(view.therapy), new: dailyTotal(update.program.therapy) });
    if (update.program.concentration !== view.concentration) {
      rows.push({ field: 'concentration', old: view.concentration, new: update.program.concentration });
    }
  }
  if (update.calculatedReservoir !== undefined) {
    rows.push({ field: 'reservoir', old: view.calculatedReservoir, new: update.calculatedReservoir });
  }
  if (update.lowReservoirThreshold !== undefined) {
    rows.push({ field: 'lowReservoirThreshold', old: view.lowReservoirThreshold, new: update.lowReservoirThreshold });
  }
  if (update.catheterVolumeEntered !== undefined) {
    rows.push({ field: 'catheterVolume', old: view.catheterVolumeEntered, new: update.catheterVolumeEntered });
  }
  // what the change does to the dates that matter: when the alarm is expected and the refill due
  if (
    update.program !== undefined ||
    update.calculatedReservoir !== undefined ||
    update.lowReservoirThreshold !== undefined
  ) {
    const before = forecastDates(view);
    const after = forecastDates({
      ...view,
      // a completed update restarts therapy the pump had suspended (a stop, an update left unfinished)
      suspended: false,
      calculatedReservoir: update.calculatedReservoir ?? view.calculatedReservoir,
      lowReservoirThreshold: update.lowReservoirThreshold ?? view.lowReservoirThreshold,
      drug: update.program?.drug ?? view.drug,
      concentration: update.program?.concentration ?? view.concentration,
      admixed: update.program === undefined ? view.admixed : (update.program.admixed ?? []),
      therapy: update.program?.therapy ?? view.therapy,
      lastRefill:
        update.calculatedReservoir === undefined
          ? view.lastRefill
          : { at: view.now, volume: update.calculatedReservoir },
    });
    rows.push({ field: 'lowReservoirAlarmAt', old: before.lowReservoirAt, new: after.lowReservoirAt });
    rows.push({ field: 'refillBy', old: before.refillBy, new: after.refillBy });
    // a different flow drains the battery at a different rate: the elective replacement moves too
    if (view.eriAt === null && before.eriExpectedAt !== after.eriExpectedAt)
      rows.push({ field: 'eriExpectedAt', old: before.eriExpectedAt, new: after.eriExpectedAt });
  }
  if (draft.bolus !== null) {
    const concentration = update.program?.concentration ?? view.concentration;
    rows.push({ field: 'bolus', old: null, new: draft.bolus, dose: massInVolume(draft.bolus.volume, concentration) });
  }
  if (draft.alarmTest) rows.push({ field: 'alarmTest', old: null, new: true });
  return rows;
}
