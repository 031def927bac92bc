import { baclofen } from '../drug/baclofen.ts';
import type { DrugId } from '../drug/drug.ts';
import { dailyTotal } from '../pump/dailyTotal.ts';
import type { PumpProgram } from '../pump/program.ts';
import { PTM_WINDOW_MS, type PtmSettings, ptmBolusVolume } from '../pump/ptmSettings.ts';
import { massInVolume } from '../units/conversions.ts';
import type { Picograms, PicogramsPerDay } from '../units/quantity.ts';
import { MS_PER_HOUR, MS_PER_MINUTE } from '../units/time.ts';
import type { GateInput } from './therapyGate.ts';

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

/** What the clinician has recorded of the patient's opioid use: PTM boluses are for tolerant patients only. */
export type OpioidHistory = 'naive' | 'tolerant';

/**
 * The one local adapter for the programmer's `opioidHistory` field (the drug library's branch owns
 * the field; until it is in `GateInput`, the gate's input may carry it, and is read here only).
 * Switch: `input.opioidHistory ?? null` once `GateInput` has it.
 */
export const opioidHistoryOf = (input: GateInput & { readonly opioidHistory?: OpioidHistory | null }) =>
  input.opioidHistory ?? null;

/** What the PTM rules need of a drug's library entry: whether it allows PTM, and then its limits. */
type PtmDrugFigures =
  | { readonly name: string; readonly ptmAllowed: false }
  | {
      readonly name: string;
      readonly ptmAllowed: true;
      readonly doseUnit: 'mcg' | 'mg';
      readonly softMaxDose: PicogramsPerDay;
      readonly hardMaxDose: PicogramsPerDay;
      readonly bolusSoftMax: Picograms;
      readonly bolusHardMax: Picograms;
    };

/**
 * LOCAL TABLE, to switch to the drug library (`drugOf(id)` and its PTM field) when it lands: whether
 * each drug allows PTM boluses, and its limits. PTM is not for baclofen (the Prometra PTC is for
 * Infumorph only, (V) [R42c]; Medtronic (U)) nor ziconotide (U; slow titration, psychiatric
 * effects). Morphine's limits are placeholders from shared/reference/pain-drugs.md: above 20 mg/day
 * needs extra caution (2°) [P1] (soft); 25 mg/day hard (U); a bolus above 0.5 mg confirmed and above
 * 1 mg (the top of a trial dose, (2°) [P15]) refused (U).
 */
const PTM_DRUGS: Readonly<Record<DrugId, PtmDrugFigures>> = {
  baclofen: { name: baclofen.name, ptmAllowed: false },
  morphine: {
    name: 'Morphine (preservative-free, intrathecal)',
    ptmAllowed: true,
    doseUnit: 'mg',
    softMaxDose: 20_000_000_000 as PicogramsPerDay,
    hardMaxDose: 25_000_000_000 as PicogramsPerDay,
    bolusSoftMax: 500_000_000 as Picograms,
    bolusHardMax: 1_000_000_000 as Picograms,
  },
  ziconotide: { name: 'Ziconotide (intrathecal)', ptmAllowed: false },
};

/** The lead drug of a program (LOCAL adapter: `program.drug` is the lead drug by contract). */
const leadDrug = (program: PumpProgram): DrugId => program.drug;

/** A drug mass in the drug's own unit, as the clinician reads it (LOCAL: switch to `formatDose` of the library). */
const amount = (pg: number, unit: 'mcg' | 'mg') =>
  unit === 'mg' ? `${Math.round(pg / 1e6) / 1000} mg` : `${Math.round(pg / 1e3) / 1000} mcg`;
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

const sameSettings = (a: PtmSettings | null | undefined, b: PtmSettings | null | undefined) =>
  JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * The therapy gate's rules for the patient's therapy manager, on the program that would result:
 * refused where the drug library does not allow PTM for the lead drug, or for a patient recorded as
 * opioid naive (an opioid history not recorded is confirmed when PTM is switched on or changed); the
 * drug one bolus gives against the library's bolus limits; and the most the program can give in any
 * 24 hours (the basal day plus every allotted bolus) against the drug's daily limits (hard: refused;
 * soft: confirm). A program without PTM has no PTM finding.
 */
export function ptmRules(input: GateInput & { readonly opioidHistory?: OpioidHistory | null }): PtmFinding[] {
  const program = input.draft.update.program;
  const settings = program?.ptm;
  if (program === undefined || settings === undefined) return [];
  const drug = PTM_DRUGS[leadDrug(program)];
  if (!drug.ptmAllowed)
    return [
      {
        code: 'ptm.drugNotAllowed',
        severity: 'hard',
        message: `Patient-activated boluses are not allowed for ${drug.name}: the drug library allows the PTM only for an opioid such as morphine. Switch the PTM off.`,
      },
    ];
  const unit = drug.doseUnit;
  const findings: PtmFinding[] = [];
  const history = opioidHistoryOf(input);
  if (history === 'naive')
    findings.push({
      code: 'ptm.opioidNaive',
      severity: 'hard',
      message:
        'The patient is recorded as opioid naive: patient-activated opioid boluses on top of the basal dose can stop their breathing. The PTM is for opioid-tolerant patients only.',
    });
  else if (history === null && !sameSettings(settings, input.view.ptm))
    findings.push({
      code: 'ptm.opioidHistoryUnknown',
      severity: 'confirm',
      message:
        "The patient's opioid history is not recorded. Patient-activated boluses are contraindicated in opioid-naive patients (respiratory depression). Confirm the patient is opioid tolerant.",
    });
  const bolus = massInVolume(ptmBolusVolume(settings, program.concentration), program.concentration);
  if (bolus > drug.bolusHardMax)
    findings.push({
      code: 'ptm.bolusAboveHardLimit',
      severity: 'hard',
      message: `A patient bolus of ${amount(bolus, unit)} is above the drug library's ${amount(drug.bolusHardMax, unit)} for one bolus.`,
    });
  else if (bolus > drug.bolusSoftMax)
    findings.push({
      code: 'ptm.bolusAboveSoftLimit',
      severity: 'confirm',
      message: `A patient bolus of ${amount(bolus, unit)} is above the usual ${amount(drug.bolusSoftMax, unit)}. Confirm the dose per bolus.`,
    });
  const most = ptmMostPerDay(program, settings);
  const basal = dailyTotal(program.therapy);
  const how = `${amount(basal, unit)} basal + ${ptmMostBolusesPerDay(settings)} × ${amount(bolus, unit)} (one every ${duration(settings.lockoutMs)} at most) = ${amount(most, unit)} in 24 hours`;
  if (most > drug.hardMaxDose)
    findings.push({
      code: 'ptm.dayAboveHardLimit',
      severity: 'hard',
      message: `With every patient bolus used the patient gets ${how}, above the drug library's hard limit of ${amount(drug.hardMaxDose, unit)}/day. Lower the bolus dose, the boluses a day or the basal dose.`,
    });
  else if (most > drug.softMaxDose)
    findings.push({
      code: 'ptm.dayAboveSoftLimit',
      severity: 'confirm',
      message: `With every patient bolus used the patient gets ${how}, above the usual ${amount(drug.softMaxDose, unit)}/day. Confirm.`,
    });
  return findings;
}
