import { ItpsMisuseError } from '../errors.ts';

declare const unit: unique symbol;
/** A number that is a safe integer count of `U`. The brand exists only for the type checker. */
export type Quantity<U extends string> = number & { readonly [unit]: U };

/** Volume in nanolitres (1 mL = 1 000 000 nL). */
export type Nanolitres = Quantity<'nL'>;
/** Drug mass in picograms (1 mcg = 1 000 000 pg). nL x mcg/mL is exactly pg. */
export type Picograms = Quantity<'pg'>;
/** Simulated time or a duration, in milliseconds. */
export type Milliseconds = Quantity<'ms'>;
/** Volume flow in nanolitres per day. */
export type NanolitresPerDay = Quantity<'nL/day'>;
/** Dose rate in picograms per day (1 mcg/day = 1 000 000 pg/day). */
export type PicogramsPerDay = Quantity<'pg/day'>;
/**
 * Drug concentration in micrograms per millilitre, whole numbers only. Numerically this is also
 * picograms per nanolitre, which is what makes `volume x concentration` an exact integer mass.
 */
export type McgPerMl = Quantity<'mcg/mL'>;
/** Battery charge in the profile's abstract battery units. */
export type BatteryUnits = Quantity<'BU'>;
/** Battery drain in battery units per day. */
export type BatteryUnitsPerDay = Quantity<'BU/day'>;

function checked<Q extends number>(name: string, value: number, min: number): Q {
  if (!Number.isSafeInteger(value) || value < min) {
    throw new ItpsMisuseError(name, `expected a safe integer >= ${min}, got ${value}`);
  }
  return value as Q;
}

/** Checks that `n` is a non-negative safe integer and brands it as nanolitres. */
export const nanolitres = (n: number): Nanolitres => checked('nanolitres', n, 0);
/** Checks that `n` is a non-negative safe integer and brands it as picograms. */
export const picograms = (n: number): Picograms => checked('picograms', n, 0);
/** Checks that `n` is a non-negative safe integer and brands it as milliseconds. */
export const milliseconds = (n: number): Milliseconds => checked('milliseconds', n, 0);
/** Checks that `n` is a non-negative safe integer and brands it as nanolitres per day. */
export const nanolitresPerDay = (n: number): NanolitresPerDay => checked('nanolitresPerDay', n, 0);
/** Checks that `n` is a non-negative safe integer and brands it as picograms per day. */
export const picogramsPerDay = (n: number): PicogramsPerDay => checked('picogramsPerDay', n, 0);
/** Checks that `n` is a positive safe integer and brands it as mcg/mL. */
export const mcgPerMl = (n: number): McgPerMl => checked('mcgPerMl', n, 1);
/** Checks that `n` is a non-negative safe integer and brands it as battery units. */
export const batteryUnits = (n: number): BatteryUnits => checked('batteryUnits', n, 0);
/** Checks that `n` is a non-negative safe integer and brands it as battery units per day. */
export const batteryUnitsPerDay = (n: number): BatteryUnitsPerDay => checked('batteryUnitsPerDay', n, 0);
