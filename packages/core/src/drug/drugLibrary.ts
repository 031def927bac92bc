import type { McgPerMl } from '../units/quantity.ts';
import { baclofen } from './baclofen.ts';
import type { Drug, DrugId } from './drug.ts';
import { morphine } from './morphine.ts';
import type { SolutionPart } from './solution.ts';
import { ziconotide } from './ziconotide.ts';

/** The drug library: every drug the pump may hold, by its id. */
export const DRUGS: Readonly<Record<DrugId, Drug>> = { baclofen, morphine, ziconotide };

/** Every drug id of the library, in the order the programmer lists them. */
export const DRUG_IDS: readonly DrugId[] = ['baclofen', 'morphine', 'ziconotide'];

/** The library's entry for a drug. */
export const drugOf = (id: DrugId): Drug => DRUGS[id];

/** Whether a string names a drug of the library (for input from outside). */
export const isDrugId = (id: unknown): id is DrugId => typeof id === 'string' && Object.hasOwn(DRUGS, id);

/** At most this many drugs besides the lead drug in one reservoir (U: a training figure). */
export const MAX_ADMIXED = 3;

/**
 * Longest interval between refills of any admixture: the shortest stability tested, 30 days for
 * baclofen with morphine at 37 °C (V) [P49 of pain-drugs.md]; an admixture is off-label (D).
 */
export const ADMIXTURE_STABILITY_DAYS = 30;

/** How long a drug at a concentration keeps in the pump: a dilution may keep less long than the stock. */
export function stabilityDaysOf(drug: Drug, concentration: McgPerMl): number {
  return drug.dilutedStabilityDays !== null && !drug.stockConcentrations.includes(concentration)
    ? drug.dilutedStabilityDays
    : drug.stabilityDays;
}

/**
 * How long a reservoir's solution keeps: the lead drug's own stability alone, or for an admixture the
 * shortest of every drug's and the admixture limit.
 */
export function solutionStabilityDays(lead: SolutionPart, admixed: readonly SolutionPart[] = []): number {
  const own = [lead, ...admixed].map((part) => stabilityDaysOf(drugOf(part.drug), part.concentration));
  return Math.min(...own, ...(admixed.length > 0 ? [ADMIXTURE_STABILITY_DAYS] : []));
}
