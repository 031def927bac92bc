import type { McgPerMl, Milliseconds, Picograms, PicogramsPerDay } from '../units/quantity.ts';
import { MS_PER_HOUR } from '../units/time.ts';
import type { Drug } from './drug.ts';

/**
 * Minimum interval between two increases of ziconotide: the EU label's recommended 48 h (minimum
 * 24 h) (V) [P33]; the US summary says no more than 2-3 times a week (2°) [P34, P35], which 48 h
 * also allows (three increases in a week). A parameter: a jurisdiction setting may lengthen it.
 */
export const ZICONOTIDE_MIN_INCREASE_INTERVAL = (48 * MS_PER_HOUR) as Milliseconds;

/**
 * Intrathecal ziconotide (Prialt-like). Figures from shared/reference/pain-drugs.md §2 and §8; tags
 * and [Pn] references as there. Not an opioid: no respiratory depression, no withdrawal, no antidote.
 */
export const ziconotide: Drug = {
  id: 'ziconotide',
  name: 'Ziconotide (intrathecal)',
  shortName: 'ziconotide',
  doseUnit: 'mcg',
  // 25 mcg/mL and 100 mcg/mL (V) [P33, P38]
  stockConcentrations: [25, 100] as McgPerMl[],
  // 100 mcg/mL is diluted with preservative-free 0.9 % NaCl (2°) [P36]; the floor of 1 mcg/mL is ours (U)
  minConcentration: 1 as McgPerMl,
  maxConcentration: 100 as McgPerMl,
  softMaxConcentration: null,
  // US maximum 19.2 mcg/day by day 21 (2°) [P34, P42]; EU maximum 21.6 mcg/day (V) [P33]: soft and hard
  softMaxDose: 19_200_000 as PicogramsPerDay,
  hardMaxDose: 21_600_000 as PicogramsPerDay,
  // start at no more than 2.4 mcg/day (V) [P33]; (2°) [P34, P35, P42]
  startMaxDose: 2_400_000 as PicogramsPerDay,
  titrationLimitPpm: null,
  // raise by no more than 2.4 mcg/day a step (V) [P33]; (2°) [P34]
  titrationStepMax: 2_400_000 as PicogramsPerDay,
  minIncreaseInterval: ZICONOTIDE_MIN_INCREASE_INTERVAL,
  // reduce by any amount, stopping included (V) [P33]
  decreaseLimitPpm: null,
  opioidRanges: null,
  // no bolus figure was found: above 2.4 mcg confirm, above 5 mcg refuse (U, placeholders to be checked)
  bolusSoftMax: 2_400_000 as Picograms,
  bolusHardMax: 5_000_000 as Picograms,
  // no patient bolus device for ziconotide was found (U)
  patientBolusAllowed: false,
  // refill at least every 84 days undiluted, every 40 days diluted (2°) [P35, P36]; the first refill
  // of a new pump within 14 days is not modelled
  stabilityDays: 84,
  dilutedStabilityDays: 40,
  words: {
    // no withdrawal: can be stopped abruptly (2°) [P42, P23]
    withdrawal: 'Ziconotide causes no withdrawal: it can be stopped at once, but the pain it controlled returns.',
    // restart low and titrate again (U)
    toleranceFalls: 'the titration is lost',
    restartRisk:
      'the full former dose can bring on confusion, hallucinations and other psychiatric and neurological effects (restart low and titrate again)',
    stallWatch: 'returning pain (ziconotide has no withdrawal)',
    // boxed warning (V) [P38]; psychosis within 24 h of an increase (V) [P41]; no antidote (V) [P33]
    afterIncrease:
      'Watch for confusion, hallucinations, mood change and drowsiness after each increase (psychosis can follow within 24 hours); there is no antidote: stop the drug if they appear.',
    // (U): no bolus figure found; the boxed warning's effects (V) [P38]
    bolusCaution: 'confusion and other psychiatric and neurological effects can follow',
  },
};
