import type { McgPerMl, PicogramsPerDay } from '../units/quantity.ts';
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
  // refill at least every 180 days (V) [R39]
  stabilityDays: 180,
};
