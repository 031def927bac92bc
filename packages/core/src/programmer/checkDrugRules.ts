import type { Drug } from '../drug/drug.ts';
import { formatDose } from '../drug/formatDose.ts';
import { dailyTotal } from '../pump/dailyTotal.ts';
import type { Therapy } from '../pump/program.ts';
import type { OpioidHistory } from '../pump/pumpStatus.ts';
import type { Milliseconds, PicogramsPerDay } from '../units/quantity.ts';
import { MS_PER_HOUR } from '../units/time.ts';
import type { GuardSeverity } from './guardRails.ts';

/** Reason codes of the drug library's own rules, beyond the limits every drug has. */
export type DrugRuleCode =
  | 'dose.startAboveLimit'
  | 'titration.stepAboveLimit'
  | 'titration.tooSoon'
  | 'dose.opioidNaiveAboveRange'
  | 'dose.opioidTolerantAboveRange'
  | 'dose.opioidHistoryUnknown';

/** A finding of a drug's own rules. */
export interface DrugRuleFinding {
  readonly code: DrugRuleCode;
  readonly severity: GuardSeverity;
  readonly message: string;
}

const hours = (ms: number) => `${Math.round((ms / MS_PER_HOUR) * 10) / 10} hours`;

/**
 * The rules a drug's library entry adds to the daily limits, judged on the 24-hour total the drug
 * gets before and after a change (zero before: a start):
 * - a start above the library's starting dose (ziconotide: 2.4 mcg/day) is confirmed;
 * - an increase by more than the library's step (ziconotide: 2.4 mcg/day) is confirmed;
 * - an increase sooner than the library's interval after the program last changed (ziconotide:
 *   48 h, 2 to 3 times a week; morphine: 24 h) is confirmed;
 * - for an opioid, a start or an increase above the usual range for the patient's opioid history
 *   as the pump records it (morphine: 1 mg/day opioid-naive, 10 mg/day opioid-tolerant; above the
 *   naive range when the history is not recorded) is confirmed.
 * Each message is in the drug's unit and words.
 */
export function checkDrugRules(options: {
  readonly drug: Drug;
  readonly oldTherapy: Therapy;
  readonly newTherapy: Therapy;
  readonly opioidHistory: OpioidHistory;
  /** When the program the pump holds was last changed (its log's last commit); null when not known. */
  readonly lastChangedAt: Milliseconds | null;
  readonly now: Milliseconds;
}): DrugRuleFinding[] {
  const { drug } = options;
  const dose = (d: PicogramsPerDay) => formatDose(d, drug);
  const oldTotal = dailyTotal(options.oldTherapy);
  const newTotal = dailyTotal(options.newTherapy);
  const watch = drug.words.afterIncrease === '' ? '' : ` ${drug.words.afterIncrease}`;
  const findings: DrugRuleFinding[] = [];
  if (newTotal <= oldTotal) return findings;
  if (oldTotal === 0 && drug.startMaxDose !== null && newTotal > drug.startMaxDose)
    findings.push({
      code: 'dose.startAboveLimit',
      severity: 'confirm',
      message: `${drug.name} starts at no more than ${dose(drug.startMaxDose)}; ${dose(newTotal)} is entered as a start. Confirm it is intended.${watch}`,
    });
  if (oldTotal > 0 && drug.titrationStepMax !== null && newTotal - oldTotal > drug.titrationStepMax)
    findings.push({
      code: 'titration.stepAboveLimit',
      severity: 'confirm',
      message: `The 24-hour total rises by ${dose((newTotal - oldTotal) as PicogramsPerDay)} (from ${dose(oldTotal)} to ${dose(newTotal)}), more than the ${dose(drug.titrationStepMax)} a step advised for ${drug.shortName}. Confirm it is intended.${watch}`,
    });
  const since = options.lastChangedAt === null ? null : options.now - options.lastChangedAt;
  if (oldTotal > 0 && drug.minIncreaseInterval !== null && since !== null && since < drug.minIncreaseInterval)
    findings.push({
      code: 'titration.tooSoon',
      severity: 'confirm',
      message: `The program was last changed ${hours(since)} ago: ${drug.shortName} is raised no more often than every ${hours(drug.minIncreaseInterval)}, so each step's effect is seen first. Confirm it is intended.${watch}`,
    });
  const ranges = drug.opioidRanges;
  if (ranges !== null) {
    const history = options.opioidHistory;
    if (history === 'naive' && newTotal > ranges.naive.max)
      findings.push({
        code: 'dose.opioidNaiveAboveRange',
        severity: 'confirm',
        message: `The pump records this patient as opioid-naive: intrathecal ${drug.shortName} for an opioid-naive patient is ${dose(ranges.naive.min)} to ${dose(ranges.naive.max)}, and ${dose(newTotal)} is above it. Confirm it is intended.${watch}`,
      });
    else if (history === 'tolerant' && newTotal > ranges.tolerant.max)
      findings.push({
        code: 'dose.opioidTolerantAboveRange',
        severity: 'confirm',
        message: `${dose(newTotal)} is above the usual ${dose(ranges.tolerant.min)} to ${dose(ranges.tolerant.max)} of intrathecal ${drug.shortName} for an opioid-tolerant patient. Confirm it is intended.${watch}`,
      });
    else if (history === 'unknown' && newTotal > ranges.naive.max)
      findings.push({
        code: 'dose.opioidHistoryUnknown',
        severity: 'confirm',
        message: `The pump does not record whether this patient is opioid-tolerant: ${dose(newTotal)} is above the ${dose(ranges.naive.max)} an opioid-naive patient may start on. Confirm the patient's opioid history and the dose.${watch}`,
      });
  }
  return findings;
}
