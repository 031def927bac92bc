import type { Milliseconds } from '../units/quantity.ts';
import { type DrugAmounts, effectAtNeed, NO_INFLOW, steadyAmounts } from './patientDynamics.ts';
import type { OverdoseStage, PatientParameters, WithdrawalStage } from './patientParameters.ts';

/** Names of the patient's course entries (part of the scenario format's event names). */
export type PatientLogType = `patient.withdrawal.${WithdrawalStage}` | `patient.overdose.${OverdoseStage}`;

/** A change of the patient's withdrawal or overdose stage. */
export interface PatientLogEntry {
  readonly at: Milliseconds;
  readonly type: PatientLogType;
}

/** Cumulative drug the patient has taken in from each site the catheter can reach, pg (from the pump's sinks). */
export interface ReceivedDrug {
  readonly csf: number;
  readonly subdural: number;
  readonly epidural: number;
}

/** The simulated patient at one instant. Plain data: serialisable, restorable. */
export interface PatientState {
  readonly now: Milliseconds;
  readonly drug: DrugAmounts;
  /** Physical dependence, 0 (never exposed) to 1 (adapted to a full effect). */
  readonly dependence: number;
  /** Need now / need at the start (slow tolerance), from 1 up. */
  readonly tolerance: number;
  /** Hours of withdrawal deficit accumulated (falls again while the effect is restored). */
  readonly deficitH: number;
  readonly withdrawal: WithdrawalStage;
  readonly overdose: OverdoseStage;
  /** The worst stages reached so far (for scoring). */
  readonly worst: { readonly withdrawal: WithdrawalStage; readonly overdose: OverdoseStage };
  readonly received: ReceivedDrug;
  readonly log: readonly PatientLogEntry[];
}

/** How the patient starts: when, and the intrathecal dose they have been on (0: never treated). */
export interface PatientStart {
  readonly at: Milliseconds;
  readonly dailyDoseMcg: number;
  /** The pump sinks' cumulative totals at the start, which the patient has already had. */
  readonly received?: ReceivedDrug;
}

/**
 * A patient at steady state on a daily intrathecal dose (dependent on it in proportion to its
 * effect), or never treated when the dose is 0.
 */
export function createPatientState(p: PatientParameters, start: PatientStart): PatientState {
  const drug = steadyAmounts(p, { ...NO_INFLOW, intrathecal: start.dailyDoseMcg / 24 });
  return {
    now: start.at,
    drug,
    dependence: Math.min(1, drug.effect / effectAtNeed(p)),
    tolerance: 1,
    deficitH: 0,
    withdrawal: 'none',
    overdose: 'none',
    worst: { withdrawal: 'none', overdose: 'none' },
    received: start.received ?? { csf: 0, subdural: 0, epidural: 0 },
    log: [],
  };
}
