import {
  clockTime as clock,
  type DiffRow,
  type DrugId,
  dailyTotal,
  drugOf,
  drugTherapies,
  formatDose,
  MINUTES_PER_DAY,
  type Milliseconds,
  type PicogramsPerDay,
  type PumpProgram,
  ptmWords,
  type Therapy,
} from '@itps/core';
import { formatAmountOf, formatDailyDose, formatMl, formatSolution, formatStrength } from './units.ts';

/** A therapy in words, doses in the drug's own unit: "Simple continuous, 250.0 mcg/day" or the flex steps. */
export function formatTherapy(therapy: Therapy, drug: DrugId = 'baclofen'): string {
  switch (therapy.mode) {
    case 'simple':
      return `Simple continuous, ${formatDailyDose(therapy.dose, drug)}`;
    case 'flex':
      return `Flex: ${therapy.steps
        .map(
          (s, i) =>
            `${clock(s.startMinute)}-${clock(therapy.steps[i + 1]?.startMinute ?? MINUTES_PER_DAY)} ${formatDailyDose(s.dose, drug)}`,
        )
        .join('; ')}`;
    case 'minimum':
      return 'Minimum rate';
    case 'stopped':
      return 'Stopped';
  }
}

/** The lead drug of the pump before and of the program after: the drugs a review's doses are in. */
export interface DiffDrugs {
  readonly old: DrugId;
  readonly new: DrugId;
}
const BACLOFEN_ONLY: DiffDrugs = { old: 'baclofen', new: 'baclofen' };

/** The lead drugs of a review: the pump's, and the draft program's (the pump's when it changes none). */
export function diffDrugs(diff: readonly DiffRow[], pumpDrug: DrugId = 'baclofen'): DiffDrugs {
  const solution = diff.find((r) => r.field === 'solution');
  return { old: pumpDrug, new: solution?.field === 'solution' ? (solution.new[0]?.drug ?? pumpDrug) : pumpDrug };
}

/** A finish-screen row as label, old and new, in human units; dates written by `clock`. */
export function formatDiffRow(
  row: DiffRow,
  clock: (at: Milliseconds) => string,
  drugs: DiffDrugs = BACLOFEN_ONLY,
): { label: string; old: string; new: string } {
  const when = (at: Milliseconds | null) => (at === null ? 'none' : clock(at));
  const { old: oldDrug, new: newDrug } = drugs;
  switch (row.field) {
    case 'solution':
      return { label: 'Drugs in the reservoir', old: formatSolution(row.old), new: formatSolution(row.new) };
    case 'therapy':
      return { label: 'Therapy', old: formatTherapy(row.old, oldDrug), new: formatTherapy(row.new, newDrug) };
    case 'dailyTotal':
      return {
        label: oldDrug === newDrug ? '24-hour total' : '24-hour total (lead drug)',
        old: formatDailyDose(row.old, oldDrug),
        new: formatDailyDose(row.new, newDrug),
      };
    case 'concentration':
      return {
        label: 'Concentration',
        old: formatStrength(row.old, oldDrug),
        new: formatStrength(row.new, newDrug),
      };
    case 'drugDose': {
      const dose = (d: typeof row.old) => (d === null ? 'none' : formatDailyDose(d, row.drug));
      return { label: `24-hour ${drugOf(row.drug).shortName} (admixed)`, old: dose(row.old), new: dose(row.new) };
    }
    case 'reservoir':
      return { label: 'Reservoir volume', old: formatMl(row.old), new: formatMl(row.new) };
    case 'lowReservoirThreshold':
      return { label: 'Low-reservoir alarm', old: formatMl(row.old), new: formatMl(row.new) };
    case 'catheterVolume':
      return { label: 'Catheter volume', old: formatMl(row.old), new: formatMl(row.new) };
    case 'lowReservoirAlarmAt':
      return { label: 'Low-reservoir alarm expected', old: when(row.old), new: when(row.new) };
    case 'refillBy':
      return { label: 'Refill by', old: when(row.old), new: when(row.new) };
    case 'eriExpectedAt':
      // an estimate: its date, not a clock time it does not have
      return {
        label: 'Elective replacement (ERI) expected',
        old: when(row.old).split(',')[0] ?? '',
        new: when(row.new).split(',')[0] ?? '',
      };
    case 'bolus': {
      // a bridge moves the old solution: its drug is the pump's before the change
      const drug = row.new.kind === 'bridge' ? oldDrug : newDrug;
      const named = oldDrug === newDrug ? '' : ` of ${drugOf(drug).shortName}`;
      return {
        label: `${row.new.kind} bolus`,
        old: '-',
        new: `${formatAmountOf(row.dose, drug)}${named} (${formatMl(row.new.volume)}) over ${Math.round(row.new.durationMs / 60_000)} min`,
      };
    }
    case 'admixedBolus':
      return {
        label: `Bolus: ${drugOf(row.drug).shortName} (admixed)`,
        old: '-',
        new: formatAmountOf(row.new, row.drug),
      };
    case 'alarmTest':
      return { label: 'Alarm test', old: '-', new: 'both tones' };
    case 'ptm':
      return {
        label: "Patient's therapy manager (PTM)",
        old: ptmWords(row.old, row.drug, row.concentration.old),
        new: ptmWords(row.new, row.drug, row.concentration.new),
      };
    case 'ptmMostPerDay': {
      const most = (d: PicogramsPerDay | null) => (d === null ? 'no PTM' : formatDose(d, drugOf(row.drug)));
      return { label: 'Most in 24 hours, every patient bolus used', old: most(row.old), new: most(row.new) };
    }
  }
}

/** Each drug's 24-hour dose under a program, lead drug first: "morphine 2.000 mg/day", "baclofen 80.0 mcg/day". */
export const drugDoseLines = (program: PumpProgram): string[] =>
  drugTherapies(program).map(
    (d) => `${drugOf(d.drug).shortName} ${formatDailyDose(dailyTotal(d.therapy), d.drug)}${d.lead ? '' : ' (admixed)'}`,
  );
