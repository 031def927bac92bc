import type { DrugId } from '../drug/drug.ts';
import type { Milliseconds } from '../units/quantity.ts';
import type { OpioidParameters } from './opioidParameters.ts';
import {
  advanceOpioid,
  createOpioidState,
  type OpioidIntake,
  type OpioidLogEntry,
  type OpioidState,
} from './opioidPatient.ts';
import { createDrugStep, type DrugStep } from './patientDynamics.ts';
import type { ZiconotideParameters } from './ziconotideParameters.ts';
import {
  advanceZiconotide,
  createZiconotideState,
  type ZiconotideLogEntry,
  type ZiconotideState,
} from './ziconotidePatient.ts';

/** Which patient model a drug calls for: spasticity for baclofen, analgesia for the pain drugs. */
export type PatientModelKind = 'spasticity' | 'opioid' | 'ziconotide';

/** The patient model each drug of the library calls for (ARCHITECTURE, Drugs). */
export const PATIENT_MODEL_OF: Readonly<Record<DrugId, PatientModelKind>> = {
  baclofen: 'spasticity',
  morphine: 'opioid',
  ziconotide: 'ziconotide',
};

/** The parameters of a patient treated for pain, by drug. */
export type PainParameters = OpioidParameters | ZiconotideParameters;

/** A patient treated for pain, with the model its drug calls for. Plain data. */
export type PainPatient =
  | { readonly drug: 'morphine'; readonly parameters: OpioidParameters; readonly state: OpioidState }
  | { readonly drug: 'ziconotide'; readonly parameters: ZiconotideParameters; readonly state: ZiconotideState };

/** A stage change of a patient treated for pain. */
export type PainLogEntry = OpioidLogEntry | ZiconotideLogEntry;

/** The patient's pain drug at start: when, the daily dose settled on (0: none yet), and the pump's totals then. */
export interface PainStart {
  readonly at: Milliseconds;
  readonly dailyDoseMcg: number;
  readonly received?: OpioidIntake;
}

/** A patient treated for pain at steady state on a daily dose of their drug. */
export function createPainPatient(parameters: PainParameters, start: PainStart): PainPatient {
  if (parameters.drug === 'morphine')
    return { drug: 'morphine', parameters, state: createOpioidState(parameters, start) };
  const { received, ...rest } = start;
  const zStart =
    received === undefined
      ? rest
      : { ...rest, received: { csf: received.csf, subdural: received.subdural, epidural: received.epidural } };
  return { drug: 'ziconotide', parameters, state: createZiconotideState(parameters, zStart) };
}

const steps = new WeakMap<PainParameters, DrugStep>();

/** The drug step of a patient's parameters, made once per parameters object. */
export function painDrugStep(p: PainParameters): DrugStep {
  let step = steps.get(p);
  if (step === undefined) {
    step = createDrugStep(p);
    steps.set(p, step);
  }
  return step;
}

/** The patient at `to`, given the pump's cumulative intake of their drug then (see {@link advanceOpioid}). */
export function advancePainPatient(patient: PainPatient, to: Milliseconds, received: OpioidIntake): PainPatient {
  const step = painDrugStep(patient.parameters);
  if (patient.drug === 'morphine')
    return { ...patient, state: advanceOpioid(patient.state, patient.parameters, step, to, received) };
  const r = { csf: received.csf, subdural: received.subdural, epidural: received.epidural };
  return { ...patient, state: advanceZiconotide(patient.state, patient.parameters, step, to, r) };
}

/**
 * The patient given a dose of their drug by lumbar puncture (mcg, now): morphine, hydrophilic, where
 * it was given (it spreads before it acts, as a dose the pump gives at once); ziconotide into the CSF.
 */
export function givePainDose(patient: PainPatient, doseMcg: number): PainPatient {
  const d = patient.state.drug;
  if (patient.drug === 'morphine')
    return { ...patient, state: { ...patient.state, drug: { ...d, spread: d.spread + doseMcg } } };
  return { ...patient, state: { ...patient.state, drug: { ...d, csf: d.csf + doseMcg } } };
}

/** The patient's course so far (stage changes in time order). */
export const painLog = (patient: PainPatient): readonly PainLogEntry[] => patient.state.log;
