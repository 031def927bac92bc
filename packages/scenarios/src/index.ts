/**
 * @itps/scenarios: scenario format 1 (parse, validate), the pure runner and its report. Never for
 * clinical use.
 */
export { formatDuration, parseDuration, parseTimeOfDay } from './duration.ts';
export { beliefObservables, meets, patientObservables, truthObservables } from './observe.ts';
export { type ParseResult, parseScenario } from './parseScenario.ts';
export { describeFound, formatPath, formatProblem, type Problem } from './problem.ts';
export { type ExpectationResult, REPORT_NOTICE, type ScenarioReport, type SeriesPoint } from './report.ts';
export { eventsCsv, reportHtml, seriesCsv } from './reportFiles.ts';
export {
  createScenarioSimulation,
  runScenario,
  scenarioEvents,
  scenarioObservables,
  scenarioPatient,
  scenarioPumpInput,
} from './runScenario.ts';
export { catheterVolumePerCm, createScenarioPlayer, type ScenarioPlayer } from './scenarioPlayer.ts';
export {
  type ScenarioAction,
  type ScenarioExpectation,
  type ScenarioFile,
  type ScenarioTherapy,
  scenarioSchema,
} from './scenarioSchema.ts';
export { toProgram, toTherapy } from './toCore.ts';
export { EVENT_NAMES, isObservable, OBSERVABLES } from './vocabulary.ts';
