import { painStatus } from '../patient/painStatus.ts';
import {
  OVERDOSE_STAGES,
  type OverdoseStage,
  WITHDRAWAL_STAGES,
  type WithdrawalStage,
} from '../patient/patientParameters.ts';
import { patientStatus } from '../patient/patientStatus.ts';
import type { WorldState } from './worldState.ts';

/** The patient's withdrawal and overdose stages, the worse of every model the world runs. */
export interface PatientStages {
  readonly withdrawal: WithdrawalStage;
  readonly overdose: OverdoseStage;
}

const worse = <T extends string>(order: readonly T[], a: T, b: T): T => (order.indexOf(b) > order.indexOf(a) ? b : a);

/**
 * The stages a class console marks a patient in danger by, on one scale for every patient model:
 * baclofen's own stages; a patient on morphine's respiratory depression (moderate and worse) as
 * respiratory depression, their sedation as drowsy, somnolent or coma, their opioid withdrawal as
 * withdrawal. Null when the world has no patient.
 */
export function patientStages(world: WorldState): PatientStages | null {
  let stages: PatientStages | null = null;
  if (world.patient !== null) {
    const s = patientStatus(world.patient.state, world.patient.parameters);
    stages = { withdrawal: s.withdrawal, overdose: s.overdose };
  }
  if (world.pain !== undefined) {
    const p = painStatus(world.pain);
    const breathing: OverdoseStage =
      p.respiratoryDepression === 'moderate' ||
      p.respiratoryDepression === 'severe' ||
      p.respiratoryDepression === 'arrest'
        ? 'respiratoryDepression'
        : 'none';
    const awake: OverdoseStage = {
      none: 'none',
      drowsy: 'drowsy',
      hardToRouse: 'somnolent',
      stupor: 'coma',
      coma: 'coma',
    }[p.sedation] as OverdoseStage;
    const pain: PatientStages = {
      withdrawal: p.opioidWithdrawal,
      overdose: worse(OVERDOSE_STAGES, breathing, awake),
    };
    stages =
      stages === null
        ? pain
        : {
            withdrawal: worse(WITHDRAWAL_STAGES, stages.withdrawal, pain.withdrawal),
            overdose: worse(OVERDOSE_STAGES, stages.overdose, pain.overdose),
          };
  }
  return stages;
}
