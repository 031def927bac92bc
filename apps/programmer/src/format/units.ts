import {
  amountInUnit,
  type DrugId,
  doseInUnit,
  doseUnitLabel,
  drugOf,
  drugsIn,
  type Fluid,
  formatConcentration as formatStrengthOf,
  type McgPerMl,
  massOf,
  type Nanolitres,
  type NanolitresPerDay,
  nanolitresPerDayToMlPerDay,
  nanolitresToMl,
  type Picograms,
  type PicogramsPerDay,
  picogramsPerDayToMcgPerDay,
  picogramsToMcg,
  type SolutionPart,
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
/** Decimals a dose is shown with in the drug's unit: a tenth of a mcg, a thousandth of a mg. */
const digitsOf = (drug: DrugId) => (drugOf(drug).doseUnit === 'mcg' ? 1 : 3);

/** A daily dose in the drug's own unit: "250.0 mcg/day" for baclofen, "2.500 mg/day" for morphine. */
export const formatDailyDose = (dose: PicogramsPerDay, drug: DrugId): string =>
  `${fixed(doseInUnit(dose, drugOf(drug)), digitsOf(drug))} ${doseUnitLabel(drugOf(drug))}`;

/** A drug mass (a bolus) in the drug's own unit: "50.0 mcg", "0.500 mg". */
export const formatAmountOf = (mass: Picograms, drug: DrugId): string =>
  `${fixed(amountInUnit(mass, drugOf(drug)), digitsOf(drug))} ${drugOf(drug).doseUnit}`;

/** A concentration in the drug's own unit: "500 mcg/mL", "25 mg/mL". */
export const formatStrength = (concentration: McgPerMl, drug: DrugId): string =>
  formatStrengthOf(concentration, drugOf(drug));

/** A solution as the label reads it: "baclofen 500 mcg/mL", "morphine 25 mg/mL + baclofen 1000 mcg/mL". */
export const formatSolution = (parts: readonly SolutionPart[]): string =>
  parts.map((p) => `${drugOf(p.drug).shortName} ${formatStrength(p.concentration, p.drug)}`).join(' + ');

/** Whether a fluid holds nothing but baclofen (or no drug): then figures are shown as before, in mcg without a name. */
const baclofenOnly = (fluid: Fluid): boolean => drugsIn(fluid.masses).every((d) => d === 'baclofen');

/** A drug mass for display: "1,234.5 mcg"; with other drugs, each in its own unit and named: "12.0 mcg baclofen + 3.000 mg morphine". */
export const formatMcg = (fluid: Fluid): string =>
  baclofenOnly(fluid)
    ? `${fixed(picogramsToMcg(massOf(fluid, 'baclofen')), 1)} mcg`
    : drugsIn(fluid.masses)
        .map((d) => `${formatAmountOf(massOf(fluid, d), d)} ${d}`)
        .join(' + ');

/** A mixture's concentration for display: "500.0 mcg/mL", or a dash when empty; with other drugs, each named. */
export const formatConcentration = (fluid: Fluid): string => {
  if (fluid.volume === 0) return '–';
  if (baclofenOnly(fluid)) return `${fixed(massOf(fluid, 'baclofen') / fluid.volume, 1)} mcg/mL`;
  return drugsIn(fluid.masses)
    .map((d) => `${fixed(massOf(fluid, d) / fluid.volume, 1)} mcg/mL ${d}`)
    .join(' + ');
};
