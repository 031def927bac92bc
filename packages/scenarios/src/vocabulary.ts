import {
  ALARM_NAMES,
  type DrugId,
  GRANULOMA_STAGES,
  NEUROPSYCHIATRIC_STAGES,
  OPIOID_WITHDRAWAL_STAGES,
  OVERDOSE_STAGES,
  RESPIRATORY_STAGES,
  SEDATION_STAGES,
  WITHDRAWAL_STAGES,
} from '@itps/core';

/** Observables a `that:` may name (format 1), besides `alarm.<name>`. */
export const OBSERVABLES = [
  'pump.state',
  'pump.mode',
  'pump.reservoirMl',
  'pump.doseMcgPerDay',
  'pump.rateMlPerDay',
  'truth.reservoirMl',
  'truth.deliveredMcg',
  'truth.deliveredMl',
  'truth.pocketMcg',
  // extensions of format 1 (new observables only)
  'truth.leakMcg',
  'truth.epiduralMcg',
  'truth.subduralMcg',
  'truth.tip',
  'truth.explantedMcg',
  'patient.ashworth',
  'patient.ashworthGrade',
  'patient.withdrawal',
  'patient.overdose',
  'patient.heartRateBpm',
  'patient.temperatureC',
  'patient.respiratoryRatePerMin',
  'patient.consciousness',
  'patient.csfMcg',
  'patient.relativeEffect',
  // extensions of format 1: the programmer's PTM report (presses of the last 24 hours)
  'pump.ptmPresses24h',
  'pump.ptmBoluses24h',
  'pump.ptmLockouts24h',
  'pump.ptmDayLimits24h',
  // a patient treated for pain (patient.condition: pain)
  'patient.painScore',
  'patient.sedation',
  'patient.respiratoryRate',
  'patient.respiratoryDepression',
  'patient.pupils',
  'patient.opioidWithdrawal',
  'patient.granuloma',
  'patient.neuropsychiatric',
  'patient.ckTimesUpperLimit',
  'patient.painRelativeEffect',
  'patient.opioidTolerance',
] as const;

/** The observables of a patient treated for pain: they need `patient.condition: pain`. */
export const PAIN_OBSERVABLES: readonly string[] = OBSERVABLES.slice(
  OBSERVABLES.indexOf('patient.painScore'),
  OBSERVABLES.indexOf('patient.opioidTolerance') + 1,
);

/** Every event name an `event:` expectation may name: the pump's log, plus the runner's own. */
export const EVENT_NAMES: readonly string[] = [
  ...ALARM_NAMES.flatMap((a) => [`alarm.${a}.raised`, `alarm.${a}.cleared`]),
  'pump.stopped',
  'pump.started',
  'pump.interrogated',
  'pump.reset',
  'update.begun',
  'update.incomplete',
  'program.committed',
  'refill.recorded',
  'alarm.thresholdChanged',
  'alarm.tested',
  'catheter.recorded',
  'bolus.started',
  'bolus.completed',
  'bolus.cancelled',
  'motor.stall',
  'motor.recovered',
  // extensions of format 1: the patient's therapy manager (one entry per press of the handheld)
  'ptm.bolus',
  'ptm.lockedOut',
  'ptm.dayLimit',
  'ptm.unavailable',
  'pump.replaced',
  ...WITHDRAWAL_STAGES.map((stage) => `patient.withdrawal.${stage}`),
  ...OVERDOSE_STAGES.map((stage) => `patient.overdose.${stage}`),
  ...SEDATION_STAGES.map((stage) => `patient.sedation.${stage}`),
  ...RESPIRATORY_STAGES.map((stage) => `patient.respiratoryDepression.${stage}`),
  ...OPIOID_WITHDRAWAL_STAGES.map((stage) => `patient.opioidWithdrawal.${stage}`),
  ...GRANULOMA_STAGES.map((stage) => `patient.granuloma.${stage}`),
  ...NEUROPSYCHIATRIC_STAGES.map((stage) => `patient.neuropsychiatric.${stage}`),
];

/**
 * Each drug's name with its unit, as the per-drug observables write it: a drug in its own unit
 * (`baclofenMcg`, `morphineMg`, `ziconotideMcg`).
 */
export const DRUG_UNIT_NAMES: Readonly<Record<DrugId, string>> = {
  baclofen: 'baclofenMcg',
  morphine: 'morphineMg',
  ziconotide: 'ziconotideMcg',
};

/**
 * Extensions of format 1, one of each per drug of the library, in the drug's own unit: the
 * programmed daily dose (`pump.dose.morphineMgPerDay`), the drug that reached the spinal fluid and
 * the pocket (`truth.delivered.morphineMg`, `truth.pocket.morphineMg`), and the concentration in
 * the reservoir and leaving the catheter tip (`truth.reservoir.morphineMgPerMl`,
 * `truth.atTip.morphineMgPerMl`); plus `pump.doseMgPerDay`, the lead drug's dose in mg/day.
 */
export const DRUG_OBSERVABLES: readonly string[] = [
  'pump.doseMgPerDay',
  ...Object.values(DRUG_UNIT_NAMES).flatMap((d) => [
    `pump.dose.${d}PerDay`,
    `truth.delivered.${d}`,
    `truth.pocket.${d}`,
    `truth.reservoir.${d}PerMl`,
    `truth.atTip.${d}PerMl`,
  ]),
];

/** Every name a `that:` (or a training objective's `atEnd:`) may hold: the observables and `alarm.<name>`. */
export const OBSERVABLE_NAMES: readonly string[] = [
  ...OBSERVABLES,
  ...DRUG_OBSERVABLES,
  ...ALARM_NAMES.map((a) => `alarm.${a}`),
];

/** Whether a `that:` key names an observable. */
export const isObservable = (key: string): boolean =>
  (OBSERVABLES as readonly string[]).includes(key) ||
  DRUG_OBSERVABLES.includes(key) ||
  (key.startsWith('alarm.') && (ALARM_NAMES as readonly string[]).includes(key.slice(6)));

/** Requirements the runner judges on the whole world (pump, link and this programmer), not one pump state. */
export const SESSION_REQUIREMENTS = ['REQ-SES-01', 'REQ-SES-02'] as const;
/** A requirement judged on the whole world. */
export type SessionRequirement = (typeof SESSION_REQUIREMENTS)[number];
