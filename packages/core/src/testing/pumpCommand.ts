import type { PumpUpdate } from '../pump/applyUpdate.ts';
import type { Fluid } from '../pump/fluid.ts';
import type { Nanolitres } from '../units/quantity.ts';

/** One step of a random pump history, as a clinician, a refill nurse or time would take it. */
export type PumpCommand =
  | { readonly kind: 'wait'; readonly ms: number }
  | {
      readonly kind: 'refill';
      readonly aspirate: Nanolitres | 'all';
      readonly inject: Fluid;
      readonly record: Nanolitres;
    }
  | { readonly kind: 'update'; readonly update: PumpUpdate; readonly abandon: boolean }
  | { readonly kind: 'stop' }
  | { readonly kind: 'start' };
