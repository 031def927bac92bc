import type { DrugId } from '../drug/drug.ts';
import type { SolutionPart } from '../drug/solution.ts';
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

/**
 * The program stored in the pump: the drug as the clinician entered it, and the therapy. `drug` and
 * `concentration` are the lead drug, whose dose the therapy gives and so sets the flow; `admixed`
 * are the other drugs in the reservoir as the clinician entered them (absent: a single drug), each
 * given at the same flow: its dose is the rate times its concentration.
 */
export interface PumpProgram {
  readonly drug: DrugId;
  /** The concentration the clinician entered (the pump's belief about its reservoir). */
  readonly concentration: McgPerMl;
  /** The other drugs of an admixture, each once and never the lead drug; absent for a single drug. */
  readonly admixed?: readonly SolutionPart[];
  readonly therapy: Therapy;
  /** The patient's therapy manager: boluses the patient may start on top of the therapy; absent: none. */
  readonly ptm?: PtmSettings;
}
