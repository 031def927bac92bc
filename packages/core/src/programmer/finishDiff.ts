import type { DrugId } from '../drug/drug.ts';
import type { SolutionPart } from '../drug/solution.ts';
import type { BolusRequest } from '../pump/bolus.ts';
import { dailyTotal } from '../pump/dailyTotal.ts';
import { drugTherapies } from '../pump/drugTherapies.ts';
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
      /** The solution in the reservoir, lead drug first, when its drugs change. */
      readonly field: 'solution';
      readonly old: readonly SolutionPart[];
      readonly new: readonly SolutionPart[];
    }
  | {
      /** The 24-hour dose of a drug admixed before or after (null where the solution holds none of it). */
      readonly field: 'drugDose';
      readonly drug: DrugId;
      readonly old: PicogramsPerDay | null;
      readonly new: PicogramsPerDay | null;
    }
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
  | {
      readonly field: 'bolus';
      readonly old: null;
      readonly new: BolusRequest;
      /** The lead drug's mass in the bolus (for a bridge, of the old solution it moves: the pump's lead drug before the change). */
      readonly dose: Picograms;
    }
  | {
      /** The mass of a drug admixed in a bolus's solution. */
      readonly field: 'admixedBolus';
      readonly drug: DrugId;
      readonly old: null;
      readonly new: Picograms;
    }
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
 * app formats them, each dose in its drug's unit: the lead drug's is the pump's before and the
 * draft's after; a change of drugs has its own row, and each admixed drug its dose's row). Nothing is sent before these have been shown and confirmed.
 */
export function finishDiff(view: PumpBeliefView, draft: Draft): DiffRow[] {
  const rows: DiffRow[] = [];
  const { update } = draft;
  if (update.program !== undefined) {
    const program = update.program;
    const oldParts: SolutionPart[] = [{ drug: view.drug, concentration: view.concentration }, ...view.admixed];
    const newParts: SolutionPart[] = [
      { drug: program.drug, concentration: program.concentration },
      ...(program.admixed ?? []),
    ];
    const names = (parts: readonly SolutionPart[]) => parts.map((p) => p.drug).join(',');
    if (names(oldParts) !== names(newParts)) rows.push({ field: 'solution', old: oldParts, new: newParts });
    rows.push({ field: 'therapy', old: view.therapy, new: program.therapy });
    rows.push({ field: 'dailyTotal', old: dailyTotal(view.therapy), new: dailyTotal(program.therapy) });
    if (program.concentration !== view.concentration || program.drug !== view.drug) {
      rows.push({ field: 'concentration', old: view.concentration, new: program.concentration });
    }
    // every other drug's dose: the flow times its concentration, before and after
    const before = drugTherapies({
      drug: view.drug,
      concentration: view.concentration,
      admixed: view.admixed,
      therapy: view.therapy,
    });
    const after = drugTherapies(program);
    const others = [...new Set([...before, ...after].filter((d) => !d.lead).map((d) => d.drug))];
    for (const drug of others) {
      const was = before.find((d) => d.drug === drug);
      const will = after.find((d) => d.drug === drug);
      rows.push({
        field: 'drugDose',
        drug,
        old: was === undefined ? null : dailyTotal(was.therapy),
        new: will === undefined ? null : dailyTotal(will.therapy),
      });
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
    // a bridge moves the old solution still in the tubing and catheter; any other bolus the reservoir's
    const old = draft.bolus.kind === 'bridge';
    const concentration = old ? view.concentration : (update.program?.concentration ?? view.concentration);
    const volume = draft.bolus.volume;
    rows.push({ field: 'bolus', old: null, new: draft.bolus, dose: massInVolume(volume, concentration) });
    const admixed = old || update.program === undefined ? view.admixed : (update.program.admixed ?? []);
    for (const part of admixed)
      rows.push({ field: 'admixedBolus', drug: part.drug, old: null, new: massInVolume(volume, part.concentration) });
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
