import type { AlarmName } from '@itps/core';
import { CLINICAL_ACTIONS, SCREENING_ACTIONS, THEATRE_ACTIONS } from './training/traineeActions.ts';

/** What a clinician calls each alarm. */
export const ALARM_WORDS: Readonly<Record<AlarmName, string>> = {
  lowReservoir: 'Low reservoir',
  reservoirEmpty: 'Reservoir empty',
  eri: 'Elective replacement (ERI)',
  eos: 'End of service (EOS)',
  motorStall: 'Motor stall',
  lowBatteryReset: 'Low battery reset',
  memoryError: 'Pump memory error',
};

/** What a clinician does about each alarm, in a line. */
export const ALARM_ADVICE: Readonly<Record<AlarmName, string>> = {
  lowReservoir: 'Refill soon: the pump will run dry, and withdrawal follows.',
  reservoirEmpty: 'Refill now: nothing is delivered; watch for withdrawal and bridge with oral baclofen.',
  eri: 'Plan the pump replacement before its replace-by date.',
  eos: 'Therapy has stopped for good: replace the pump now and treat withdrawal meanwhile.',
  motorStall:
    'The motor is not turning (after an MRI, check it again after the scan); if it persists, watch for withdrawal and plan replacement.',
  lowBatteryReset: 'The pump fell back to its minimum rate: reprogram the therapy and plan replacement.',
  memoryError: 'The pump has failed and delivers nothing: replace it; treat withdrawal meanwhile.',
};

const EVENT_WORDS: Readonly<Record<string, string>> = {
  'pump.stopped': 'Pump stopped',
  'pump.started': 'Pump started',
  'update.begun': 'Programming session opened',
  'update.incomplete': 'Programming session left incomplete',
  'program.committed': 'New program stored',
  'refill.recorded': 'Refill recorded',
  'alarm.thresholdChanged': 'Low-reservoir alarm threshold changed',
  'bolus.started': 'Bolus started',
  'bolus.completed': 'Bolus completed',
  'bolus.cancelled': 'Bolus cancelled',
  'motor.stall': 'Motor stalled',
  'motor.recovered': 'Motor stall recovered',
  'pump.interrogated': 'Pump interrogated',
  'pump.reset': 'Pump reset to minimum rate',
  'catheter.recorded': 'Catheter data recorded',
  'alarm.tested': 'Alarm tones tested',
  'ptm.bolus': 'Patient bolus given (PTM)',
  'ptm.lockedOut': 'Patient bolus refused: lockout',
  'ptm.dayLimit': 'Patient bolus refused: limit of 24 hours reached',
  'ptm.unavailable': 'Patient bolus refused by the pump',
  'pump.replaced': 'Pump replaced (a new pump connected)',
  'programmer.connect': 'Programmer connected to the pump',
  'programmer.workflow': 'Programmer workflow opened',
  'programmer.softLimitConfirmed': 'Guard-rail warning confirmed',
  'programmer.sent': 'Update sent to the pump',
  'programmer.verify': 'Pump read back to verify the update',
  'programmer.restart': 'Therapy restarted from the programmer',
  'programmer.refillAbandoned': 'Refill abandoned after the needle acted',
};

/** What a clinician calls each programmer workflow. */
export const WORKFLOW_WORDS: Readonly<Record<string, string>> = {
  refill: 'Refill',
  doseChange: 'Change dose',
  flexSchedule: 'Flex schedule',
  bolus: 'Bolus',
  alarmThreshold: 'Low-reservoir alarm threshold',
  stopRestart: 'Stop or restart therapy',
  mriPreparation: 'MRI preparation',
  catheterData: 'Catheter data',
  alarmTest: 'Alarm tone test',
  bridgeBolus: 'Bridge bolus',
  ptm: "Patient's therapy manager (PTM)",
  replacement: 'Pump replacement',
};

