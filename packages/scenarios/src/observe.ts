import {
  ALARM_NAMES,
  amountInUnit,
  bedsideView,
  concentrationAtTip,
  DRUG_IDS,
  type DrugId,
  doseToRate,
  drugConcentration,
  drugOf,
  drugsIn,
  massOf,
  nanolitresPerDayToMlPerDay,
  nanolitresToMl,
  type PatientParameters,
  type PatientState,
  type Picograms,
  type PumpLifecycle,
  type PumpState,
  painStatus,
  patientStatus,
  picogramsPerDayToMcgPerDay,
  picogramsToMcg,
  ptmReport,
  pumpBeliefView,
  pumpTruthView,
  rateToDose,
  type WorldState,
} from '@itps/core';
import { DRUG_UNIT_NAMES } from './vocabulary.ts';

/** The pump's belief in the format's observables (`pump.*`, `alarm.*`), human units. */
export function beliefObservables(pump: PumpState, lifecycle: PumpLifecycle): Record<string, string | number> {
  const b = pumpBeliefView(pump, lifecycle);
  const out: Record<string, string | number> = {
    'pump.state': b.state,
    'pump.mode': b.mode,
    'pump.reservoirMl': nanolitresToMl(b.calculatedReservoir),
    'pump.doseMcgPerDay': picogramsPerDayToMcgPerDay(b.dose),
    'pump.rateMlPerDay': nanolitresPerDayToMlPerDay(b.rate),
  };
  for (const name of ALARM_NAMES) out[`alarm.${name}`] = b.alarms[name] ? 'active' : 'inactive';
  // the programmer's PTM report, for a pump with PTM or presses in its log (other reports stay as they were):
  // presses of the last 24 hours by what the pump did with them
  const report = ptmReport(b);
  if (report.settings !== null || report.total.presses > 0) {
    out['pump.ptmPresses24h'] = report.last24h.presses;
    out['pump.ptmBoluses24h'] = report.last24h.boluses;
    out['pump.ptmLockouts24h'] = report.last24h.lockedOut;
    out['pump.ptmDayLimits24h'] = report.last24h.dayLimit;
  }
  return out;
}

const PG_PER_MG = 1_000_000_000;

/** A mass (pg) or a dose (pg/day) in its drug's own unit (mcg or mg). */
const inUnit = (picograms: number, drug: DrugId): number => amountInUnit(picograms as Picograms, drugOf(drug));

/** The truth in the format's observables (`truth.*`), human units. */
export function truthObservables(pump: PumpState): Record<string, number | string> {
  const t = pumpTruthView(pump);
  // the format-1 names read the program's (the lead) drug
  const lead = pump.program.drug;
  return {
    'truth.reservoirMl': nanolitresToMl(t.reservoir.volume),
    'truth.deliveredMcg': picogramsToMcg(massOf(t.delivered, lead)),
    'truth.deliveredMl': nanolitresToMl(t.delivered.volume),
    'truth.pocketMcg': picogramsToMcg(massOf(t.sinks.pocket, lead)),
    'truth.leakMcg': picogramsToMcg(massOf(t.sinks.leak, lead)),
    'truth.epiduralMcg': picogramsToMcg(massOf(t.sinks.epidural, lead)),
    'truth.subduralMcg': picogramsToMcg(massOf(t.sinks.subdural, lead)),
    'truth.tip': t.condition.tip,
    'truth.explantedMcg': picogramsToMcg(massOf(t.sinks.explanted, lead)),
  };
}

/** Whether an actual value meets an expected one: exact, `{ near, within }` or `{ min, max }`. */
export function meets(expected: unknown, actual: unknown): boolean {
  if (typeof expected === 'object' && expected !== null) {
    if (typeof actual !== 'number') return false;
    if ('near' in expected && 'within' in expected) {
      const { near, within } = expected as { near: number; within: number };
      // a hair of tolerance for decimal display of exact integers
      return Math.abs(actual - near) <= within + 1e-9;
    }
    const { min, max } = expected as { min: number; max: number };
    return actual >= min - 1e-9 && actual <= max + 1e-9;
  }
  return expected === actual;
}

