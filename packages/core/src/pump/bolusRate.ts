import { divide } from '../units/mulDiv.ts';
import type { Nanolitres, NanolitresPerDay } from '../units/quantity.ts';
import { MS_PER_DAY } from '../units/time.ts';

/** The flow that delivers `volume` over `durationMs`, to the nearest nL/day. */
export const bolusRate = (volume: Nanolitres, durationMs: number): NanolitresPerDay =>
  divide(volume * MS_PER_DAY, durationMs, 'nearest') as NanolitresPerDay;
