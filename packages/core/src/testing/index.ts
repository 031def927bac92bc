/**
 * @itps/core/testing: builders, fast-check arbitraries, history runners and invariant checkers for
 * people writing their own checks against the core. Production code never imports this.
 */
export {
  catheterFaultArb,
  concentrationArb,
  doseArb,
  drugConcentrationArb,
  flexStepsArb,
  type HistoryOptions,
  profileIdArb,
  programArb,
  pumpCommandArb,
  pumpHistoryArb,
  pumpInputArb,
  solutionArb,
  therapyArb,
  validProgramArb,
  waitArb,
} from './arbitraries.ts';
export { isUnsensed, type PumpCommand, sensedPart } from './pumpCommand.ts';
export { buildPumpInput, drugProgram, flexProgram, fourStepFlexInput, simpleProgram } from './pumpInputBuilder.ts';
export {
  accountedFor,
  believedPart,
  checkAlarmsMatchConditions,
  checkAtomicUpdate,
  checkBolusLimits,
  checkCalculatedVolumeBounds,
  checkConservation,
  checkEosAfterEri,
  checkLogAppendOnly,
  checkNoDeliveryWhenHalted,
  checkProgrammedRate,
  PUMP_RUN_INVARIANTS,
  type RunInvariant,
  type Violation,
} from './pumpInvariants.ts';
export {
  type RecordedCommand,
  type ReplaySource,
  recordWorld,
  replayScenario,
} from './replayScenario.ts';
export { type HistoryStep, runPumpHistory, type TimeMode } from './runPumpHistory.ts';