/**
 * The patient treated for pain in the format's observables: the pain score they give, how sedated
 * (`none` to `coma`), breaths a minute (the slower of both drugs' on an admixture), the stages, and
 * the model's figures; none without a pain patient.
 */
export function painObservables(world: WorldState): Record<string, number | string> {
  if (world.pain === undefined) return {};
  const p = painStatus(world.pain);
  const view = bedsideView(world).pain;
  return {
    'patient.painScore': p.painScore,
    'patient.sedation': p.sedation,
    'patient.respiratoryRate': view?.respiratoryRatePerMin ?? p.respiratoryRatePerMin,
    'patient.respiratoryDepression': p.respiratoryDepression,
    'patient.pupils': p.pupils,
    'patient.opioidWithdrawal': p.opioidWithdrawal,
    'patient.granuloma': p.granuloma,
    'patient.neuropsychiatric': p.neuropsychiatric,
    'patient.ckTimesUpperLimit': p.ckTimesUpperLimit,
    'patient.painRelativeEffect': p.relativeEffect,
    'patient.opioidTolerance': p.tolerance,
  };
}

/** The patient in the format's observables (`patient.*`); none when the scenario has no patient. */
export function patientObservables(
  state: PatientState | null,
  parameters: PatientParameters | null,
): Record<string, number | string> {
  if (state === null || parameters === null) return {};
  const p = patientStatus(state, parameters);
  return {
    'patient.ashworth': p.ashworth,
    'patient.ashworthGrade': p.ashworthGrade,
    'patient.withdrawal': p.withdrawal,
    'patient.overdose': p.overdose,
    'patient.heartRateBpm': p.heartRateBpm,
    'patient.temperatureC': p.temperatureC,
    'patient.respiratoryRatePerMin': p.respiratoryRatePerMin,
    'patient.consciousness': p.consciousness,
    'patient.csfMcg': p.csfMcg,
    'patient.relativeEffect': p.relativeEffect,
  };
}

/**
 * Whether a pump's program or anything ever put into it holds a drug other than baclofen: only then
 * do reports carry the per-drug observables, so a baclofen scenario's report stays as it was.
 */
export const involvesOtherDrugs = (pump: PumpState): boolean =>
  pump.program.drug !== 'baclofen' ||
  (pump.program.admixed ?? []).length > 0 ||
  drugsIn(pump.truth.loaded.masses).some((d) => d !== 'baclofen');

/**
 * The per-drug observables (extensions of format 1, `DRUG_OBSERVABLES`), each drug in its own unit:
 * the lead drug's dose in mg/day, each drug's programmed dose (0 when not in the program), what of
 * each reached the spinal fluid and the pocket, and each one's concentration in the reservoir and
 * leaving the catheter tip.
 */
export function drugObservables(pump: PumpState, lifecycle: PumpLifecycle): Record<string, number> {
  const b = pumpBeliefView(pump, lifecycle);
  const t = pumpTruthView(pump);
  const { program } = pump;
  const out: Record<string, number> = { 'pump.doseMgPerDay': b.dose / PG_PER_MG };
  for (const drug of DRUG_IDS) {
    const name = DRUG_UNIT_NAMES[drug];
    // an admixed drug goes at the lead drug's flow: its dose is that flow times its concentration
    const part = program.admixed?.find((p) => p.drug === drug);
    const dose =
      drug === program.drug
        ? b.dose
        : part === undefined
          ? 0
          : rateToDose(doseToRate(b.dose, program.concentration), part.concentration);
    out[`pump.dose.${name}PerDay`] = inUnit(dose, drug);
    out[`truth.delivered.${name}`] = inUnit(massOf(t.delivered, drug), drug);
    out[`truth.pocket.${name}`] = inUnit(massOf(t.sinks.pocket, drug), drug);
    // mcg/mL is pg/nL; a mg/mL is 1000 of them
    const perMl = (mcgPerMl: number) => (drugOf(drug).doseUnit === 'mg' ? mcgPerMl / 1000 : mcgPerMl);
    out[`truth.reservoir.${name}PerMl`] = perMl(drugConcentration(t.reservoir, drug));
    out[`truth.atTip.${name}PerMl`] = perMl(concentrationAtTip(pump, drug));
  }
  return out;
}
