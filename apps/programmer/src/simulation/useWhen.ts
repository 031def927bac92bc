import type { Milliseconds } from '@itps/core';
import { createContext, useContext } from 'react';
import { formatDay, formatWhen } from '../format/when.ts';
import { useOptionalTraineeView } from './WorldProvider.tsx';

/** The wall clock of a world: its calendar date at t = 0 (or none) and the time of day then. */
export interface ClockOrigin {
  readonly startsAt: string | null;
  readonly timeOfDayAtStart: Milliseconds;
}

/**
 * The clock to write instants by where no world is behind the page (a stored record's debrief, a
 * class seat the instructor watches); under a world its own clock is used.
 */
export const ClockOriginContext = createContext<ClockOrigin | null>(null);

function useClockOrigin(): ClockOrigin {
  const given = useContext(ClockOriginContext);
  const view = useOptionalTraineeView();
  const origin = given ?? view;
  if (origin === null) throw new Error('useWhen: neither a world nor a ClockOriginContext above');
  return origin;
}

/** Writes a simulated instant as this world's wall clock shows it (calendar date when it has one). */
export function useWhen(): (at: Milliseconds) => string {
  const { startsAt, timeOfDayAtStart } = useClockOrigin();
  return (at) => formatWhen(at, timeOfDayAtStart, startsAt);
}

/** Writes the date an estimate lands on, without a clock time (ERI, replace by). */
export function useDay(): (at: Milliseconds) => string {
  const { startsAt, timeOfDayAtStart } = useClockOrigin();
  return (at) => formatDay(at, timeOfDayAtStart, startsAt);
}
