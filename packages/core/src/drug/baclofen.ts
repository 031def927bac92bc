import type { McgPerMl, Picograms, PicogramsPerDay } from '../units/quantity.ts';
import type { Drug } from './drug.ts';

/**
 * Intrathecal baclofen. Figures from shared/reference/domain-research.md; tags as there.
 */
export const baclofen: Drug = {
  id: 'baclofen',
  name: 'Baclofen (intrathecal)',
  shortName: 'baclofen',
  // the labels give doses in mcg/day and concentrations in mcg/mL (V) [R60]
  doseUnit: 'mcg',
  // Lioresal 50/500/2000, Gablofen adds 1000 (V) [R60, R37]
  stockConcentrations: [50, 500, 1000, 2000] as McgPerMl[],
  // custom dilutions up to the highest labelled 2000 mcg/mL (V) [R60, R37]; the floor of 1 mcg/mL is ours (U)
  minConcentration: 1 as McgPerMl,
  maxConcentration: 2000 as McgPerMl,
  softMaxConcentration: null,
  // soft 1000 mcg/day (2°) [R37, R38], hard 2000 mcg/day (2°) [R38]; training aids, not label limits
  softMaxDose: 1_000_000_000 as PicogramsPerDay,
  hardMaxDose: 2_000_000_000 as PicogramsPerDay,
  // the start follows the screening trial (judgeStartingDose), not a library figure
  startMaxDose: null,
  // +30 %/24 h spinal, +15 %/24 h cerebral and children (V) [R29, R28b]
  titrationLimitPpm: { spinal: 300_000, cerebral: 150_000, pediatric: 150_000 },
  titrationStepMax: null,
  // the per-24 h percentage is the whole rule; no interval is checked for baclofen
  minIncreaseInterval: null,
  // reductions of 10-20 % for side effects (V) [R28b]; a larger step risks withdrawal: confirm it (U)
  decreaseLimitPpm: 200_000,
  opioidRanges: null,
  // the screening test doses go up to 100 mcg (V) [R28] and overdose followed a 25 mcg bolus (V) [R77]:
  // above 100 mcg confirm, above 300 mcg refuse (U, training figures, not label limits)
  bolusSoftMax: 100_000_000 as Picograms,
  bolusHardMax: 300_000_000 as Picograms,
  // a patient bolus device is not for intrathecal baclofen (V) [P58 of pain-drugs.md]
  patientBolusAllowed: false,
  // refill at least every 180 days (V) [R39]
  stabilityDays: 180,
  dilutedStabilityDays: null,
  words: {
    // withdrawal in 1-3 days, can be fatal (V) [R51, R37]
    withdrawal:
      'Withdrawal usually begins within 1 to 3 days (itching, returning spasms, fast heart rate); severe withdrawal (high fever, rigidity, confusion) can follow over 24 to 72 hours and can kill.',
    toleranceFalls: 'tolerance falls',
    restartRisk: 'the full former dose can cause an overdose (drowsiness, weakness, slowed breathing)',
    stallWatch: 'withdrawal',
    afterIncrease: '',
    // overdose followed a 25 mcg bolus (V) [R77]
    bolusCaution: 'overdose has followed boluses of 25 mcg',
  },
};
