import { ItpsMisuseError } from '../errors.ts';
import type { McgPerMl, Nanolitres, NanolitresPerDay, Picograms, PicogramsPerDay } from './quantity.ts';

/** Nanolitres in one millilitre. */
export const NL_PER_ML = 1_000_000;
/** Picograms in one microgram. */
export const PG_PER_MCG = 1_000_000;

function fromDecimal(where: string, value: number, scale: number): number {
  if (!Number.isFinite(value) || value < 0) {
    throw new ItpsMisuseError(where, `expected a finite non-negative number, got ${value}`);
  }
  const scaled = Math.round(value * scale);
  if (!Number.isSafeInteger(scaled)) throw new ItpsMisuseError(where, `${value} is out of range`);
  return scaled;
}

/** mL (decimal) to nanolitres, rounded to the nearest nanolitre. */
export const mlToNanolitres = (ml: number): Nanolitres => fromDecimal('mlToNanolitres', ml, NL_PER_ML) as Nanolitres;
/** Nanolitres to mL (decimal), for display and reports only. */
export const nanolitresToMl = (nl: Nanolitres): number => nl / NL_PER_ML;
/** mcg (decimal) to picograms, rounded to the nearest picogram. */
export const mcgToPicograms = (mcg: number): Picograms => fromDecimal('mcgToPicograms', mcg, PG_PER_MCG) as Picograms;
/** Picograms to mcg (decimal), for display and reports only. */
export const picogramsToMcg = (pg: Picograms): number => pg / PG_PER_MCG;
/** mcg/day (decimal) to picograms per day, rounded to the nearest pg/day. */
export const mcgPerDayToPicogramsPerDay = (mcgPerDay: number): PicogramsPerDay =>
  fromDecimal('mcgPerDayToPicogramsPerDay', mcgPerDay, PG_PER_MCG) as PicogramsPerDay;
/** Picograms per day to mcg/day (decimal), for display and reports only. */
export const picogramsPerDayToMcgPerDay = (rate: PicogramsPerDay): number => rate / PG_PER_MCG;
/** mL/day (decimal) to nanolitres per day, rounded to the nearest nL/day. */
export const mlPerDayToNanolitresPerDay = (mlPerDay: number): NanolitresPerDay =>
  fromDecimal('mlPerDayToNanolitresPerDay', mlPerDay, NL_PER_ML) as NanolitresPerDay;
/** Nanolitres per day to mL/day (decimal), for display and reports only. */
export const nanolitresPerDayToMlPerDay = (rate: NanolitresPerDay): number => rate / NL_PER_ML;

/** The drug mass in a volume at a concentration: exact, because mcg/mL is pg/nL. */
export const massInVolume = (volume: Nanolitres, concentration: McgPerMl): Picograms =>
  (volume * concentration) as Picograms;

/**
 * The concentration of a mixture in mcg/mL (decimal), for display and reports only; 0 for no volume.
 * State never stores a mixture's concentration: it stores volume and mass.
 */
export const concentrationOf = (volume: Nanolitres, mass: Picograms): number => (volume === 0 ? 0 : mass / volume);
