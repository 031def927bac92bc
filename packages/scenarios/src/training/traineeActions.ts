/** What a trainee can find or do at the bedside, beyond the programmer (recorded as events of these names). */
export const CLINICAL_ACTIONS = {
  'clinical.suspectCatheter': 'Suspect a catheter problem',
  'clinical.suspectPocketFill': 'Suspect a pocket fill',
  'clinical.suspectOverdose': 'Suspect overdose',
  'clinical.suspectWithdrawal': 'Suspect withdrawal',
  'clinical.suspectPumpFailure': 'Suspect a pump failure',
  'clinical.planReplacement': 'Schedule pump replacement',
  'clinical.oralBaclofen': 'Give oral baclofen as a bridge',
  'clinical.emergencyCare': 'Call for emergency care',
  'clinical.naloxone': 'Give naloxone (opioid reversal)',
  'clinical.examine': 'Examine the patient',
} as const;

/**
 * What a trainee does in the screening trial before an implant (`training.phase: screening`): test
 * doses by lumbar puncture (recorded from the `patient.testDose` command, with the dose as detail)
 * and the decision, with the starting daily dose as detail.
 */
export const SCREENING_ACTIONS = {
  'clinical.testDose': 'Test dose given by lumbar puncture',
  'clinical.recommendImplant': 'Recommend a pump implant',
  'clinical.notCandidate': 'Not a candidate for a pump',
} as const;

/**
 * What the surgeon does at a pump replacement on the trainee's word (`training.phase: theatre`),
 * recorded from the `pump.replace` and `pump.connect` commands the world accepted.
 */
export const THEATRE_ACTIONS = {
  'clinical.pumpReplaced': 'The surgeon replaced the pump',
  'clinical.catheterConnected': 'The surgeon connected the catheter to the new pump',
} as const;

/** A clinical action's event name. */
export type ClinicalAction = keyof typeof CLINICAL_ACTIONS;

/** Programmer actions a training run records (the pump's own log records what reached the pump). */
export const PROGRAMMER_ACTIONS = [
  'programmer.connect',
  'programmer.workflow',
  'programmer.softLimitConfirmed',
  'programmer.sent',
  'programmer.verify',
  'programmer.restart',
  'programmer.refillAbandoned',
] as const;

/** Every trainee action name an objective may name. */
export const TRAINEE_ACTION_NAMES: readonly string[] = [
  ...Object.keys(CLINICAL_ACTIONS),
  ...Object.keys(SCREENING_ACTIONS),
  ...Object.keys(THEATRE_ACTIONS),
  ...PROGRAMMER_ACTIONS,
];

/** One thing the trainee did, at a simulated instant (ms since t = 0). */
export interface TraineeAction {
  readonly at: number;
  readonly type: string;
  /** What exactly: the workflow's name, the confirmed finding's code. */
  readonly detail?: string;
}
