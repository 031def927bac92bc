import {
  ALARM_NAMES,
  massOf,
  nanolitresPerDayToMlPerDay,
  nanolitresToMl,
  type PatientParameters,
  type PatientState,
  type PumpLifecycle,
  type PumpState,
  patientStatus,
  picogramsPerDayToMcgPerDay,
  picogramsToMcg,
  pumpBeliefView,
  pumpTruthView,
} from '@itps/core';

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
  return out;
}

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
