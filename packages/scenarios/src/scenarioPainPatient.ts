import {
  createOpioidParameters,
  createZiconotideParameters,
  type DrugId,
  PATIENT_MODEL_OF,
  type PainParameters,
} from '@itps/core';
import type { ScenarioFile } from './scenarioSchema.ts';

/** The drugs a scenario's reservoir holds at the start: its drug, then each drug of its admixture. */
export const scenarioDrugs = (s: ScenarioFile): readonly DrugId[] => [
  s.pump.reservoir.drug,
  ...(s.pump.reservoir.admixture ?? []).map((part) => part.drug),
];

/** The pain drug a scenario's reservoir holds (morphine before ziconotide), or null. */
export function scenarioPainDrug(s: ScenarioFile): 'morphine' | 'ziconotide' | null {
  const drugs = scenarioDrugs(s);
  if (drugs.includes('morphine')) return 'morphine';
  if (drugs.includes('ziconotide')) return 'ziconotide';
  return null;
}

/** Whether the scenario's patient is treated for pain (`patient.condition: pain`). */
export const treatedForPain = (s: ScenarioFile): boolean => s.patient?.condition === 'pain';

/** Whether the scenario's patient has spasticity too (the spasticity model runs): any patient but a pain-only one. */
export const treatedForSpasticity = (s: ScenarioFile): boolean =>
  s.patient !== undefined && (s.patient.condition !== 'pain' || s.patient.origin !== undefined);

/**
 * The patient treated for pain a scenario describes, with the model the reservoir's pain drug calls
 * for (the patient model is chosen by drug); null without one, or when the reservoir holds no pain
 * drug (a problem `checkScenario` names).
 */
export function scenarioPainPatient(s: ScenarioFile): PainParameters | null {
  const p = s.patient;
  if (p === undefined || p.condition !== 'pain') return null;
  const drug = scenarioPainDrug(s);
  if (drug === null) return null;
  const baseline = p.baselinePain === undefined ? {} : { baselinePain: p.baselinePain };
  if (PATIENT_MODEL_OF[drug] === 'opioid')
    return createOpioidParameters({
      history: p.opioidHistory ?? 'naive',
      ...baseline,
      ...(p.opioidNeedMgPerDay === undefined ? {} : { needMcgPerDay: p.opioidNeedMgPerDay * 1000 }),
    });
  return createZiconotideParameters({
    ...baseline,
    ...(p.ziconotideNeedMcgPerDay === undefined ? {} : { needMcgPerDay: p.ziconotideNeedMcgPerDay }),
  });
}
