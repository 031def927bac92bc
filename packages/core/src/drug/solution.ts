import type { McgPerMl } from '../units/quantity.ts';
import type { DrugId } from './drug.ts';

/**
 * One drug of a solution and its concentration. Every concentration is in mcg/mL (which is pg/nL),
 * whatever unit the drug's doses are shown in: 25 mg/mL of morphine is 25 000 mcg/mL.
 */
export interface SolutionPart {
  readonly drug: DrugId;
  readonly concentration: McgPerMl;
}

/**
 * What a syringe or a reservoir holds: one drug, or an admixture of several, each once. The first
 * part is the lead drug: the one whose dose sets the pump's rate when the solution is programmed.
 */
export type Solution = readonly [SolutionPart, ...SolutionPart[]];

/** A solution of one drug. */
export const singleDrug = (drug: DrugId, concentration: McgPerMl): Solution => [{ drug, concentration }];
