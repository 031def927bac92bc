import { divide } from '../units/mulDiv.ts';
import type { McgPerMl, NanolitresPerDay, PicogramsPerDay } from '../units/quantity.ts';

/**
 * The volume flow that delivers `dose` at `concentration`, rounded to the nearest nL/day.
 * Rounding rule: nearest, halves up. Because mcg/mL is pg/nL, this is `dose / concentration`.
 * @example doseToRate(250 mcg/day, 500 mcg/mL) is 500 000 nL/day (0.5 mL/day)
 */
export const doseToRate = (dose: PicogramsPerDay, concentration: McgPerMl): NanolitresPerDay =>
  divide(dose, concentration, 'nearest') as NanolitresPerDay;

/** The dose a volume flow delivers at a concentration: exact. */
export const rateToDose = (rate: NanolitresPerDay, concentration: McgPerMl): PicogramsPerDay =>
  (rate * concentration) as PicogramsPerDay;
