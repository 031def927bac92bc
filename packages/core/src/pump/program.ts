import type { DrugId } from '../drug/drug.ts';
import type { McgPerMl, PicogramsPerDay } from '../units/quantity.ts';
import type { PtmSettings } from './ptmSettings.ts';

/** Minutes in a day: flex steps start at a whole minute of the day. */
export const MINUTES_PER_DAY = 1440;

/** One step of a flex schedule: from `startMinute` (minutes after midnight) until the next step. */
export interface FlexStep {
  readonly startMinute: number;
  readonly dose: PicogramsPerDay;
}

/** The therapy the pump runs: the mode and its dose. */
export type Therapy =
  | { readonly mode: 'simple'; readonly dose: PicogramsPerDay }
  | { readonly mode: 'flex'; readonly steps: readonly FlexStep[] }
  | { readonly mode: 'minimum' }
  | { readonly mode: 'stopped' };

/** Therapy mode names. */
export type TherapyMode = Therapy['mode'];

/** The program stored in the pump: the drug as the clinician entered it, and the therapy. */
export interface PumpProgram {
  readonly drug: DrugId;
  /** The concentration the clinician entered (the pump's belief about its reservoir). */
  readonly concentration: McgPerMl;
  readonly therapy: Therapy;
  /** The patient's therapy manager: boluses the patient may start on top of the therapy; absent: none. */
  readonly ptm?: PtmSettings;
}
