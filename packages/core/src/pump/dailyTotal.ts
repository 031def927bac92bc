import { divide } from '../units/mulDiv.ts';
import type { PicogramsPerDay } from '../units/quantity.ts';
import { MINUTES_PER_DAY, type Therapy } from './program.ts';

/**
 * The drug a therapy delivers over 24 hours: the dose for simple continuous, the time-weighted sum
 * of the steps for flex (to the nearest pg), zero for minimum and stopped (the programmer shows the
 * minimum flow separately).
 */
export function dailyTotal(therapy: Therapy): PicogramsPerDay {
  if (therapy.mode === 'simple') return therapy.dose;
  if (therapy.mode !== 'flex') return 0 as PicogramsPerDay;
  let weighted = 0;
  therapy.steps.forEach((step, i) => {
    const end = therapy.steps[i + 1]?.startMinute ?? MINUTES_PER_DAY;
    weighted += step.dose * (end - step.startMinute);
  });
  return divide(weighted, MINUTES_PER_DAY, 'nearest') as PicogramsPerDay;
}
