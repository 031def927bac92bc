import type { DrugId } from '../drug/drug.ts';
import type { BolusRequest } from '../pump/bolus.ts';
import { dailyTotal } from '../pump/dailyTotal.ts';
import type { PumpProgram, Therapy } from '../pump/program.ts';
import type { PtmSettings } from '../pump/ptmSettings.ts';
import type { PumpBeliefView } from '../pump/pumpStatus.ts';
import { massInVolume } from '../units/conversions.ts';
import type { McgPerMl, Milliseconds, Nanolitres, Picograms, PicogramsPerDay } from '../units/quantity.ts';
import type { Draft } from './draft.ts';
import { forecastDates } from './forecastDates.ts';
import { programOfView } from './programOfView.ts';
import { ptmMostPerDay } from './ptmRules.ts';

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
  | { readonly field: 'alarmTest'; readonly old: null; readonly new: true }
  /** The patient's therapy manager switched on, off or changed, with the drug its doses are in. */
  | {
      readonly field: 'ptm';
      readonly old: PtmSettings | null;
      readonly new: PtmSettings | null;
      readonly drug: DrugId;
      readonly concentration: { readonly old: McgPerMl; readonly new: McgPerMl };
    }
  /** The most the program gives in any 24 hours with every patient bolus used (null: no PTM). */
  | {
      readonly field: 'ptmMostPerDay';
      readonly old: PicogramsPerDay | null;
      readonly new: PicogramsPerDay | null;
      readonly drug: DrugId;
    };

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
    rows.push(...ptmRows(view, update.program));
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

/** The PTM rows, when the program sent has PTM or the pump's had: the settings and the most per 24 hours, old beside new. */
function ptmRows(view: PumpBeliefView, program: PumpProgram): DiffRow[] {
  const old = view.ptm ?? null;
  const next = program.ptm ?? null;
  if (old === null && next === null) return [];
  const most = (p: PumpProgram, s: PtmSettings | null) => (s === null ? null : ptmMostPerDay(p, s));
  const rows: DiffRow[] = [];
  if (JSON.stringify(old) !== JSON.stringify(next))
    rows.push({
      field: 'ptm',
      old,
      new: next,
      drug: program.drug,
      concentration: { old: view.concentration, new: program.concentration },
    });
  rows.push({
    field: 'ptmMostPerDay',
    old: most(programOfView(view), old),
    new: most(program, next),
    drug: program.drug,
  });
  return rows;
}
