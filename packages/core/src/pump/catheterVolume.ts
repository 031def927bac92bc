import { ItpsMisuseError } from '../errors.ts';
import type { Nanolitres } from '../units/quantity.ts';

/**
 * The volume of an implanted catheter: implanted length (cm, decimals allowed) times volume per cm,
 * rounded to the nearest nanolitre. The same conversion places a leak or fracture `lengthCm` from
 * the pump.
 * @example implantedCatheterVolume(40, 2600 nL/cm) is 104 000 nL (0.104 mL)
 */
export function implantedCatheterVolume(lengthCm: number, volumePerCm: Nanolitres): Nanolitres {
  if (!Number.isFinite(lengthCm) || lengthCm < 0) {
    throw new ItpsMisuseError('implantedCatheterVolume', `expected a length >= 0 cm, got ${lengthCm}`);
  }
  return Math.round(lengthCm * volumePerCm) as Nanolitres;
}