/** What each guard-rail warning a clinician may confirm says, in a few words. */
export const FINDING_WORDS: Readonly<Record<string, string>> = {
  'dose.aboveSoftLimit': 'a dose above the usual maximum',
  'dose.aboveHardLimit': 'a dose above the drug library limit',
  'dose.abovePumpMaximum': "a dose above the pump's maximum flow",
  'dose.belowPumpMinimum': "a dose below the pump's minimum flow",
  'dose.largeDecrease': 'a large dose cut',
  'dose.tenfoldChange': 'a tenfold dose change',
  'dose.titrationStep': 'a step larger than the titration rule allows',
  'dose.startAboveLimit': "a start above the drug's starting dose",
  'titration.stepAboveLimit': "a step larger than the drug's titration step",
  'titration.tooSoon': 'a rise sooner than the drug allows after the last change',
  'admixture.drugStepUp': 'an admixed drug raised more than its titration rule allows',
  'admixture.drugStepDown': 'a large cut of an admixed drug',
  'admixture.drugAboveSoftLimit': 'an admixed drug above its usual maximum',
  'admixture.drugStopped': 'a drug taken out of the admixture',
  'ptm.opioidHistoryUnknown': 'patient boluses with the opioid history not recorded',
  'ptm.bolusAboveSoftLimit': 'a patient bolus above the usual dose',
  'ptm.dayAboveSoftLimit': 'a day with every patient bolus above the usual maximum',
  'flex.totalChange': "a change of the flex schedule's 24-hour total",
  'bolus.aboveSoftLimit': 'a bolus above the usual maximum',
  'bolus.aboveHardLimit': 'a bolus above the drug library limit',
  'bridge.skipped': 'no bridge bolus for a concentration change',
  'bridge.decisionRequired': 'the bridge bolus decision',
  'concentration.customDilution': 'a concentration outside the standard ones',
  'concentration.outOfRange': 'a concentration outside the library',
  'refill.overCapacity': "a refill above the reservoir's capacity",
  'reservoir.overCapacity': "a volume above the reservoir's capacity",
  'alarm.thresholdOutOfRange': 'a low-reservoir alarm outside its range',
  'alarm.thresholdLowered': 'the low-reservoir alarm lowered below its default',
  'flex.stepAboveSoftLimit': 'a flex step above the usual maximum',
  'flex.stepAboveHardLimit': 'a flex step above the drug library limit',
  'flex.stepTenfold': 'a flex step ten times the dose it replaces',
  'therapy.stop': 'stopping therapy (withdrawal follows)',
  'therapy.restart': 'restarting therapy',
  'bolus.priming': 'a priming bolus',
  'bolus.bridgeAboveHardLimit': 'a bridge bolus above the drug library limit',
  'catheter.dataChange': 'a change of the catheter data',
  'catheter.noVolume': 'catheter data without a volume',
  'reservoir.raised': 'a reservoir volume raised outside a refill',
  'refill.shortAspiration': 'injecting after a short aspiration',
  'refill.discrepancy': 'a refill discrepancy',
  'refill.notAspirated': 'a refill recorded without aspirating',
  'refill.recordAboveKnown': 'a volume recorded above what is known to be there',
  'refill.concentrationMismatch': 'a concentration that is not the syringe’s',
  'replacement.primingTubing': "priming the new pump's tubing onto the kept catheter",
  'replacement.primingNewCatheter': 'priming the new pump and the new catheter',
  'replacement.noPriming': "no priming bolus for the new pump's tubing",
  'replacement.primingThroughCatheter': 'a priming bolus through the kept catheter',
};

/** A finding code in words; a code this list does not know is said as a guard-rail warning, never as code. */
export const findingWords = (code: string): string => FINDING_WORDS[code] ?? 'a guard-rail warning';

/** A workflow in words; one this list does not know is said as a programmer workflow. */
export const workflowWords = (workflow: string): string => WORKFLOW_WORDS[workflow] ?? 'a programmer workflow';

/** An alarm in words ("Low reservoir"); one this list does not know as "a pump alarm". */
export const alarmWords = (name: string): string => ALARM_WORDS[name as AlarmName] ?? 'a pump alarm';

/**
 * The detail of a trainee action in words: the workflow's name, the confirmed warning's words, a
 * clinician's own note as written. Codes never reach the debrief.
 */
