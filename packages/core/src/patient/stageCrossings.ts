import type { Milliseconds } from '../units/quantity.ts';
import { MS_PER_HOUR } from '../units/time.ts';

/** A stage change at its own instant. */
export interface StageChange<S extends string> {
  readonly at: Milliseconds;
  readonly stage: S;
}

/**
 * The stage changes of a quantity that moves linearly from `from` to `to` over a step of `hours`
 * starting at `stepStart`: rising through a threshold enters its stage, falling below it enters the
 * stage under it. `thresholds` pairs each stage but the first of `order` with the value it begins
 * at, in rising order. The instants are exact (the quantity is linear within the step), rounded to
 * the millisecond.
 */
export function stageCrossings<S extends string>(
  order: readonly S[],
  thresholds: readonly (readonly [S, number])[],
  from: number,
  to: number,
  stepStart: number,
  hours: number,
): StageChange<S>[] {
  const out: StageChange<S>[] = [];
  if (from === to) return out;
  const at = (threshold: number) =>
    (stepStart + Math.round(((threshold - from) / (to - from)) * hours * MS_PER_HOUR)) as Milliseconds;
  for (const [stage, threshold] of thresholds) {
    if (from < threshold && to >= threshold) out.push({ at: at(threshold), stage });
    else if (from >= threshold && to < threshold)
      out.push({ at: at(threshold), stage: order[order.indexOf(stage) - 1] as S });
  }
  return out;
}

/** The stage a value is in, for thresholds in rising order (the first stage of `order` below them all). */
export function stageOf<S extends string>(
  order: readonly S[],
  thresholds: readonly (readonly [S, number])[],
  value: number,
): S {
  let stage = order[0] as S;
  for (const [name, from] of thresholds) if (value >= from) stage = name;
  return stage;
}

/** The more severe of two stages in `order`. */
export const worseOf = <S extends string>(order: readonly S[], a: S, b: S): S =>
  order.indexOf(b) > order.indexOf(a) ? b : a;
