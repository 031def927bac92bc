import type { OpioidParameters } from './opioidParameters.ts';
import { rateConstants } from './patientDynamics.ts';

/**
 * Morphine that reached the body outside the spinal fluid (the pump's `pocket` sink: a pocket fill,
 * a disconnection, a tip under the skin), mcg: what still lies under the skin (`pocket`) and what
 * was absorbed into the `blood`. Both first-order: absorbed with `absorptionHalfLifeH`, eliminated
 * with `eliminationHalfLifeH` (see {@link OpioidParameters}).
 */
export interface SystemicMorphine {
  readonly pocket: number;
  readonly blood: number;
}

/** No morphine outside the spinal fluid. */
export const NO_SYSTEMIC: SystemicMorphine = { pocket: 0, blood: 0 };

const rates = (p: OpioidParameters) => ({
  absorption: Math.LN2 / p.systemic.absorptionHalfLifeH,
  elimination: Math.LN2 / p.systemic.eliminationHalfLifeH,
});

/**
 * The morphine under the skin and in the blood after `hours`, arriving under the skin at a constant
 * `inflowMcgPerH`: the exact solution of the two linear compartments
 * (pocket' = r - ka pocket, blood' = ka pocket - ke blood).
 */
export function stepSystemic(
  s: SystemicMorphine,
  p: OpioidParameters,
  inflowMcgPerH: number,
  hours: number,
): SystemicMorphine {
  if (hours <= 0) return s;
  const { absorption: ka, elimination: ke } = rates(p);
  const r = inflowMcgPerH;
  const a = s.pocket - r / ka;
  const eA = Math.exp(-ka * hours);
  const eE = Math.exp(-ke * hours);
  const pocket = r / ka + a * eA;
  // the same rate in and out of the blood: the limit of the general solution
  const blood =
    ka === ke
      ? r / ke + (s.blood - r / ke) * eE + ka * a * hours * eE
      : r / ke + ((ka * a) / (ke - ka)) * eA + (s.blood - r / ke - (ka * a) / (ke - ka)) * eE;
  return { pocket: Math.max(0, pocket), blood: Math.max(0, blood) };
}

/** The amounts a constant inflow under the skin settles to. */
export function steadySystemic(p: OpioidParameters, inflowMcgPerH: number): SystemicMorphine {
  const { absorption, elimination } = rates(p);
  return { pocket: inflowMcgPerH / absorption, blood: inflowMcgPerH / elimination };
}

/**
 * Morphine in the blood as intrathecal morphine in the effect compartment (mcg) that acts alike: a
 * systemic dose given steadily acts as `1 / potencyRatio` of it given intrathecally, so the blood's
 * amount counts times (its elimination rate / the CSF's) / `potencyRatio`.
 */
export function systemicEffectEquivalent(s: SystemicMorphine, p: OpioidParameters): number {
  return (s.blood * rates(p).elimination) / rateConstants(p).elimination / p.systemic.potencyRatio;
}

/** The same scale for what lies under the skin (for telling when the systemic drug has settled). */
export function pocketEffectEquivalent(s: SystemicMorphine, p: OpioidParameters): number {
  return (s.pocket * rates(p).elimination) / rateConstants(p).elimination / p.systemic.potencyRatio;
}
