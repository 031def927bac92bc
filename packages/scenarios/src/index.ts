/**
 * @itps/scenarios: scenario format 1 (parse, validate), the pure runner and its report. Never for
 * clinical use.
 */

export type { RefillFinding } from './applyAction.ts';
export { bestScore } from './authoring/bestScore.ts';
export { checkExerciseFields, drugLibraryProblems } from './authoring/checkExerciseFields.ts';
export { type ExerciseMeta, exerciseMeta } from './authoring/exerciseMeta.ts';
export { exerciseDocument, exerciseFromYaml, exerciseToYaml } from './authoring/exerciseYaml.ts';
export { type FieldProblem, fieldPath, fieldProblemOf, fieldWords } from './authoring/fieldProblem.ts';
export { playPlanStep } from './authoring/playPlanStep.ts';
export {
  type AlarmInterval,
  type ExercisePreview,
  type PainSample,
  PREVIEW_SAMPLES,
  type PreviewCourse,
  type PreviewSample,
  previewExercise,
  previewSpacing,
  type RefusedStep,
} from './authoring/previewExercise.ts';
export { unpassableProblems } from './authoring/unpassableProblems.ts';
export {
  CLASS_SPEEDS,
  type ClassClock,
  type ClassSpeed,
  type ClassView,
  type ClientMessage,
  type ClientMessageCheck,
  clientMessageSchema,
  MAX_CLIENT_MESSAGE_BYTES,
  parseClientMessage,
  type SeatSummary,
  type ServerMessage,
  type TraineeExercise,
} from './classroom/classMessages.ts';
export {
  type ClassEvent,
  type ClassEventKind,
  type ClassRow,
  exerciseTitle,
  type LibraryRef,
  type RecordSummary,
  type StoredRecord,
} from './classroom/classRecords.ts';
export { FAULT_CHOICES, type FaultChoice } from './classroom/faultChoices.ts';
export {
  type ClientFrame,
  type FrameRefusalCode,
  jsonDepth,
  MAX_CLIENT_MESSAGE_DEPTH,
  readClientFrame,
  utf8Bytes,
} from './classroom/readClientFrame.ts';
export {
  parseTraineeCommand,
  type TraineeCommandCheck,
  traineeCommandSchema,
} from './classroom/traineeCommand.ts';
export {
  cleanTraineeName,
  distinctName,
  MAX_TRAINEE_NAME,
  type TraineeNameCheck,
} from './classroom/traineeName.ts';
export { applyViewDelta, type ViewDeltaOp, viewDelta } from './classroom/viewDelta.ts';
export { type DiffTolerance, diffReports, type ReportChange } from './diffReports.ts';
export { formatDuration, parseDuration, parseTimeOfDay } from './duration.ts';
export {
  ALARM_ADVICE,
  ALARM_WORDS,
  alarmWords,
  detailWords,
  eventWords,
  FINDING_WORDS,
  faultWords,
  findingWords,
  shortEventWords,
  stageWords,
  WORKFLOW_WORDS,
  workflowWords,
} from './eventWords.ts';
export {
  type ExpectationRow,
  expectationRows,
  expectedWords,
  failureLine,
  violationLine,
} from './expectationRows.ts';
export {
  checkCounts,
  checkDuration,
  checkText,
  DEFAULT_LIMITS,
  HARD_LIMITS,
  type ScenarioLimits,
  utf8Length,
} from './limits.ts';
export {
  beliefObservables,
  drugObservables,
  involvesOtherDrugs,
  meets,
  painObservables,
  patientObservables,
  truthObservables,
} from './observe.ts';
export {
  type ParseResult,
  parseScenario,
  parseScenarioDocument,
  validateScenario,
  validateWithin,
} from './parseScenario.ts';
export { describeFound, formatPath, formatProblem, type Problem, printable, quoteShort } from './problem.ts';
export {
  type DailyDose,
  type ExpectationResult,
  type FaultSpan,
  REPORT_NOTICE,
  type ScenarioReport,
  type SeriesPoint,
} from './report.ts';
export { dayLabel, eventsCsv, reportHtml, seriesCsv, type TimeLabel } from './reportFiles.ts';
export { readReport } from './reportSchema.ts';
export {
  createScenarioWorld,
  runScenario,
  scenarioEvents,
  scenarioObservables,
  scenarioPatient,
  scenarioPumpInput,
} from './runScenario.ts';
export {
  debriefSchema,
  MAX_SESSION_CHARS,
  parseSavedSession,
  type SavedSession,
  SESSION_FORMAT,
  type SessionLoad,
} from './savedSession.ts';
export { SCENARIO_SCHEMA_ID, scenarioJsonSchema } from './scenarioJsonSchema.ts';
export {
  scenarioDrugs,
  scenarioPainDrug,
  scenarioPainPatient,
  treatedForPain,
  treatedForSpasticity,
} from './scenarioPainPatient.ts';
export { catheterVolumePerCm, createScenarioPlayer, type ScenarioPlayer } from './scenarioPlayer.ts';
export {
  type PlanStep,
  type ScenarioAction,
  type ScenarioExpectation,
  type ScenarioFile,
  type ScenarioSource,
  type ScenarioTherapy,
  scenarioSchema,
  type TrainingObjective,
} from './scenarioSchema.ts';
export { checkSessionInvariants, type SessionRecord } from './sessionInvariants.ts';
export { mergeSweeps, missingShards, readSweep } from './sweep/mergeSweeps.ts';
export { replayCommand, shellWord } from './sweep/replayCommand.ts';
export { sweepHtml } from './sweep/sweepHtml.ts';
export {
  applySettings,
  MAX_SWEEP_RUNS,
  parseSeeds,
  parseSetting,
  parseShard,
  planSweep,
  type SweepRunPlan,
  type SweepSetting,
} from './sweep/sweepPlan.ts';
export {
  type Distribution,
  distributionOf,
  type SweepResult,
  type SweepRun,
  sweepResultOf,
  sweepRunOf,
} from './sweep/sweepResult.ts';
export { toProgram, toTherapy } from './toCore.ts';
export { type ProgrammerScreen, programmerScreen } from './training/programmerScreen.ts';
export {
  ACKNOWLEDGEMENTS,
  CLEARABLE_ALARMS,
  DETECTION_POINTS,
  type DebriefEntry,
  entryErrors,
  type InjectedFault,
  PASS_PERCENT,
  type RubricItem,
  scoreTraining,
  type TrainingDebrief,
  trainingOf,
} from './training/scoreTraining.ts';
export {
  CLINICAL_ACTIONS,
  type ClinicalAction,
  PROGRAMMER_ACTIONS,
  SCREENING_ACTIONS,
  THEATRE_ACTIONS,
  TRAINEE_ACTION_NAMES,
  type TraineeAction,
} from './training/traineeActions.ts';
export {
  coursePoint,
  type PumpChange,
  pumpChanges,
  type TrainingRun,
  trainingRunOf,
} from './training/trainingRun.ts';
export {
  COURSE_EVERY_MS,
  resumeTraining,
  startTraining,
  type TrainingRecord,
  type TrainingSession,
} from './training/trainingSession.ts';
export {
  TRAINING_DIFFICULTIES,
  TRAINING_TOPICS,
  type TrainingDifficulty,
  type TrainingTopic,
} from './training/trainingTopics.ts';
export {
  DRUG_OBSERVABLES,
  DRUG_UNIT_NAMES,
  EVENT_NAMES,
  isObservable,
  OBSERVABLE_NAMES,
  OBSERVABLES,
  SESSION_REQUIREMENTS,
  type SessionRequirement,
} from './vocabulary.ts';
