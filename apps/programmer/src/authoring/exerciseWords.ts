import type { TrainingTopic } from '@itps/scenarios';

/** The library's topics in the clinic's words (the file keeps the key). */
export const TOPIC_WORDS: Readonly<Record<TrainingTopic, string>> = {
  screening: 'Screening trial',
  titration: 'Titration',
  refill: 'Refill',
  concentration: 'Concentration change',
  programming: 'Programming',
  catheter: 'Catheter problems',
  withdrawal: 'Withdrawal',
  overdose: 'Overdose',
  alarms: 'Alarms',
  battery: 'Battery',
  mri: 'MRI',
  priming: 'Priming',
  replacement: 'Pump replacement',
  pain: 'Chronic pain',
  opioids: 'Opioids (morphine)',
  ziconotide: 'Ziconotide',
  admixture: 'Admixtures',
  ptm: 'Patient bolus (PTM)',
};

/** A topic in the clinic's words; one this app does not know (a newer library's) as it is written. */
export const topicWords = (topic: string): string =>
  (TOPIC_WORDS as Readonly<Record<string, string | undefined>>)[topic] ?? topic;

/** The drug library's drugs, as a pharmacy labels them. */
export const DRUG_WORDS: readonly (readonly [string, string])[] = [
  ['baclofen', 'Baclofen (spasticity)'],
  ['morphine', 'Morphine, preservative-free (pain)'],
  ['ziconotide', 'Ziconotide (pain)'],
];

/** The pump models, as their labels read. */
export const MODEL_WORDS: readonly (readonly [string, string])[] = [
  ['synchromed-ii-20', 'SynchroMed II, 20 mL'],
  ['synchromed-ii-40', 'SynchroMed II, 40 mL'],
  ['prometra-ii-20', 'Prometra II, 20 mL'],
];

/** Where the patient's spasticity comes from. */
export const ORIGIN_WORDS: readonly (readonly [string, string])[] = [
  ['spinal', 'Spinal (spinal cord injury, MS)'],
  ['cerebral', 'Cerebral (cerebral palsy, brain injury)'],
  ['pediatric', 'Paediatric'],
];

/** Where the catheter's tip lies. */
export const TIP_WORDS: readonly (readonly [string, string])[] = [
  ['intrathecal', 'Intrathecal (where it should be)'],
  ['subdural', 'Subdural'],
  ['epidural', 'Epidural'],
  ['subcutaneous', 'Subcutaneous'],
];

/** How the pump delivers. */
export const THERAPY_WORDS: readonly (readonly [string, string])[] = [
  ['simple', 'Simple continuous'],
  ['flex', 'Flex schedule (doses by time of day)'],
  ['minimum', 'Minimum rate'],
  ['stopped', 'Stopped'],
];

/** The faults an educator can place, in the clinic's words. */
export const FAULT_KIND_WORDS: readonly (readonly [string, string])[] = [
  ['catheterKink', 'Catheter kink'],
  ['catheterOcclusion', 'Catheter occlusion'],
  ['catheterDisconnect', 'Catheter disconnection'],
  ['catheterLeak', 'Catheter leak'],
  ['tipMigration', 'Catheter tip migration'],
  ['motorStall', 'Pump motor stall'],
  ['lowBatteryReset', 'Low battery reset'],
  ['memoryError', 'Pump memory error'],
];

/** Where a needle goes at a refill. */
export const NEEDLE_WORDS: readonly (readonly [string, string])[] = [
  ['reservoir', 'Into the reservoir (correct)'],
  ['pocket', 'Into the pocket (a pocket fill)'],
  ['cap', 'Into the catheter access port'],
];

/** What an objective may ask the trainee to do, or what must never happen, in words (the file keeps the event's name). */
export const OBJECTIVE_EVENT_WORDS: readonly (readonly [string, string])[] = [
  ['pump.interrogated', 'Interrogate the pump'],
  ['refill.recorded', 'Refill the pump and record it'],
  ['program.committed', 'Send a new program to the pump'],
  ['bolus.started', 'Give a bolus'],
  ['alarm.thresholdChanged', 'Change the low reservoir alarm'],
  ['catheter.recorded', 'Record the catheter'],
  ['clinical.suspectCatheter', 'Suspect a catheter problem'],
  ['clinical.suspectPocketFill', 'Suspect a pocket fill'],
  ['clinical.suspectOverdose', 'Suspect overdose'],
  ['clinical.suspectWithdrawal', 'Suspect withdrawal'],
  ['clinical.suspectPumpFailure', 'Suspect a pump failure'],
  ['clinical.planReplacement', 'Schedule pump replacement'],
  ['clinical.oralBaclofen', 'Give oral baclofen as a bridge'],
  ['clinical.emergencyCare', 'Call for emergency care'],
  ['clinical.naloxone', 'Give naloxone (opioid reversal)'],
  ['clinical.examine', 'Examine the patient'],
  ['clinical.testDose', 'Give a test dose by lumbar puncture'],
  ['clinical.recommendImplant', 'Recommend a pump implant'],
  ['clinical.notCandidate', 'Decide the patient is not a candidate'],
  ['programmer.workflow', 'Open a programmer workflow'],
  ['programmer.verify', 'Verify the pump after an update'],
];

/** What must never happen to the patient or the pump, in words. */
export const NEVER_WORDS: readonly (readonly [string, string])[] = [
  ['patient.withdrawal.early', 'The patient reaches early withdrawal'],
  ['patient.withdrawal.moderate', 'The patient reaches moderate withdrawal'],
  ['patient.withdrawal.severe', 'The patient reaches severe withdrawal'],
  ['patient.overdose.drowsy', 'The patient becomes drowsy (overdose)'],
  ['patient.overdose.somnolent', 'The patient becomes somnolent (overdose)'],
  ['patient.overdose.respiratoryDepression', 'Respiratory depression (overdose)'],
  ['patient.overdose.coma', 'Coma (overdose)'],
  ['pump.stopped', 'The pump is stopped'],
  ['programmer.softLimitConfirmed', 'A dose warning is overridden'],
];

/** The right plan's steps, in words. */
export const PLAN_STEP_WORDS: readonly (readonly [string, string])[] = [
  ['interrogate', 'Interrogate the pump'],
  ['refill', 'Refill the pump'],
  ['program', 'Change the program'],
  ['bolus', 'Give a bolus'],
  ['restart', 'Restart therapy'],
  ['setLowReservoirAlarm', 'Set the low reservoir alarm'],
  ['replace', 'Replace the pump (in theatre)'],
  ['connectCatheter', 'Have the surgeon connect the catheter'],
  ['clinical.testDose', 'Give a test dose by lumbar puncture'],
  ['clinical.examine', 'Examine the patient'],
  ['clinical.suspectCatheter', 'Suspect a catheter problem'],
  ['clinical.suspectPocketFill', 'Suspect a pocket fill'],
  ['clinical.suspectOverdose', 'Suspect overdose'],
  ['clinical.suspectWithdrawal', 'Suspect withdrawal'],
  ['clinical.suspectPumpFailure', 'Suspect a pump failure'],
  ['clinical.planReplacement', 'Schedule pump replacement'],
  ['clinical.oralBaclofen', 'Give oral baclofen as a bridge'],
  ['clinical.emergencyCare', 'Call for emergency care'],
  ['clinical.naloxone', 'Give naloxone (opioid reversal)'],
  ['clinical.recommendImplant', 'Recommend a pump implant'],
  ['clinical.notCandidate', 'Decide the patient is not a candidate'],
];