export function detailWords(type: string, detail: string): string {
  if (type === 'programmer.workflow') return workflowWords(detail);
  if (type === 'programmer.softLimitConfirmed') return findingWords(detail);
  return detail;
}

/** A withdrawal or overdose stage in words: "moderate withdrawal (rebound spasticity, restlessness)". */
export const stageWords = (kind: 'withdrawal' | 'overdose', stage: string): string =>
  stage === 'none' ? `no ${kind}` : (STAGE_WORDS[`${kind}.${stage}`] ?? `an unrecognised ${kind} stage`);

/** What a clinician calls each fault a scenario injects (the report's shaded spans). */
const FAULT_WORDS: Readonly<Record<string, string>> = {
  catheterOcclusion: 'Catheter occluded',
  catheterKink: 'Catheter kinking on and off',
  catheterDisconnect: 'Catheter disconnected from the pump',
  catheterLeak: 'Catheter leaking',
  catheterFracture: 'Catheter fractured',
  tipMigration: 'Catheter tip migrated',
  motorStall: 'Motor stalled',
  lowBatteryReset: 'Low battery reset',
  memoryError: 'Pump memory error',
};

/**
 * A fault's span in a clinician's words: `Catheter leaking`, `MRI scan (3 T)`; a name it does not
 * know is said as a fault, never as its code.
 */
export function faultWords(kind: string): string {
  const mri = /^mri ([\d.]+) T$/.exec(kind);
  if (mri !== null) return `MRI scan (${mri[1]} T)`;
  return FAULT_WORDS[kind] ?? 'a pump or catheter fault';
}

const SHORT_STAGES: Readonly<Record<string, string>> = {
  'withdrawal.early': 'early withdrawal',
  'withdrawal.moderate': 'moderate withdrawal',
  'withdrawal.severe': 'severe withdrawal',
  'overdose.drowsy': 'drowsy',
  'overdose.somnolent': 'somnolent',
  'overdose.respiratoryDepression': 'respiratory depression',
  'overdose.coma': 'coma',
};

/** A pain patient's stage change in a clinician's words, long and short. */
const PAIN_STAGE_WORDS: Readonly<Record<string, readonly [long: string, short: string]>> = {
  'sedation.drowsy': ['drowsiness (rousable to voice)', 'drowsy'],
  'sedation.hardToRouse': ['sedation (hard to rouse)', 'hard to rouse'],
  'sedation.stupor': ['stupor (rouses only to pain)', 'stupor'],
  'sedation.coma': ['coma', 'coma'],
  'respiratoryDepression.early': ['slow breathing (early respiratory depression)', 'slow breathing'],
  'respiratoryDepression.moderate': [
    'respiratory depression (fewer than 10 breaths a minute)',
    'respiratory depression',
  ],
  'respiratoryDepression.severe': ['severe respiratory depression (a few breaths a minute)', 'severe resp. depression'],
  'respiratoryDepression.arrest': ['respiratory arrest', 'respiratory arrest'],
  'opioidWithdrawal.early': ['early opioid withdrawal (craving, sweating, yawning)', 'early opioid withdrawal'],
  'opioidWithdrawal.moderate': ['moderate opioid withdrawal (gooseflesh, dilated pupils, aching)', 'opioid withdrawal'],
  'opioidWithdrawal.severe': ['severe opioid withdrawal (diarrhoea, fever, fast pulse)', 'severe opioid withdrawal'],
  'granuloma.mass': ['a mass at the catheter tip (the drug works less)', 'catheter-tip mass'],
  'granuloma.deficit': ['a neurological deficit from a mass at the catheter tip', 'neuro deficit (tip mass)'],
  'granuloma.compression': ['spinal cord compression from a mass at the catheter tip', 'cord compression'],
  'neuropsychiatric.mild': ['dizziness, nausea and unsteadiness from ziconotide', 'dizzy (ziconotide)'],
  'neuropsychiatric.confusion': ['confusion from ziconotide', 'confused (ziconotide)'],
  'neuropsychiatric.psychosis': ['hallucinations from ziconotide', 'hallucinating (ziconotide)'],
};
const PAIN_FAMILY_WORDS: Readonly<Record<string, string>> = {
  sedation: 'sedation',
  respiratoryDepression: 'respiratory depression',
  opioidWithdrawal: 'opioid withdrawal',
  granuloma: 'the catheter-tip mass',
  neuropsychiatric: "ziconotide's adverse effects",
};
const PAIN_EVENT = /^patient\.(sedation|respiratoryDepression|opioidWithdrawal|granuloma|neuropsychiatric)\.(\w+)$/;

