import type { McgPerMl, Picograms, PicogramsPerDay } from '../units/quantity.ts';
import type { DoseUnit, Drug } from './drug.ts';

/** Picograms in one of the unit's masses: 1 mcg = 10^6 pg, 1 mg = 10^9 pg. */
const PG_PER_UNIT: Readonly<Record<DoseUnit, number>> = { mcg: 1_000_000, mg: 1_000_000_000 };
/** mcg/mL in one of the unit's concentrations: 1 mg/mL = 1000 mcg/mL. */
const MCG_PER_ML_PER_UNIT: Readonly<Record<DoseUnit, number>> = { mcg: 1, mg: 1000 };
/** Decimals shown by default: a tenth of a mcg, a thousandth of a mg (one mcg). */
const DEFAULT_DIGITS: Readonly<Record<DoseUnit, number>> = { mcg: 1, mg: 3 };

const rounded = (value: number, digits: number) => {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
};

/** A daily dose in the drug's own unit, as a plain number (mcg/day or mg/day). */
export const doseInUnit = (dose: PicogramsPerDay, drug: Drug): number => dose / PG_PER_UNIT[drug.doseUnit];

/** A daily dose typed in the drug's own unit, in pg/day (nearest picogram). */
export const doseFromUnit = (value: number, drug: Drug): PicogramsPerDay =>
  Math.round(value * PG_PER_UNIT[drug.doseUnit]) as PicogramsPerDay;

/** A drug mass in the drug's own unit, as a plain number (mcg or mg). */
export const amountInUnit = (mass: Picograms, drug: Drug): number => mass / PG_PER_UNIT[drug.doseUnit];

/** A drug mass typed in the drug's own unit (a bolus), in pg (nearest picogram). */
export const amountFromUnit = (value: number, drug: Drug): Picograms =>
  Math.round(value * PG_PER_UNIT[drug.doseUnit]) as Picograms;

/** A concentration in the drug's own unit, as a plain number (mcg/mL or mg/mL). */
export const concentrationInUnit = (concentration: McgPerMl, drug: Drug): number =>
  concentration / MCG_PER_ML_PER_UNIT[drug.doseUnit];

/**
 * A concentration typed in the drug's own unit, in whole mcg/mL; null when it is not a whole number
 * of mcg/mL (2.5 mg/mL is 2500 mcg/mL; 0.0005 mg/mL is not a concentration the pump can hold).
 */
export function concentrationFromUnit(value: number, drug: Drug): McgPerMl | null {
  const mcg = value * MCG_PER_ML_PER_UNIT[drug.doseUnit];
  const whole = Math.round(mcg);
  return Number.isFinite(mcg) && Math.abs(mcg - whole) < 1e-6 && whole > 0 ? (whole as McgPerMl) : null;
}

/** The unit of a drug's daily doses: "mcg/day" or "mg/day". */
export const doseUnitLabel = (drug: Drug): string => `${drug.doseUnit}/day`;
/** The unit of a drug's concentrations: "mcg/mL" or "mg/mL". */
export const concentrationUnitLabel = (drug: Drug): string => `${drug.doseUnit}/mL`;

/**
 * A daily dose in the drug's own unit, rounded to `digits` decimals of that unit (by default a
 * tenth of a mcg or a thousandth of a mg), trailing zeros dropped.
 * @example formatDose(250 mcg/day, baclofen) is "250 mcg/day"; formatDose(10 mg/day, morphine) is "10 mg/day"
 */
export const formatDose = (dose: PicogramsPerDay, drug: Drug, digits = DEFAULT_DIGITS[drug.doseUnit]): string =>
  `${rounded(doseInUnit(dose, drug), digits)} ${doseUnitLabel(drug)}`;

/**
 * A concentration in the drug's own unit, exact (a whole mcg/mL is at most three decimals of a mg/mL).
 * @example formatConcentration(500, baclofen) is "500 mcg/mL"; formatConcentration(25 000, morphine) is "25 mg/mL"
 */
export const formatConcentration = (concentration: McgPerMl, drug: Drug): string =>
  `${concentrationInUnit(concentration, drug)} ${concentrationUnitLabel(drug)}`;

/**
 * A drug mass (a bolus) in the drug's own unit, rounded as {@link formatDose}.
 * @example formatAmount(50 mcg, baclofen) is "50 mcg"; formatAmount(0.5 mg, morphine) is "0.5 mg"
 */
export const formatAmount = (mass: Picograms, drug: Drug, digits = DEFAULT_DIGITS[drug.doseUnit]): string =>
  `${rounded(amountInUnit(mass, drug), digits)} ${drug.doseUnit}`;
