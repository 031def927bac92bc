import type { Solution } from '../drug/solution.ts';
import type { SessionEvent, SessionStateName } from '../programmer/sessionMachine.ts';
import type { PumpUpdate } from '../pump/applyUpdate.ts';
import type { BolusRequest } from '../pump/bolus.ts';
import type { CatheterFault, CatheterFaultKind } from '../pump/catheterFaults.ts';
import type { Fluid } from '../pump/fluid.ts';
import type { MriScan } from '../pump/motorFaults.ts';
import type { PtmOutcome } from '../pump/ptmPress.ts';
import type { PumpReplacement } from '../pump/replacePump.ts';
import type { NeedleVisit, RefillVisit } from '../pump/visits.ts';
import type { Refusal } from '../refusal.ts';
import type { LinkConditions, LinkDisturbance, LinkPart } from '../telemetry/link.ts';
import type { McgPerMl, Milliseconds, Nanolitres } from '../units/quantity.ts';

/** What a clinician does on the programmer (the link's own answers are the world's business, not a command). */
export type ClinicianEvent =
  | Exclude<
      SessionEvent,
      {
        readonly type:
          | 'link.up'
          | 'link.down'
          | 'telemetry.report'
          | 'message.delivered'
          | 'message.refused'
          | 'refill.aspirated'
          | 'refill.injected';
      }
    >
  /** During a refill: the needle in the reservoir's septum, the syringe aspirates all it can. */
  | { readonly type: 'refill.aspirate' }
  /**
   * During a refill, after aspiration: the needle injects `volume` of `concentration` into the
   * reservoir; `solution`, when given, is what the syringe really holds (an admixture, another drug),
   * its lead drug at `concentration`. Without it the syringe holds the program's drug alone.
   */
  | {
      readonly type: 'refill.inject';
      readonly volume: Nanolitres;
      readonly concentration: McgPerMl;
      readonly solution?: Solution;
    };

/** A fault the instructor or a scenario injects; only catheter faults end by command. */
export type WorldFault =
  | { readonly kind: 'catheter'; readonly fault: CatheterFault }
  | { readonly kind: 'motorStall'; readonly recoversAt: Milliseconds | null | 'drawn' }
  | { readonly kind: 'lowBatteryReset' }
  | { readonly kind: 'memoryError' };

/**
 * Everything anyone outside the core can do to a world: plain, serialisable data (a discriminated
 * union on `type`). Apply one with {@link World.apply}; read the outcome from its
 * {@link CommandResult} and what each audience may see from the views.
 */
