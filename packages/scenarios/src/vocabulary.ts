import { ALARM_NAMES, OVERDOSE_STAGES, WITHDRAWAL_STAGES } from '@itps/core';

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
] as const;

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
  ...WITHDRAWAL_STAGES.map((stage) => `patient.withdrawal.${stage}`),
  ...OVERDOSE_STAGES.map((stage) => `patient.overdose.${stage}`),
];

/** Every name a `that:` (or a training objective's `atEnd:`) may hold: the observables and `alarm.<name>`. */
export const OBSERVABLE_NAMES: readonly string[] = [...OBSERVABLES, ...ALARM_NAMES.map((a) => `alarm.${a}`)];

/** Whether a `that:` key names an observable. */
export const isObservable = (key: string): boolean =>
  (OBSERVABLES as readonly string[]).includes(key) ||
  (key.startsWith('alarm.') && (ALARM_NAMES as readonly string[]).includes(key.slice(6)));

/** Requirements the runner judges on the whole world (pump, link and this programmer), not one pump state. */
export const SESSION_REQUIREMENTS = ['REQ-SES-01', 'REQ-SES-02'] as const;
/** A requirement judged on the whole world. */
export type SessionRequirement = (typeof SESSION_REQUIREMENTS)[number];