/** A pain patient's stage (`respiratoryDepression`, `moderate`) in a clinician's words; `none` as "no ...". */
export function painStageWords(family: string, stage: string): string {
  if (stage === 'none') return `no ${PAIN_FAMILY_WORDS[family] ?? family}`;
  return PAIN_STAGE_WORDS[`${family}.${stage}`]?.[0] ?? `an unrecognised ${PAIN_FAMILY_WORDS[family] ?? family} stage`;
}

/** A pain patient's stage change in words (short for a plot's label), or null for any other name. */
function painEventWords(name: string, short: boolean): string | null {
  const m = PAIN_EVENT.exec(name);
  if (m === null) return null;
  const family = PAIN_FAMILY_WORDS[m[1] ?? ''] ?? '';
  if (m[2] === 'none') return short ? `Patient: ${family} over` : `The patient recovered from ${family}`;
  const words = PAIN_STAGE_WORDS[`${m[1]}.${m[2]}`];
  if (words === undefined) return short ? `Patient: ${m[2]}` : `The patient reached an unrecognised ${family} stage`;
  return short ? `Patient: ${words[1]}` : `The patient reached ${words[0]}`;
}

/** An event's words short enough to label a line on a plot: a patient's stage by its name alone. */
export function shortEventWords(name: string): string {
  const pain = painEventWords(name, true);
  if (pain !== null) return pain;
  const patient = /^patient\.(withdrawal|overdose)\.(\w+)$/.exec(name);
  if (patient === null) return eventWords(name);
  if (patient[2] === 'none') return `Patient: ${patient[1]} over`;
  return `Patient: ${SHORT_STAGES[`${patient[1]}.${patient[2]}`] ?? patient[2]}`;
}

const STAGE_WORDS: Readonly<Record<string, string>> = {
  'withdrawal.early': 'early withdrawal (itching, fast heart rate, spasticity returning)',
  'withdrawal.moderate': 'moderate withdrawal (rebound spasticity, restlessness)',
  'withdrawal.severe': 'severe withdrawal (fever, rigidity, altered consciousness)',
  'overdose.drowsy': 'drowsiness',
  'overdose.somnolent': 'somnolence (very sleepy, hypotonia)',
  'overdose.respiratoryDepression': 'respiratory depression',
  'overdose.coma': 'coma',
};

/**
 * A pump log entry, a patient's stage change or a trainee action, in the words a clinician uses:
 * "Low reservoir alarm raised", "The patient reached moderate withdrawal", "Suspect withdrawal".
 */
export function eventWords(name: string): string {
  const pain = painEventWords(name, false);
  if (pain !== null) return pain;
  const alarm = /^alarm\.(\w+)\.(raised|cleared)$/.exec(name);
  if (alarm !== null)
    return alarm[1] !== undefined && alarm[1] in ALARM_WORDS
      ? `${ALARM_WORDS[alarm[1] as AlarmName]} alarm ${alarm[2]}`
      : `Pump alarm ${alarm[2]}`;
  const patient = /^patient\.(withdrawal|overdose)\.(\w+)$/.exec(name);
  if (patient !== null)
    return patient[2] === 'none'
      ? `The patient recovered from ${patient[1]}`
      : `The patient reached ${stageWords(patient[1] as 'withdrawal', patient[2] ?? '')}`;
  return (
    CLINICAL_ACTIONS[name as keyof typeof CLINICAL_ACTIONS] ??
    SCREENING_ACTIONS[name as keyof typeof SCREENING_ACTIONS] ??
    THEATRE_ACTIONS[name as keyof typeof THEATRE_ACTIONS] ??
    EVENT_WORDS[name] ??
    name.replaceAll('.', ' ')
  );
}