export type WorldCommand =
  /**
   * Simulated time moves to `to` (never back), every event on the way processed at its instant.
   * `pace`: simulated ms per ms of the person at the programmer (a class run at 1 h a second: 3600;
   * 1 when absent). The programmer's own time-outs (its idle time-out) count in that person's time,
   * so a session is not closed under a trainee's fingers because the class clock runs fast.
   */
  | { readonly type: 'time.advance'; readonly to: Milliseconds; readonly pace?: number }
  /** A clinician's action on the programmer; every message it causes crosses the telemetry link before the result. */
  | { readonly type: 'programmer.act'; readonly event: ClinicianEvent }
  /**
   * A programming session by another programmer, as one pump event (refused whole), or interrupted:
   * `afterSend` leaves the pump stopped with the session open, `beforeSend` does nothing.
   */
  | {
      readonly type: 'pump.update';
      readonly update: PumpUpdate;
      readonly interrupt?: 'none' | 'beforeSend' | 'afterSend';
    }
  /** A whole refill visit at the pump (session, aspirate, inject, record, commit), refused whole. */
  | { readonly type: 'visit.refill'; readonly visit: RefillVisit }
  /** A needle at the pump with no programming (aspirate, inject wherever the needle really is), refused whole. */
  | { readonly type: 'visit.needle'; readonly visit: NeedleVisit }
  /** A bolus programmed outside this programmer (a scenario's `bolus` action). */
  | { readonly type: 'bolus.start'; readonly bolus: BolusRequest }
  | { readonly type: 'bolus.cancel' }
  /**
   * The patient presses the handheld of the patient's therapy manager (PTM), at the bedside: the
   * pump gives a PTM bolus or refuses it (lockout, the day's limit, the pump unable), and logs the
   * press either way. The patient's alone: the clinician's programmer cannot send it, and in a class
   * only the bedside (the trainee's device, on the patient's behalf) may.
   */
  | { readonly type: 'ptm.press' }
  /** A programmer outside this one reads the pump (logged by the pump as an interrogation). */
  | { readonly type: 'pump.interrogate' }
  /**
   * The surgeon replaces the pump (an instructor's or a scenario's act, or the clinician's "the
   * surgeon has replaced the pump" at the bedside): refused with `replacement.notDue` before ERI or
   * EOS unless a memory error or motor stall calls for it, and with `replacement.sessionBusy` while
   * the programmer is in a session other than the Replacement workflow. The old pump's reading (its
   * program, log and counters) is kept in the world's history.
   */
  | { readonly type: 'pump.replace'; readonly replacement: PumpReplacement }
  /** The surgeon connects the kept catheter to the new pump (refused when it is connected). */
  | { readonly type: 'pump.connect' }
  /** The patient goes through an MRI scan. */
  | { readonly type: 'mri.scan'; readonly scan: MriScan }
  | { readonly type: 'fault.inject'; readonly fault: WorldFault }
  | { readonly type: 'fault.end'; readonly kind: CatheterFaultKind }
  /** Moves the communicator or changes the interference. */
  | { readonly type: 'link.set'; readonly conditions: LinkConditions }
  /**
   * The next `count` exchanges fail as a dropped link, after `afterDelivered` more get through: the
   * message is lost before the pump gets it (`part: 'message'`, the default) or the pump acts on it
   * and its answer is lost on the way back (`'acknowledgement'`).
   */
  | {
      readonly type: 'link.drop';
      readonly count: number;
      readonly afterDelivered?: number;
      readonly part?: LinkPart;
    }
  /**
   * The next `count` exchanges, after `afterDelivered` more get through, are disturbed: their message
   * reaches the pump twice, too late for the programmer, or out of order (after the next one).
   */
  | {
      readonly type: 'link.disturb';
      readonly count: number;
      readonly afterDelivered?: number;
      readonly fault: LinkDisturbance;
    }
  /** Something the clinician does at the bedside (examine, suspect, call for help): recorded, no physics. */
  | { readonly type: 'clinical.act'; readonly action: string; readonly detail?: string }
  /**
   * A test dose by lumbar puncture (the screening trial before an implant): baclofen goes straight
   * into the CSF, as a bolus given over about a minute; morphine (the opioid trial's single dose)
   * spreads from where it was given before it acts.
   */
  | {
      readonly type: 'patient.testDose';
      readonly doseMcg: number;
      /** The drug given: baclofen (the default) to the spasticity patient, morphine to the patient treated with it. */
      readonly drug?: 'baclofen' | 'morphine';
    };

/** A programmer state the session passed through during a command, and when. */
export interface SessionStep {
  readonly at: Milliseconds;
  readonly session: SessionStateName;
}

/**
 * The outcome of one command: accepted (with what the syringe withdrew, for visits; the states the
 * programmer passed through, for programmer actions) or refused, nothing applied.
 */
export type CommandResult =
  | {
      readonly ok: true;
      readonly at: Milliseconds;
      readonly withdrawn?: Fluid;
      readonly trail?: readonly SessionStep[];
      /** For a PTM press: what the pump did with it (logged either way), and why it gave nothing. */
      readonly ptm?: { readonly outcome: PtmOutcome; readonly refusal: Refusal | null };
    }
  | { readonly ok: false; readonly at: Milliseconds; readonly refusal: Refusal };
