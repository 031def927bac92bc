import { drugOf } from '../drug/drugLibrary.ts';
import { formatAmount, formatDose } from '../drug/formatDose.ts';
import { dailyTotal } from '../pump/dailyTotal.ts';
import type { PumpProgram } from '../pump/program.ts';
import { PTM_WINDOW_MS, type PtmSettings, ptmBolusVolume } from '../pump/ptmSettings.ts';
import { massInVolume } from '../units/conversions.ts';
import type { Picograms, PicogramsPerDay } from '../units/quantity.ts';
import { MS_PER_HOUR, MS_PER_MINUTE } from '../units/time.ts';
import type { GateInput } from './gateInput.ts';

/** Reason codes of the patient's therapy manager rules. */
export type PtmCode =
  | 'ptm.drugNotAllowed'
  | 'ptm.opioidNaive'
  | 'ptm.opioidHistoryUnknown'
  | 'ptm.bolusAboveHardLimit'
  | 'ptm.bolusAboveSoftLimit'
  | 'ptm.dayAboveHardLimit'
  | 'ptm.dayAboveSoftLimit';

/** A finding of the PTM rules, as the therapy gate returns it. */
export interface PtmFinding {
  readonly code: PtmCode;
  readonly severity: 'hard' | 'confirm';
  readonly message: string;
}

const duration = (ms: number) =>
  ms % MS_PER_HOUR === 0 ? `${ms / MS_PER_HOUR} h` : `${Math.round(ms / MS_PER_MINUTE)} min`;

/**
 * How many PTM boluses can start in any 24 hours: the day's limit, or fewer when the lockout allows
 * fewer (starts at least `lockoutMs` apart inside a half-open 24 hours: at most 24 h / lockout,
 * rounded up).
 */
export const ptmMostBolusesPerDay = (settings: PtmSettings): number =>
  Math.min(settings.maxPerDay, Math.ceil(PTM_WINDOW_MS / settings.lockoutMs));

/** The most drug a program with PTM gives in any 24 hours: the basal day's total plus every bolus that can start. */
export function ptmMostPerDay(program: PumpProgram, settings: PtmSettings): PicogramsPerDay {
  const bolus = massInVolume(ptmBolusVolume(settings, program.concentration), program.concentration);
  return (dailyTotal(program.therapy) + ptmMostBolusesPerDay(settings) * bolus) as PicogramsPerDay;
}

const sameSettings = (a: PtmSettings, b: PtmSettings | null | undefined) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The therapy gate's rules for the patient's therapy manager, on the program that would result:
 * refused where the drug library does not allow PTM for the lead drug, or for a patient recorded as
 * opioid naive (an opioid history not recorded is confirmed when PTM is switched on or changed); the
 * drug one bolus gives against the library's bolus limits; and the most the program can give in any
 * 24 hours (the basal day plus every allotted bolus) against the drug's daily limits (hard: refused;
 * soft: confirm). A program without PTM has no PTM finding.
 */
export function ptmRules(input: GateInput): PtmFinding[] {
  const program = input.draft.update.program;
  const settings = program?.ptm;
  if (program === undefined || settings === undefined) return [];
  const drug = drugOf(program.drug);
  if (!drug.patientBolusAllowed)
    return [
      {
        code: 'ptm.drugNotAllowed',
        severity: 'hard',
        message: `Patient-activated boluses are not allowed for ${drug.name}: the drug library allows the PTM only for an opioid such as morphine. Switch the PTM off.`,
      },
    ];
  const amount = (pg: number) => formatAmount(pg as Picograms, drug);
  const findings: PtmFinding[] = [];
  // the opioid history as the pump records it in the patient's information, read at interrogation
  const history = input.view.opioidHistory;
  if (history === 'naive')
    findings.push({
      code: 'ptm.opioidNaive',
      severity: 'hard',
      message:
        'The pump records this patient as opioid naive: patient-activated opioid boluses on top of the basal dose can stop their breathing. The PTM is for opioid-tolerant patients only.',
    });
  else if (history === 'unknown' && !sameSettings(settings, input.view.ptm))
    findings.push({
      code: 'ptm.opioidHistoryUnknown',
      severity: 'confirm',
      message:
        "The pump does not record the patient's opioid history. Patient-activated boluses are contraindicated in opioid-naive patients (respiratory depression). Confirm the patient is opioid tolerant.",
    });
  const bolus = massInVolume(ptmBolusVolume(settings, program.concentration), program.concentration);
  if (bolus > drug.bolusHardMax)
    findings.push({
      code: 'ptm.bolusAboveHardLimit',
      severity: 'hard',
      message: `A patient bolus of ${amount(bolus)} is above the drug library's ${amount(drug.bolusHardMax)} for one bolus.`,
    });
  else if (bolus > drug.bolusSoftMax)
    findings.push({
      code: 'ptm.bolusAboveSoftLimit',
      severity: 'confirm',
      message: `A patient bolus of ${amount(bolus)} is above the usual ${amount(drug.bolusSoftMax)}. Confirm the dose per bolus.`,
    });
  const most = ptmMostPerDay(program, settings);
  const basal = dailyTotal(program.therapy);
  const how = `${formatDose(basal, drug)} basal + ${ptmMostBolusesPerDay(settings)} × ${amount(bolus)} (one every ${duration(settings.lockoutMs)} at most) = ${amount(most)} in 24 hours`;
  if (most > drug.hardMaxDose)
    findings.push({
      code: 'ptm.dayAboveHardLimit',
      severity: 'hard',
      message: `With every patient bolus used the patient gets ${how}, above the drug library's hard limit of ${formatDose(drug.hardMaxDose, drug)}. Lower the bolus dose, the boluses a day or the basal dose.`,
    });
  else if (most > drug.softMaxDose)
    findings.push({
      code: 'ptm.dayAboveSoftLimit',
      severity: 'confirm',
      message: `With every patient bolus used the patient gets ${how}, above the usual ${formatDose(drug.softMaxDose, drug)}. Confirm.`,
    });
  return findings;
}
