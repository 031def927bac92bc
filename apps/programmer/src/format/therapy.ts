import {
  clockTime as clock,
  type DiffRow,
  drugOf,
  formatDose,
  MINUTES_PER_DAY,
  type Milliseconds,
  type PicogramsPerDay,
  picogramsToMcg,
  ptmWords,
  type Therapy,
} from '@itps/core';
import { formatMcgPerDay, formatMl } from './units.ts';

/** A therapy in words: "Simple continuous, 250.0 mcg/day" or the flex steps. */
export function formatTherapy(therapy: Therapy): string {
  switch (therapy.mode) {
    case 'simple':
      return `Simple continuous, ${formatMcgPerDay(therapy.dose)}`;
    case 'flex':
      return `Flex: ${therapy.steps
        .map(
          (s, i) =>
            `${clock(s.startMinute)}-${clock(therapy.steps[i + 1]?.startMinute ?? MINUTES_PER_DAY)} ${formatMcgPerDay(s.dose)}`,
        )
        .join('; ')}`;
    case 'minimum':
      return 'Minimum rate';
    case 'stopped':
      return 'Stopped';
  }
}

/** A finish-screen row as label, old and new, in human units; dates written by `clock`. */
export function formatDiffRow(
  row: DiffRow,
  clock: (at: Milliseconds) => string,
): { label: string; old: string; new: string } {
  const when = (at: Milliseconds | null) => (at === null ? 'none' : clock(at));
  switch (row.field) {
    case 'therapy':
      return { label: 'Therapy', old: formatTherapy(row.old), new: formatTherapy(row.new) };
    case 'dailyTotal':
      return { label: '24-hour total', old: formatMcgPerDay(row.old), new: formatMcgPerDay(row.new) };
    case 'concentration':
      return { label: 'Concentration', old: `${row.old} mcg/mL`, new: `${row.new} mcg/mL` };
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
    case 'bolus':
      return {
        label: `${row.new.kind} bolus`,
        old: '-',
        new: `${picogramsToMcg(row.dose).toFixed(1)} mcg (${formatMl(row.new.volume)}) over ${Math.round(row.new.durationMs / 60_000)} min`,
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
