/**
 * Why the domain refused a request. Refusals are values, never exceptions: the machine that
 * refused stays where it was, and the UI and scenarios assert on the code.
 */
export interface Refusal {
  readonly code: RefusalCode;
  /** A sentence a clinician understands, with the figures involved. */
  readonly message: string;
}

/** Every reason code the core can give. */
export type RefusalCode =
  | 'program.concentrationOutOfRange'
  | 'program.unknownDrug'
  | 'program.drugTwice'
  | 'program.tooManyAdmixed'
  | 'program.doseNotWholePicograms'
  | 'program.rateBelowMinimum'
  | 'program.rateAboveMaximum'
  | 'program.flexNoSteps'
  | 'program.flexTooManySteps'
  | 'program.flexMustStartAtMidnight'
  | 'program.flexStepsNotAscending'
  | 'program.flexStepOutsideDay'
  | 'reservoir.overCapacity'
  | 'reservoir.calculatedOverCapacity'
  | 'alarm.thresholdOutOfRange'
  | 'bolus.invalid'
  | 'patient.none'
  | 'testDose.outOfRange'
  | 'bolus.alreadyRunning'
  | 'bolus.noneRunning'
  | 'bolus.pumpStopped'
  | 'bolus.motorStalled'
  | 'bolus.criticalAlarm'
  | 'bolus.rateAboveMaximum'
  | 'bolus.exceedsReservoir'
  | 'fault.invalid'
  | 'pump.failed'
  | 'pump.endOfService'
  | 'pump.notUpdating'
  | 'pump.updateInProgress'
  | 'programmer.unavailable'
  | 'gate.unanswered'
  | 'refill.needleActed'
  | 'refill.notAspirated'
  | 'refill.shortAspiration'
  | 'time.notForward'
  | 'program.ptmInvalid'
  | 'ptm.notProgrammed'
  | 'ptm.lockedOut'
  | 'ptm.dayLimit'
  | 'replacement.notDue'
  | 'replacement.noCatheterVolume'
  | 'replacement.fillOverCapacity'
  | 'replacement.sessionBusy'
  | 'replacement.connected';

/** The outcome of a check that may refuse. */
export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly refusal: Refusal };

/** A successful result. */
export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
/** A refused result. */
export const refuse = <T>(code: RefusalCode, message: string): Result<T> => ({ ok: false, refusal: { code, message } });
