import {
  type Fluid,
  type Nanolitres,
  type NanolitresPerDay,
  nanolitresPerDayToMlPerDay,
  nanolitresToMl,
  type PicogramsPerDay,
  picogramsPerDayToMcgPerDay,
  picogramsToMcg,
} from '@itps/core';

// one formatter per number of digits: toLocaleString builds a new one on every call, which at a
// frame's worth of figures is most of the frame
const formatters = new Map<number, Intl.NumberFormat>();
function fixed(n: number, digits: number): string {
  let format = formatters.get(digits);
  if (format === undefined) {
    format = new Intl.NumberFormat('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });
    formatters.set(digits, format);
  }
  return format.format(n);
}

/** A volume for display: "18.52 mL". */
export const formatMl = (nl: Nanolitres): string => `${fixed(nanolitresToMl(nl), 2)} mL`;
/** A flow for display: "0.500 mL/day". */
export const formatMlPerDay = (rate: NanolitresPerDay): string =>
  `${fixed(nanolitresPerDayToMlPerDay(rate), 3)} mL/day`;
/** A dose rate for display: "250.0 mcg/day". */
export const formatMcgPerDay = (dose: PicogramsPerDay): string =>
  `${fixed(picogramsPerDayToMcgPerDay(dose), 1)} mcg/day`;
/** A drug mass for display: "1,234.5 mcg". */
export const formatMcg = (fluid: Fluid): string => `${fixed(picogramsToMcg(fluid.mass), 1)} mcg`;
/** A mixture's concentration for display: "500.0 mcg/mL", or a dash when empty. */
export const formatConcentration = (fluid: Fluid): string =>
  fluid.volume === 0 ? '–' : `${fixed(fluid.mass / fluid.volume, 1)} mcg/mL`;
