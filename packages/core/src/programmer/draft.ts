import type { PumpUpdate } from '../pump/applyUpdate.ts';
import type { BolusRequest } from '../pump/bolus.ts';

/** The programmer's workflows. */
export type Workflow =
  | 'refill'
  | 'doseChange'
  | 'flexSchedule'
  | 'bolus'
  | 'alarmThreshold'
  | 'stopRestart'
  | 'mriPreparation'
  | 'catheterData'
  | 'alarmTest'
  | 'bridgeBolus'
  /** The patient's therapy manager: the boluses the patient may give themselves. */
  | 'ptm'
  | 'replacement';

/** What a workflow is about to send: changes committed together, then a bolus or alarm test. */
export interface Draft {
  readonly update: PumpUpdate;
  readonly bolus: BolusRequest | null;
  readonly alarmTest: boolean;
  /**
   * For a concentration change: the clinician's decision on the old drug still in the pump tubing
   * and catheter: a bridge bolus, or none (acknowledging the dose error until it has passed).
   */
  readonly bridgeDecision: 'bridge' | 'none' | null;
  /** For a pump replacement: whether the new pump is on the kept catheter or on a new one (absent elsewhere). */
  readonly replacementCatheter?: 'kept' | 'new';
}

/** A draft that changes nothing yet. */
export const EMPTY_DRAFT: Draft = { update: {}, bolus: null, alarmTest: false, bridgeDecision: null };

/** Whether a draft would change anything at all. */
export const isEmptyDraft = (draft: Draft): boolean =>
  Object.keys(draft.update).length === 0 && draft.bolus === null && !draft.alarmTest;
