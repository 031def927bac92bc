import { MS_PER_DAY, MS_PER_HOUR } from '@itps/core';

/** A dragged instant snaps to the hour. */
export const SNAP_MS = MS_PER_HOUR;

/** The span the timeline shows: the exercise's end, or a day past its last item when one lies beyond. */
export function spanOf(durationMs: number | null, instants: readonly number[]): number {
  const last = Math.max(0, ...instants);
  const end = durationMs ?? 0;
  return Math.max(MS_PER_DAY, last > end ? last + MS_PER_DAY : end);
}

/** Where an instant sits along the timeline, from 0 to 1. */
export const fractionOf = (ms: number, span: number): number => Math.min(1, Math.max(0, ms / span));

/** The instant at a place along the timeline (0 to 1), snapped to the hour and kept within it. */
export function instantAt(fraction: number, span: number): number {
  const clamped = Math.min(1, Math.max(0, fraction));
  return Math.min(Math.round((clamped * span) / SNAP_MS) * SNAP_MS, Math.floor(span / SNAP_MS) * SNAP_MS);
}

/**
 * Where a key moves a marker: an arrow by an hour (a day with Shift), Page Up and Down by a day,
 * Home and End to the ends of the timeline shown. A key may move a marker past the end (the
 * timeline grows with it, and the checks say it lies after the exercise's end); never before the start.
 */
export function instantAfterKey(key: string, shift: boolean, ms: number, span: number): number | null {
  const by = (delta: number) => Math.max(0, ms + delta);
  switch (key) {
    case 'ArrowRight':
    case 'ArrowUp':
      return by(shift ? MS_PER_DAY : SNAP_MS);
    case 'ArrowLeft':
    case 'ArrowDown':
      return by(shift ? -MS_PER_DAY : -SNAP_MS);
    case 'PageUp':
      return by(MS_PER_DAY);
    case 'PageDown':
      return by(-MS_PER_DAY);
    case 'Home':
      return 0;
    case 'End':
      return span;
    default:
      return null;
  }
}

/** The days to label along the timeline: every day, or every 2, 7, 14 or 28 days when there are many. */
export function dayTicks(span: number): number[] {
  const days = Math.floor(span / MS_PER_DAY);
  const every = [1, 2, 7, 14, 28, 56].find((n) => days / n <= 12) ?? 112;
  const ticks: number[] = [];
  for (let d = 0; d <= days; d += every) ticks.push(d);
  return ticks;
}
