import { type PatientParameters, type PatientState, type PatientStatus, patientStatus } from '@itps/core';
import { useSelector } from '@xstate/react';
import { useSimulation } from './SimulationProvider.tsx';

/** The simulated patient now (re-read whenever the pump moves, since the patient moves with it); null without one. */
export function usePatient(): {
  readonly state: PatientState;
  readonly parameters: PatientParameters;
  readonly status: PatientStatus;
} | null {
  const simulation = useSimulation();
  useSelector(simulation.pump, (s) => s.context.pump.now);
  const state = simulation.patient();
  const parameters = simulation.patientParameters;
  if (state === null || parameters === null) return null;
  return { state, parameters, status: patientStatus(state, parameters) };
}
