/**
 * @itps/core: the domain core of ITPS, the intrathecal pump simulator. Pure: no clock, no I/O.
 * Never for clinical use.
 */
export { baclofen } from './drug/baclofen.ts';
export { doseToRate, rateToDose } from './drug/doseToRate.ts';
export type { DoseRange, DoseUnit, Drug, DrugId, DrugWords, OpioidRanges, SpasticityOrigin } from './drug/drug.ts';
export {
  ADMIXTURE_STABILITY_DAYS,
  DRUG_IDS,
  DRUGS,
  drugOf,
  isDrugId,
  MAX_ADMIXED,
  solutionStabilityDays,
  stabilityDaysOf,
} from './drug/drugLibrary.ts';
export {
  amountFromUnit,
  amountInUnit,
  concentrationFromUnit,
  concentrationInUnit,
  concentrationUnitLabel,
  doseFromUnit,
  doseInUnit,
  doseUnitLabel,
  formatAmount,
  formatConcentration,
  formatDose,
} from './drug/formatDose.ts';
export { MORPHINE_MIN_INCREASE_INTERVAL, morphine } from './drug/morphine.ts';
export { type Solution, type SolutionPart, singleDrug } from './drug/solution.ts';
export { ZICONOTIDE_MIN_INCREASE_INTERVAL, ziconotide } from './drug/ziconotide.ts';
export { assertNever, ItpsMisuseError } from './errors.ts';
export { advancePatient, overdoseStageAt, relativeEffect, withdrawalStageAt } from './patient/advancePatient.ts';
export {
  createOpioidParameters,
  GRANULOMA_STAGES,
  type GranulomaStage,
  OPIOID_HISTORIES,
  OPIOID_WITHDRAWAL_STAGES,
  type OpioidInput,
  type OpioidParameters,
  type OpioidWithdrawalStage,
  type PatientOpioidHistory,
  RESPIRATORY_STAGES,
  type RespiratoryStage,
  SEDATION_STAGES,
  type SedationStage,
} from './patient/opioidParameters.ts';
export {
  advanceOpioid,
  breathingRateAt,
  createOpioidState,
  type OpioidIntake,
  type OpioidLogEntry,
  type OpioidLogType,
  type OpioidStart,
  type OpioidState,
  opioidEffectAtNeed,
  opioidRelativeEffect,
  painAt,
  respiratoryStageAt,
  sedationStageAt,
} from './patient/opioidPatient.ts';
export {
  OPIOID_TRIAL_DOSE_MCG,
  OPIOID_TRIAL_OBSERVATION_H,
  OPIOID_TRIAL_RELIEF,
  type OpioidTrial,
  opioidScreeningTrial,
} from './patient/opioidScreeningTrial.ts';
export {
  advancePainPatient,
  createPainPatient,
  givePainDose,
  PATIENT_MODEL_OF,
  type PainLogEntry,
  type PainParameters,
  type PainPatient,
  type PainStart,
  type PatientModelKind,
  painDrugStep,
  painLog,
} from './patient/painPatient.ts';
export { type PainStatus, type Pupils, painStatus, type SedationLevel } from './patient/painStatus.ts';
export {
  createDrugStep,
  type DrugAmounts,
  type DrugInflow,
  type DrugKinetics,
  type DrugStep,
  effectAtNeed,
  NO_DRUG,
  NO_INFLOW,
  steadyAmounts,
} from './patient/patientDynamics.ts';
export {
  createPatientParameters,
  type OriginProfile,
  OVERDOSE_STAGES,
  type OverdoseStage,
  PATIENT_ORIGINS,
  type PatientInput,
  type PatientParameters,
  WITHDRAWAL_STAGES,
  type WithdrawalStage,
} from './patient/patientParameters.ts';
export {
  createPatientState,
  type PatientLogEntry,
  type PatientLogType,
  type PatientStart,
  type PatientState,
  type ReceivedDrug,
} from './patient/patientState.ts';
export {
  type AshworthGrade,
  ashworthAt,
  ashworthGrade,
  type PatientStatus,
  patientStatus,
} from './patient/patientStatus.ts';
export {
  type BolusResponse,
  MEANINGFUL_REDUCTION,
  PERCEPTIBLE_REDUCTION,
  SCREENING_DOSES_MCG,
  type ScreeningTrial,
  screeningTrial,
  testBolusResponse,
} from './patient/screeningTrial.ts';
export {
  NO_SYSTEMIC,
  type SystemicMorphine,
  stepSystemic,
  systemicEffectEquivalent,
} from './patient/systemicMorphine.ts';
export {
  createZiconotideParameters,
  NEUROPSYCHIATRIC_STAGES,
  type NeuropsychiatricStage,
  ZICONOTIDE_DEFAULTS,
  type ZiconotideInput,
  type ZiconotideParameters,
} from './patient/ziconotideParameters.ts';
export {
  advanceZiconotide,
  createZiconotideState,
  type ZiconotideLogEntry,
  type ZiconotideLogType,
  type ZiconotideState,
  ziconotideRelativeEffect,
} from './patient/ziconotidePatient.ts';
export { type AbandonedRefill, abandonRefill, type DoneAtThePump } from './programmer/abandonRefill.ts';
export { type BolusPlanningOptions, planBridgeBolus, primingVolume } from './programmer/bolusPlanning.ts';
export { checkDrugRules, type DrugRuleCode, type DrugRuleFinding } from './programmer/checkDrugRules.ts';
export { describeUnverified } from './programmer/describeUnverified.ts';
export { type Draft, EMPTY_DRAFT, isEmptyDraft, type Workflow } from './programmer/draft.ts';
export { type DiffRow, finishDiff } from './programmer/finishDiff.ts';
export {
  type DatesInput,
  type DoseNow,
  type DoseNowReason,
  doseNowOf,
  type ForecastDate,
  forecastDates,
  type ProgrammerDates,
} from './programmer/forecastDates.ts';
export { type ForecastInput, forecastReservoir, type ReservoirForecast } from './programmer/forecastReservoir.ts';
export {
  checkBolusDose,
  checkConcentration,
  checkFlexSteps,
  checkRefillVolume,
  checkTherapyChange,
  type GuardCode,
  type GuardFinding,
  type GuardSeverity,
} from './programmer/guardRails.ts';
export { programOfView, sameProgram } from './programmer/programOfView.ts';
export { type PtmCounts, type PtmReport, ptmReport, ptmWords } from './programmer/ptmReport.ts';
export {
  type PtmCode,
  type PtmFinding,
  ptmMostBolusesPerDay,
  ptmMostPerDay,
  ptmRules,
} from './programmer/ptmRules.ts';
export { checkRefillDiscrepancy, type RefillDiscrepancy } from './programmer/refillDiscrepancy.ts';
export { nextRefillAt, replaceByAt } from './programmer/refillPlanning.ts';
export {
  knownReservoir,
  leftAfterAspiration,
  NO_REFILL_YET,
  needleActed,
  type RefillProgress,
} from './programmer/refillProgress.ts';
export { type ReplacementCode, replacementFindings } from './programmer/replacementFindings.ts';
export {
  isDraftClear,
  isGateAnswered,
  isReplacementDue,
  judgeDraft,
  type PumpMessage,
  planFor,
  type ReplacementRecord,
  readsNewPump,
  type SessionContext,
  type SessionEvent,
  type SessionStateName,
  sessionMachine,
} from './programmer/sessionMachine.ts';
export {
  type AdmixtureCode,
  aspirationFindings,
  type DraftCode,
  type DraftFinding,
  type GateInput,
  judgeStartingDose,
  START_DOSE_FACTOR,
  therapyGate,
} from './programmer/therapyGate.ts';
export { type Expectation, verifyAgainst } from './programmer/verification.ts';
export {
  alarmTestDraft,
  alarmThresholdDraft,
  bridgeBolusDraft,
  catheterDataDraft,
  doseChangeDraft,
  flexScheduleDraft,
  type MriPreparation,
  mriPreparation,
  planRefill,
  primingBolusDraft,
  ptmDraft,
  type RefillEntry,
  type RefillExpectation,
  type RefillPlan,
  type ReplacementEntry,
  type ResidualMixing,
  refillExpectation,
  replacementDraft,
  restartDraft,
  singleBolusDraft,
  stopDraft,
} from './programmer/workflows.ts';
export { advancePump, advancePumpFixedTick } from './pump/advancePump.ts';
export { ALARM_NAMES, alarmConditions } from './pump/alarmConditions.ts';
export { applyUpdate, type PumpUpdate } from './pump/applyUpdate.ts';
export { averageProgramRate, batteryDrainPerDay, batteryLifeAtRate } from './pump/batteryLife.ts';
export { type BolusRequest, bolusRate, bolusRefusal, cancelBolus, startBolus } from './pump/bolus.ts';
export {
  type CatheterFault,
  type CatheterFaultKind,
  endCatheterFault,
  startCatheterFault,
} from './pump/catheterFaults.ts';
export { implantedCatheterVolume } from './pump/catheterVolume.ts';
export { createPumpState, type PumpInput } from './pump/createPumpState.ts';
export { dailyTotal } from './pump/dailyTotal.ts';
export {
  actualRate,
  basalRate,
  commandedRate,
  isEndOfService,
  isKinked,
  isMotorHalted,
  passablePpm,
} from './pump/deliveryRate.ts';
export {
  type AlarmClass,
  type AlarmName,
  type DeviceProfile,
  type DeviceProfileId,
  deviceProfiles,
  getDeviceProfile,
  isDeviceProfileId,
  type MriBehaviour,
} from './pump/deviceProfile.ts';
export { admixedTherapy, type DrugTherapy, drugTherapies } from './pump/drugTherapies.ts';
export { type FlowResult, flowThroughPath, sinkOfTip } from './pump/flowThroughPath.ts';
export {
  addFluids,
  addMasses,
  type Batch,
  type DrugMasses,
  drugConcentration,
  drugsIn,
  EMPTY_FLUID,
  type Fluid,
  fluidAt,
  fluidOf,
  massOf,
  NO_DRUG_MASSES,
  sameMasses,
} from './pump/fluid.ts';
export {
  failWithMemoryError,
  interrogatePump,
  type MriScan,
  resetForLowBattery,
  scanMri,
  stallMotor,
  stallMotorAtRandom,
} from './pump/motorFaults.ts';
export { nextDueInstant, nextDueTime } from './pump/nextDueTime.ts';
export { plugFlowContents } from './pump/plugFlow.ts';
export {
  type FlexStep,
  MINUTES_PER_DAY,
  type PumpProgram,
  type Therapy,
  type TherapyMode,
} from './pump/program.ts';
export {
  type PtmAvailability,
  type PtmOutcome,
  pressPtm,
  ptmAvailability,
  ptmGivenInWindow,
} from './pump/ptmPress.ts';
export {
  PTM_RANGES,
  PTM_WINDOW_MS,
  type PtmSettings,
  ptmBolusVolume,
  validatePtmSettings,
} from './pump/ptmSettings.ts';
export {
  appendLog,
  EMPTY_LOG,
  lastLogEntry,
  logEntries,
  logEntriesSince,
  logOf,
  type PumpLog,
} from './pump/pumpLog.ts';
export type { PumpEmitted, PumpEvent, PumpLifecycle } from './pump/pumpMachine.ts';
export {
  type ActiveBolus,
  type ActiveBolusKind,
  type AlarmStatus,
  addsToBasal,
  type BatteryState,
  type BolusKind,
  type Breach,
  type CatheterCondition,
  type FluidPath,
  type Kink,
  type MotorState,
  type PumpBelief,
  type PumpLogEntry,
  type PumpLogType,
  type PumpState,
  type PumpTruth,
  type SinkName,
  type Sinks,
  type TipLocation,
} from './pump/pumpState.ts';
export {
  type OpioidHistory,
  type PumpBeliefView,
  type PumpStateName,
  type PumpTruthView,
  pumpBeliefView,
  pumpTruthView,
} from './pump/pumpStatus.ts';
export {
  connectCatheter,
  explantedContents,
  type PreparedPump,
  type PumpReplacement,
  replacementCause,
  replacePump,
} from './pump/replacePump.ts';
export { reservoirContents, reservoirVolume } from './pump/reservoir.ts';
export {
  aspirateReservoir,
  giveInjection,
  type InjectionSite,
  injectIntoReservoir,
  withdrawableVolume,
} from './pump/reservoirAccess.ts';
export { flexStepAt, programmedDoseAt, programmedRateAt, timeOfDayAt } from './pump/therapyRate.ts';
export { concentrationAtTip, timeToTipConcentrationChange } from './pump/tipConcentrationChange.ts';
export { validateProgram } from './pump/validateProgram.ts';
export type { NeedleVisit, RefillVisit, VisitOutcome } from './pump/visits.ts';
export { nextIntInRange, nextUint32, type RandomState, seedRandom } from './random/seededRandom.ts';
export { ok, type Refusal, type RefusalCode, type Result, refuse } from './refusal.ts';
export { type BedsideView, bedsideView, type PainBedside } from './sim/bedsideView.ts';
export type { ExplantedPump } from './sim/explantedPump.ts';
export { type InstructorView, instructorView } from './sim/instructorView.ts';
export { type PatientStages, patientStages } from './sim/patientStages.ts';
export { type ProgrammerView, programmerView } from './sim/programmerView.ts';
export { type PatientSample, sampleWorld, type WorldSample } from './sim/sampleWorld.ts';
export {
  accountedFor,
  checkPumpState,
  STATE_INVARIANTS,
  type StateRequirement,
  type Violation,
} from './sim/stateInvariants.ts';
export { type TraineeView, traineeView } from './sim/traineeView.ts';
export { createWorld, type World, type WorldInput, type WorldSnapshot } from './sim/world.ts';
export type { ClinicianEvent, CommandResult, SessionStep, WorldCommand, WorldFault } from './sim/worldCommand.ts';
export type { WorldState } from './sim/worldState.ts';
export {
  communicatorLink,
  DEFAULT_REPLY_TIMEOUT_MS,
  drawExchange,
  EXCHANGE_MISHAPS,
  type ExchangeFate,
  type ExchangeMishap,
  type Interference,
  type LinkConditions,
  type LinkDisturbance,
  type LinkFailure,
  type LinkFault,
  type LinkPart,
  type LinkProfile,
  linkFailureMessages,
  type MishapChances,
  mishapChances,
  type Transmission,
  transmit,
} from './telemetry/link.ts';
export { clockTime, formatClock } from './units/clock.ts';
export {
  concentrationOf,
  massInVolume,
  mcgPerDayToPicogramsPerDay,
  mcgToPicograms,
  mlPerDayToNanolitresPerDay,
  mlToNanolitres,
  NL_PER_ML,
  nanolitresPerDayToMlPerDay,
  nanolitresToMl,
  PG_PER_MCG,
  picogramsPerDayToMcgPerDay,
  picogramsToMcg,
} from './units/conversions.ts';
export { divide, mulDiv, type Rounding } from './units/mulDiv.ts';
export {
  type BatteryUnits,
  type BatteryUnitsPerDay,
  batteryUnits,
  batteryUnitsPerDay,
  type McgPerMl,
  type Milliseconds,
  mcgPerMl,
  milliseconds,
  type Nanolitres,
  type NanolitresPerDay,
  nanolitres,
  nanolitresPerDay,
  type Picograms,
  type PicogramsPerDay,
  picograms,
  picogramsPerDay,
  type Quantity,
} from './units/quantity.ts';
export { integrateRate, type RateIntegral, timeToAccumulate } from './units/rateIntegral.ts';
export {
  daysToMs,
  hoursToMs,
  MS_PER_DAY,
  MS_PER_HOUR,
  MS_PER_MINUTE,
  MS_PER_SECOND,
  minutesToMs,
  msToDays,
  msToHours,
} from './units/time.ts';
