import { doseToRate } from '../drug/doseToRate.ts';
import { drugOf, isDrugId, MAX_ADMIXED } from '../drug/drugLibrary.ts';
import { concentrationInUnit, formatConcentration } from '../drug/formatDose.ts';
import { ok, type Result, refuse } from '../refusal.ts';
import { clockTime as clock } from '../units/clock.ts';
import { nanolitresPerDayToMlPerDay } from '../units/conversions.ts';
import type { PicogramsPerDay } from '../units/quantity.ts';
import type { DeviceProfile } from './deviceProfile.ts';
import { MINUTES_PER_DAY, type PumpProgram } from './program.ts';
import { validatePtmSettings } from './ptmSettings.ts';
import { maxProgrammedRate } from './therapyRate.ts';

function checkDose(
  dose: PicogramsPerDay,
  program: PumpProgram,
  profile: DeviceProfile,
  where: string,
): Result<PicogramsPerDay> {
  if (!Number.isSafeInteger(dose) || dose < 0) {
    return refuse('program.doseNotWholePicograms', `${where}: the dose must be a whole number of picograms per day.`);
  }
  const rate = doseToRate(dose, program.concentration);
  if (rate < profile.minRate) {
    return refuse(
      'program.rateBelowMinimum',
      `${where}: ${nanolitresPerDayToMlPerDay(rate)} mL/day is below the pump's minimum of ${nanolitresPerDayToMlPerDay(profile.minRate)} mL/day at ${formatConcentration(program.concentration, drugOf(program.drug))}.`,
    );
  }
  if (rate > profile.maxRate) {
    return refuse(
      'program.rateAboveMaximum',
      `${where}: ${nanolitresPerDayToMlPerDay(rate)} mL/day is above the pump's maximum of ${nanolitresPerDayToMlPerDay(profile.maxRate)} mL/day.`,
    );
  }
  return ok(dose);
}

/**
 * An admixture's drugs: each from the library, none twice nor the lead drug again, at most
 * {@link MAX_ADMIXED} of them, each at a concentration its own drug allows.
 */
function checkAdmixture(program: PumpProgram): Result<PumpProgram> {
  const admixed = program.admixed ?? [];
  if (admixed.length > MAX_ADMIXED) {
    return refuse(
      'program.tooManyAdmixed',
      `An admixture holds at most ${MAX_ADMIXED} drugs besides the lead drug; ${admixed.length} were given.`,
    );
  }
  const seen = new Set<string>([program.drug]);
  for (const [i, part] of admixed.entries()) {
    if (!isDrugId(part.drug)) {
      return refuse(
        'program.unknownDrug',
        `Admixed drug ${i + 1} must be one of the drug library's; ${String(part.drug)} was given.`,
      );
    }
    const drug = drugOf(part.drug);
    if (seen.has(part.drug)) {
      return refuse('program.drugTwice', `${drug.name} is in the admixture twice: enter each drug once.`);
    }
    seen.add(part.drug);
    const c = part.concentration;
    if (!Number.isSafeInteger(c) || c < drug.minConcentration || c > drug.maxConcentration) {
      return refuse(
        'program.concentrationOutOfRange',
        `${drug.name} in the admixture must be a whole number from ${concentrationInUnit(drug.minConcentration, drug)} to ${formatConcentration(drug.maxConcentration, drug)}; ${formatConcentration(c, drug)} was given.`,
      );
    }
  }
  return ok(program);
}

/**
 * Checks that a program is one the pump can run: a drug of the library at a concentration it
 * allows, and an admixture's drugs each once (at most three) at concentrations their drugs allow, and every rate
 * within the profile's limits (minimum and stopped modes are the only ways below the minimum);
 * a flex schedule starts at 00:00, has ascending step times inside the day and at most the profile's
 * number of steps, so it covers 24 hours without gaps or overlaps.
 */
export function validateProgram(program: PumpProgram, profile: DeviceProfile): Result<PumpProgram> {
  if (!isDrugId(program.drug)) {
    return refuse(
      'program.unknownDrug',
      `The drug must be one of the drug library's; ${String(program.drug)} was given.`,
    );
  }
  const drug = drugOf(program.drug);
  const c = program.concentration;
  if (!Number.isSafeInteger(c) || c < drug.minConcentration || c > drug.maxConcentration) {
    return refuse(
      'program.concentrationOutOfRange',
      `The concentration must be a whole number from ${concentrationInUnit(drug.minConcentration, drug)} to ${formatConcentration(drug.maxConcentration, drug)}; ${formatConcentration(c, drug)} was given.`,
    );
  }
  const admixture = checkAdmixture(program);
  if (!admixture.ok) return admixture;
  if (program.ptm !== undefined) {
    const ptm = validatePtmSettings(program.ptm, c, maxProgrammedRate(program, profile), profile);
    if (!ptm.ok) return ptm;
  }
  const { therapy } = program;
  if (therapy.mode === 'simple') {
    const checked = checkDose(therapy.dose, program, profile, 'Simple continuous');
    return checked.ok ? ok(program) : checked;
  }
  if (therapy.mode !== 'flex') return ok(program);
  const { steps } = therapy;
  if (steps.length === 0) return refuse('program.flexNoSteps', 'A flex schedule needs at least one step.');
  if (steps.length > profile.maxFlexSteps) {
    return refuse(
      'program.flexTooManySteps',
      `A flex schedule has at most ${profile.maxFlexSteps} steps a day; ${steps.length} were given.`,
    );
  }
  if (steps[0]?.startMinute !== 0) {
    return refuse('program.flexMustStartAtMidnight', 'The first flex step must start at 00:00 so the day is covered.');
  }
  let previous = -1;
  for (const [i, step] of steps.entries()) {
    if (!Number.isInteger(step.startMinute) || step.startMinute < 0 || step.startMinute >= MINUTES_PER_DAY) {
      return refuse('program.flexStepOutsideDay', `Flex step ${i + 1} must start between 00:00 and 23:59.`);
    }
    if (step.startMinute <= previous) {
      return refuse(
        'program.flexStepsNotAscending',
        `Flex step ${i + 1} starts at ${clock(step.startMinute)}, not after the step before it.`,
      );
    }
    previous = step.startMinute;
    const checked = checkDose(step.dose, program, profile, `Flex step ${i + 1} (${clock(step.startMinute)})`);
    if (!checked.ok) return checked;
  }
  return ok(program);
}
