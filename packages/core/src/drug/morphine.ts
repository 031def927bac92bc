import type { McgPerMl, Milliseconds, Picograms, PicogramsPerDay } from '../units/quantity.ts';
import { MS_PER_HOUR } from '../units/time.ts';
import type { Drug } from './drug.ts';

/** 1 mg/day in the base unit (pg/day). */
const MG_PER_DAY = 1_000_000_000;

/**
 * Minimum interval between two increases of intrathecal morphine. Not stated in the label text
 * retrieved; 24 h, the start of the 24-72 h watch window for respiratory depression (U): a
 * placeholder parameter, to be checked.
 */
export const MORPHINE_MIN_INCREASE_INTERVAL = (24 * MS_PER_HOUR) as Milliseconds;

/**
 * Preservative-free intrathecal morphine (Infumorph-like). Figures from
 * shared/reference/pain-drugs.md §1 and §8; tags and [Pn] references as there. Doses are shown in
 * mg/day and concentrations in mg/mL; the quantities stay pg/day and mcg/mL (25 mg/mL = 25 000 mcg/mL).
 */
export const morphine: Drug = {
  id: 'morphine',
  name: 'Morphine (preservative-free, intrathecal)',
  shortName: 'morphine',
  // library units mg/day and mg/mL (U) [§1.1]
  doseUnit: 'mg',
  // Infumorph 200 = 10 mg/mL, Infumorph 500 = 25 mg/mL (V) [P2, P4]
  stockConcentrations: [10_000, 25_000] as McgPerMl[],
  // diluted with 0.9 % NaCl when needed (V) [P2]; the floor of 0.1 mg/mL is ours (U)
  minConcentration: 100 as McgPerMl,
  // the highest marketed product, 25 mg/mL (V) [P2], is the hard limit
  maxConcentration: 25_000 as McgPerMl,
  // PACC 2017 maximum 20 mg/mL (U, table not read); masses at the tip tied to 20-25 mg/mL and above (2°) [P30]
  softMaxConcentration: 20_000 as McgPerMl,
  // daily doses above 20 mg/day need extra caution (2°) [P1]
  softMaxDose: (20 * MG_PER_DAY) as PicogramsPerDay,
  // refused above 30 mg/day (U, a training figure): above the highest long-term means reported, 21 mg/day at 52 weeks (V) [P20]
  hardMaxDose: (30 * MG_PER_DAY) as PicogramsPerDay,
  // the start is judged by the patient's opioid history (opioidRanges)
  startMaxDose: null,
  // up to +30 % per adjustment for non-cancer pain (2°) [P17] (+50 % for cancer pain is not modelled); one figure for every origin
  titrationLimitPpm: { spinal: 300_000, cerebral: 300_000, pediatric: 300_000 },
  titrationStepMax: null,
  minIncreaseInterval: MORPHINE_MIN_INCREASE_INTERVAL,
  // a cut of more than 20 % in one step risks opioid withdrawal: confirm it (U)
  decreaseLimitPpm: 200_000,
  // intrathecal 0.2-1 mg/day opioid-naive, 1-10 mg/day opioid-tolerant (2°) [P1]
  opioidRanges: {
    naive: { min: (MG_PER_DAY / 5) as PicogramsPerDay, max: MG_PER_DAY as PicogramsPerDay },
    tolerant: { min: MG_PER_DAY as PicogramsPerDay, max: (10 * MG_PER_DAY) as PicogramsPerDay },
  },
  // a single intrathecal trial bolus is 0.5-1.0 mg (2°) [P15]: above 1 mg confirm; above 2 mg refuse (U)
  bolusSoftMax: 1_000_000_000 as Picograms,
  bolusHardMax: 2_000_000_000 as Picograms,
  // patient-activated boluses of intrathecal morphine (V) [P58, P59, P62]
  patientBolusAllowed: true,
  // refill interval 90 days: morphine admixtures kept >= 94 % over 90 days at 37 °C in a SynchroMed (V) [P52]; for morphine alone (U)
  stabilityDays: 90,
  dilutedStabilityDays: null,
  words: {
    // within 24 h (V) [P21]; stages (2°) [P22]; not fatal in itself (2°) [P22]
    withdrawal:
      'Opioid withdrawal can begin within 24 hours (anxiety, sweating, yawning, running nose, then dilated pupils, cramps, diarrhoea) and the pain returns; it is distressing though rarely dangerous in itself.',
    toleranceFalls: 'opioid tolerance falls',
    // highest risk at initiation (V) [P3]; watch 24-72 h (2°) [P1]; naloxone (V) [P5, P6]
    restartRisk:
      'the full former dose can depress breathing over the next 24 to 72 hours (sedation, pinpoint pupils, slow breathing; naloxone reverses it)',
    stallWatch: 'opioid withdrawal and returning pain',
    afterIncrease:
      'Watch for respiratory depression for 24 to 72 hours after starting and after each increase (sedation, pinpoint pupils, fewer than 8 breaths a minute); naloxone reverses it.',
    // respiratory depression up to 24 h after a single neuraxial dose (V) [P3]
    bolusCaution: 'breathing can be depressed for up to 24 hours after a single intrathecal dose',
  },
};
