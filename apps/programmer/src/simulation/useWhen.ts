import type { Milliseconds } from '@itps/core';
import { formatDay, formatWhen } from '../format/when.ts';
import { useWorldSelector } from './WorldProvider.tsx';

/** Writes a simulated instant as this world's wall clock shows it (calendar date when it has one). */
export function useWhen(): (at: Milliseconds) => string {
  const startsAt = useWorldSelector((s) => s.startsAt);
  const timeOfDayAtStart = useWorldSelector((s) => s.pump.timeOfDayAtStart);
  return (at) => formatWhen(at, timeOfDayAtStart, startsAt);
}

/** Writes the date an estimate lands on, without a clock time (ERI, replace by). */
export function useDay(): (at: Milliseconds) => string {
  const startsAt = useWorldSelector((s) => s.startsAt);
  const timeOfDayAtStart = useWorldSelector((s) => s.pump.timeOfDayAtStart);
  return (at) => formatDay(at, timeOfDayAtStart, startsAt);
}
