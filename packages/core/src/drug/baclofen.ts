import type { McgPerMl, Picograms, PicogramsPerDay } from '../units/quantity.ts';
import type { Drug } from './drug.ts';

/**
 * Intrathecal baclofen. Figures from shared/reference/domain-research.md; tags as there.
 */
export const baclofen: Drug = {
  id: 'baclofen',
  name: 'Baclofen (intrathecal)',
  // Lioresal 50/500/2000, Gablofen adds 1000 (V) [R60, R37]
  stockConcentrations: [50, 500, 1000, 2000] as McgPerMl[],
  // custom dilutions up to the highest labelled 2000 mcg/mL (V) [R60, R37]; the floor of 1 mcg/mL is ours (U)
  minConcentration: 1 as McgPerMl,
  maxConcentration: 2000 as McgPerMl,
  // soft 1000 mcg/day (2°) [R37, R38], hard 2000 mcg/day (2°) [R38]; training aids, not label limits
  softMaxDose: 1_000_000_000 as PicogramsPerDay,
  hardMaxDose: 2_000_000_000 as PicogramsPerDay,
  // +30 %/24 h spinal, +15 %/24 h cerebral and children (V) [R29, R28b]
  titrationLimitPpm: { spinal: 300_000, cerebral: 150_000, pediatric: 150_000 },
  // reductions of 10-20 % for side effects (V) [R28b]; a larger step risks withdrawal: confirm it (U)
  decreaseLimitPpm: 200_000,
  // the screening test doses go up to 100 mcg (V) [R28] and overdose followed a 25 mcg bolus (V) [R77]:
  // above 100 mcg confirm, above 300 mcg refuse (U, training figures, not label limits)
  bolusSoftMax: 100_000_000 as Picograms,
  bolusHardMax: 300_000_000 as Picograms,
  // refill at least every 180 days (V) [R39]
  stabilityDays: 180,
};
