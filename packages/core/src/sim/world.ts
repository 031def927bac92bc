import { type Actor, createActor, type Snapshot } from 'xstate';
import type { DrugId, SpasticityOrigin } from '../drug/drug.ts';
import { singleDrug } from '../drug/solution.ts';
import type { PainParameters, PainPatient } from '../patient/painPatient.ts';
import type { PatientParameters } from '../patient/patientParameters.ts';
import type { PatientState } from '../patient/patientState.ts';
import { needleActed } from '../programmer/refillProgress.ts';
import {
  judgeDraft,
  type SessionContext,
  type SessionEvent,
  type SessionStateName,
  sessionMachine,
} from '../programmer/sessionMachine.ts';
import type { PumpInput } from '../pump/createPumpState.ts';
import { EMPTY_FLUID, type Fluid, fluidOf } from '../pump/fluid.ts';
import type { PtmOutcome } from '../pump/ptmPress.ts';
import type { PumpEvent } from '../pump/pumpMachine.ts';
import { pumpBeliefView } from '../pump/pumpStatus.ts';
import { explantedContents } from '../pump/replacePump.ts';
import type { NeedleVisit } from '../pump/visits.ts';
import { type RandomState, seedRandom } from '../random/seededRandom.ts';
import type { Refusal } from '../refusal.ts';
import {
  communicatorLink,
  DEFAULT_REPLY_TIMEOUT_MS,
  drawExchange,
  type ExchangeMishap,
  type LinkConditions,
  type LinkFailure,
  type LinkFault,
  type LinkProfile,
  type Transmission,
  transmit,
} from '../telemetry/link.ts';
import type { Milliseconds, Nanolitres } from '../units/quantity.ts';
import type { ExplantedPump } from './explantedPump.ts';
import { createSimulation } from './simulation.ts';
import { upgradeSessionSnapshot } from './upgradeSessionSnapshot.ts';
import type { ClinicianEvent, CommandResult, SessionStep, WorldCommand, WorldFault } from './worldCommand.ts';
import type { WorldState } from './worldState.ts';

/** How a world starts: the pump, the patient's spasticity origin, and where the communicator is. */
export interface WorldInput {
  readonly pump: PumpInput;
  readonly origin: SpasticityOrigin;
  readonly link?: LinkConditions;
  readonly linkProfile?: LinkProfile;
  /** The patient at the end of the catheter; without one no patient model runs. */
  readonly patient?: PatientParameters;
  /**
   * The patient treated for pain, with the model their drug calls for (morphine or ziconotide);
   * with `patient` too, one person on an admixture, each drug acting from its own mass at the tip.
   */
  readonly painPatient?: PainParameters;
  /** The wall-clock date and time of t = 0, `YYYY-MM-DDTHH:MM` (a label for display: the core never reads a clock). */
  readonly startsAt?: string;
}

/**
 * The simulated world: the implanted pump (and the patient at the end of its catheter), the
 * telemetry link and the clinician's programmer, behind one door: {@link World.apply}.
 */
export interface World {
  /** Applies one command at the world's current instant: accepted whole, or refused with nothing applied. */
  apply(command: WorldCommand): CommandResult;
  /** The world now as plain data, for the core's view selectors (`programmerView`, `instructorView`, …). */
  state(): WorldState;
  /** The whole world as plain JSON-serialisable data (format `itps-world/1`), to restore with {@link createWorld}. */
  persist(): WorldSnapshot;
}

/** A saved world: what it was created from, and where every part of it is now. */
export interface WorldSnapshot {
  readonly format: 'itps-world/1';
  readonly input: WorldInput;
  readonly pump: unknown;
  readonly session: unknown;
  /** Pumps taken out at a replacement (absent in worlds saved before any was, or before replacements existed). */
  readonly explanted?: readonly ExplantedPump[];
  /** The patient's state, when the world has a patient. */
  readonly patient?: PatientState | null;
  /** The pain patient, when the world has one. */
  readonly painPatient?: PainPatient | null;
  readonly link: {
    readonly conditions: LinkConditions;
    readonly rng: RandomState;
    readonly forcedDrops: number;
    readonly deliveriesBeforeDrop: number;
    /** What the forced faults do: lose the message or the answer, or duplicate, delay or reorder the message. */
    readonly dropPart?: LinkFault;
    readonly lastActivity: number;
    /**
     * How long the programmer has been idle in its user's time (ms), once time has moved at a pace
     * other than 1 (absent until then: idle is simulated time since `lastActivity`).
     */
    readonly idleMs?: number;
    /** The number the last message sent carried (absent in older saved worlds: none yet). */
    readonly lastSent?: number;
    /** The highest number the pump's receiver has acted on. */
    readonly pumpLastActed?: number;
    /** A message held back by a reordering link (or a copy of one), still on its way to the pump. */
    readonly inFlight?: { readonly seq: number; readonly event: PumpEvent | null } | null;
    /** The number of a late or copied answer still on its way to the programmer (absent in older saved worlds: none). */
    readonly answerInFlight?: number | null;
  };
}

/**
 * A clinician's needle act during a refill: what the needle does at the pump, and the event that
 * tells the session (the aspirated volume is filled in from what the syringe really drew).
 */
function needleAct(event: ClinicianEvent, drug: DrugId): { visit: NeedleVisit; event: SessionEvent } | null {
  if (event.type === 'refill.aspirate')
    return {
      visit: { aspirate: 'all', site: 'reservoir', inject: EMPTY_FLUID },
      event: { type: 'refill.aspirated', volume: 0 as Nanolitres },
    };
  if (event.type === 'refill.inject')
    return {
      visit: {
        aspirate: 0 as Nanolitres,
        site: 'reservoir',
        inject: fluidOf(event.volume, event.solution ?? singleDrug(drug, event.concentration)),
      },
      event: { type: 'refill.injected', volume: event.volume, concentration: event.concentration },
    };
  return null;
}

/** Why the programmer refuses a clinician's act now, in the clinic's words where the reason is a rule. */
function unavailable(event: ClinicianEvent, context: SessionContext, state: string): Refusal {
  if ((event.type === 'workflow.cancel' || event.type === 'session.disconnect') && needleActed(context.refill))
    return {
      code: 'refill.needleActed',
      message:
        'The needle has acted at the pump, so this refill cannot be cancelled: record what is in the reservoir, or stop the pump until it is refilled.',
    };
  if (event.type === 'review.confirm' && state === 'finish')
    return {
      code: 'gate.unanswered',
      message: `Nothing was sent: ${
        judgeDraft(context)
          .filter(
            (f) =>
              f.severity === 'hard' ||
              (f.severity === 'confirm' && !context.acknowledged.includes(f.code)) ||
              (f.severity === 'reenter' && !context.reentered),
          )
          .map((f) => f.message)
          .join(' ') || 'the draft is not the one the finish screen showed.'
      }`,
    };
  if (event.type === 'workflow.start' && event.workflow === 'replacement' && state === 'ready')
    return {
      code: 'replacement.notDue',
      message:
        'The pump as read shows no elective replacement indicator, end of service, memory error or motor stall: a working pump is not replaced.',
    };
  if (event.type === 'refill.inject' && state === 'editing' && context.refill?.aspirated === null)
    return { code: 'refill.notAspirated', message: 'Aspirate the reservoir before injecting.' };
  if (event.type === 'refill.inject' && state === 'editing' && context.refill?.injected === null)
    return {
      code: 'refill.shortAspiration',
      message:
        'Do not inject yet: the aspiration came back short. Confirm the needle is in the reservoir (the warning above) before anything is injected.',
    };
  return {
    code: 'programmer.unavailable',
    message: `The programmer cannot do ${event.type} now (it is ${state}).`,
  };
}

/** Messages the pump refuses that change nothing worth telling: a repeated session start, an abort with nothing open. */
const BENIGN = new Set(['pump.updateInProgress', 'pump.notUpdating']);

const faultEvent = (fault: WorldFault): PumpEvent => {
  switch (fault.kind) {
    case 'catheter':
      return { type: 'fault.catheter.start', fault: fault.fault };
    case 'motorStall':
      return { type: 'fault.motorStall', recoversAt: fault.recoversAt };
    case 'lowBatteryReset':
      return { type: 'fault.lowBatteryReset' };
    case 'memoryError':
      return { type: 'fault.memoryError' };
  }
};

/**
 * Creates a world, or restores a saved one. The programmer session never touches the pump directly:
 * every message goes over the link, which takes its latency in simulated time and may lose it (out
 * of range, interference, an injected drop). The pump answers interrogations with its belief only.
 */
export function createWorld(input: WorldInput, restore?: WorldSnapshot): World {
  const simulation = createSimulation(
    input.pump,
    restore?.pump,
    input.patient === undefined
      ? undefined
      : { parameters: input.patient, ...(restore?.patient ? { state: restore.patient } : {}) },
    input.painPatient === undefined
      ? undefined
      : { parameters: input.painPatient, ...(restore?.painPatient ? { restore: restore.painPatient } : {}) },
  );
  const pump = simulation.pump;
  const session: Actor<typeof sessionMachine> = (
    restore === undefined
      ? createActor(sessionMachine, { input: { origin: input.origin } })
      : createActor(sessionMachine, {
          input: { origin: input.origin },
          snapshot: upgradeSessionSnapshot(restore.session) as Snapshot<unknown>,
        })
  ).start();
  const profile = input.linkProfile ?? communicatorLink;
  let conditions: LinkConditions = restore?.link.conditions ?? input.link ?? { distanceCm: 50, interference: 'none' };
  let rng: RandomState = restore?.link.rng ?? seedRandom(input.pump.seed ^ 0x2f6b_a1c3);
  let forcedDrops = restore?.link.forcedDrops ?? 0;
  let deliveriesBeforeDrop = restore?.link.deliveriesBeforeDrop ?? 0;
  let dropPart: LinkFault = restore?.link.dropPart ?? 'message';
  let lastActivity = restore?.link.lastActivity ?? simulation.now();
  let idleMs: number | undefined = restore?.link.idleMs;
  /** How long the programmer has been left alone, in its user's time. */
  const idleFor = () => idleMs ?? simulation.now() - lastActivity;
  const active = () => {
    lastActivity = simulation.now();
    if (idleMs !== undefined) idleMs = 0;
  };
  let lastSent = restore?.link.lastSent ?? 0;
  let pumpLastActed = restore?.link.pumpLastActed ?? 0;
  let inFlight: { readonly seq: number; readonly event: PumpEvent | null } | null = restore?.link.inFlight ?? null;
  let answerInFlight: number | null = restore?.link.answerInFlight ?? null;
  const replyTimeoutMs = profile.replyTimeoutMs ?? DEFAULT_REPLY_TIMEOUT_MS;
  let explanted: readonly ExplantedPump[] = restore?.explanted ?? [];

  /** Sends one event to the pump and hears what it says of it: a refusal, what a syringe withdrew. */
  const tell = (event: PumpEvent): { refusal: Refusal | null; withdrawn: Fluid | null } => {
    let refusal: Refusal | null = null;
    let withdrawn: Fluid | null = null;
    const refused = pump.on('refused', (e) => {
      refusal = e.refusal;
    });
    const syringe = pump.on('withdrawn', (e) => {
      withdrawn = e.fluid;
    });
    simulation.send(event);
    refused.unsubscribe();
    syringe.unsubscribe();
    return { refusal, withdrawn };
  };

  const answer = () =>
    pumpBeliefView(
      simulation.pumpState(),
      simulation.lifecycle(),
      input.pump.patientId ?? null,
      input.pump.patientOpioidHistory ?? 'unknown',
    );
  /**
   * Carries one exchange over the link, taking its latency: whether the message reached the pump,
   * and what else befell it. A fault a scenario injected (`link.drop`, `link.disturb`) decides the
   * exchanges it names; every other exchange takes its chances, drawn from the seeded generator
   * under the link's conditions (interference, distance): the message lost, or once through, its
   * answer lost or late, either one duplicated, or the message held back behind the next one.
   */
  const carry = (): { readonly t: Transmission; readonly fault: LinkFault | ExchangeMishap | null } => {
    let t: Transmission;
    let fault: LinkFault | ExchangeMishap | null = null;
    const chance = () => {
      const fate = drawExchange(conditions, profile, rng);
      fault = fate.mishap;
      return fate.transmission;
    };
    if (forcedDrops > 0 && deliveriesBeforeDrop > 0) {
      deliveriesBeforeDrop -= 1;
      t = chance();
    } else if (forcedDrops > 0 && dropPart !== 'message') {
      forcedDrops -= 1;
      t = transmit(conditions, profile, rng);
      if (t.delivered) fault = dropPart;
    } else if (forcedDrops > 0) {
      forcedDrops -= 1;
      t = { delivered: false, failure: 'dropped', latencyMs: profile.latencyMs, rng };
    } else {
      t = chance();
    }
    rng = t.rng;
    simulation.advanceTo((simulation.now() + t.latencyMs) as Milliseconds);
    return { t, fault };
  };
  /**
   * The pump's receiver: every message carries a number, and the pump acts on a number once and
   * never on one older than the last it acted on (a copy or a straggler is ignored).
   */
  const receive = (seq: number, event: PumpEvent | null): { acted: boolean; refusal: Refusal | null } => {
    if (seq <= pumpLastActed) return { acted: false, refusal: null };
    pumpLastActed = seq;
    return { acted: true, refusal: event === null ? null : tell(event).refusal };
  };
  /** A message the link held back (or a copy of one) reaches the pump now, after the one just sent. */
  const landStraggler = () => {
    if (inFlight === null) return;
    const { seq, event } = inFlight;
    inFlight = null;
    receive(seq, event);
  };
  /** The programmer gave up waiting: the reply timeout has passed since the message left. */
  const waitOutReply = () =>
    simulation.advanceTo((simulation.now() + Math.max(0, replyTimeoutMs - profile.latencyMs)) as Milliseconds);
  /**
   * One exchange: a numbered message (an event for the pump, or none for the link's handshake)
   * over the link, and the pump's answer back, which carries the same number. Answered: the pump
   * acted (or refused) and the programmer heard it; otherwise, why the programmer heard nothing.
   * The programmer takes only the answer numbered as the message it waits for: an answer that
   * comes late, or a copy of one, arrives during a later exchange and is dropped there.
   */
  const exchange = (
    event: PumpEvent | null,
  ):
    | { readonly answered: true; readonly refusal: Refusal | null }
    | { readonly answered: false; readonly failure: LinkFailure } => {
    lastSent += 1;
    const seq = lastSent;
    // an old answer still on its way arrives now: its number is not this message's, so it is dropped
    answerInFlight = null;
    const { t, fault } = carry();
    if (!t.delivered) {
      landStraggler();
      return { answered: false, failure: t.failure };
    }
    if (fault === 'reorder' || fault === 'messageHeld') {
      // held back: it reaches the pump after the next message, and the programmer hears nothing now
      landStraggler();
      inFlight = { seq, event };
      waitOutReply();
      return { answered: false, failure: 'noReply' };
    }
    const { refusal } = receive(seq, event);
    // a copy right behind the message: the receiver knows its number and ignores it
    if (fault === 'duplicate' || fault === 'messageDuplicated') receive(seq, event);
    landStraggler();
    if (fault === 'late' || fault === 'answerLost' || fault === 'answerLate') {
      // the pump acted, but no answer comes before the programmer stops waiting
      if (fault === 'answerLate') answerInFlight = seq;
      waitOutReply();
      return { answered: false, failure: 'noReply' };
    }
    if (fault === 'acknowledgement') return { answered: false, failure: 'dropped' };
    if (fault === 'answerDuplicated') answerInFlight = seq;
    return { answered: true, refusal };
  };
  /** Carries the session's messages over the link until it waits for the clinician again. */
  const drain = () => {
    for (let step = 0; step < 64; step += 1) {
      const snapshot = session.getSnapshot();
      const state = snapshot.value;
      if (state === 'connecting') {
        const x = exchange(null);
        session.send(x.answered ? { type: 'link.up' } : { type: 'link.down', failure: x.failure });
      } else if (state === 'interrogating' || state === 'verifying') {
        const x = exchange({ type: 'telemetry.interrogate' });
        session.send(
          x.answered ? { type: 'telemetry.report', view: answer() } : { type: 'link.down', failure: x.failure },
        );
      } else if (state === 'sending') {
        const message = snapshot.context.plan[snapshot.context.sent];
        /* v8 ignore next -- @preserve unreachable: `sending` moves on by itself once every message of the plan is sent */
        if (message === undefined) return;
        const x = exchange(message);
        if (!x.answered) session.send({ type: 'link.down', failure: x.failure });
        else if (x.refusal !== null && !BENIGN.has(x.refusal.code))
          session.send({ type: 'message.refused', refusal: x.refusal });
        else session.send({ type: 'message.delivered' });
      } else {
        return;
      }
    }
  };

  /**
   * The programmer closes a session left idle past the link's timeout as soon as time passes it,
   * so no workflow goes on acting on an interrogation that old: connecting again reads the pump afresh.
   */
  const closeIfIdle = () => {
    const state = String(session.getSnapshot().value);
    const open = !['disconnected', 'connecting', 'incomplete'].includes(state);
    if (open && idleFor() > profile.idleTimeoutMs) session.send({ type: 'link.down', failure: 'idleTimeout' });
  };

  const accepted = (withdrawn?: Fluid | null): CommandResult => ({
    ok: true,
    at: simulation.now(),
    ...(withdrawn === null || withdrawn === undefined ? {} : { withdrawn }),
  });
  const refused = (refusal: Refusal): CommandResult => ({ ok: false, at: simulation.now(), refusal });
  const outcome = ({ refusal, withdrawn }: ReturnType<typeof tell>): CommandResult =>
    refusal === null ? accepted(withdrawn) : refused(refusal);

  const apply = (command: WorldCommand): CommandResult => {
    switch (command.type) {
      case 'time.advance':
        if (!Number.isSafeInteger(command.to) || command.to < simulation.now())
          return refused({
            code: 'time.notForward',
            message: `Time moves forward only: ${command.to} ms is before now (${simulation.now()} ms).`,
          });
        {
          const pace = command.pace ?? 1;
          if (!(Number.isFinite(pace) && pace > 0))
            return refused({
              code: 'time.notForward',
              message: `The pace of time must be a positive number of simulated ms a real ms, found ${pace}.`,
            });
          if (pace !== 1 || idleMs !== undefined) idleMs = idleFor() + (command.to - simulation.now()) / pace;
        }
        simulation.advanceTo(command.to);
        closeIfIdle();
        return accepted();
      case 'programmer.act': {
        const trail: SessionStep[] = [];
        let last = session.getSnapshot().value;
        const watch = session.subscribe((s) => {
          if (s.value !== last) trail.push({ at: simulation.now(), session: s.value as SessionStateName });
          last = s.value;
        });
        const idle = idleFor() > profile.idleTimeoutMs;
        const open = !['disconnected', 'connecting'].includes(String(last));
        if (idle && open && command.event.type !== 'session.connect')
          session.send({ type: 'link.down', failure: 'idleTimeout' });
        const before = session.getSnapshot();
        const needle = needleAct(command.event, simulation.pumpState().program.drug);
        const event = needle?.event ?? (command.event as SessionEvent);
        if (!before.can(event)) {
          watch.unsubscribe();
          return refused(unavailable(command.event, before.context, String(before.value)));
        }
        if (needle !== null) {
          // the needle acts at the pump first (the pump is not told); the session records what it did
          const done = tell({ type: 'visit.needle', visit: needle.visit });
          if (done.refusal !== null) {
            watch.unsubscribe();
            return refused(done.refusal);
          }
          session.send(
            event.type === 'refill.aspirated'
              ? { ...event, volume: done.withdrawn?.volume ?? (0 as Nanolitres) }
              : event,
          );
        } else {
          session.send(event);
        }
        active();
        drain();
        active();
        watch.unsubscribe();
        return { ok: true, at: simulation.now(), trail };
      }
      case 'pump.update': {
        const interrupt = command.interrupt ?? 'none';
        if (interrupt === 'beforeSend') return accepted();
        if (interrupt === 'afterSend') return outcome(tell({ type: 'update.begin' }));
        return outcome(tell({ type: 'update.apply', update: command.update }));
      }
      case 'visit.refill':
        return outcome(tell({ type: 'visit.refill', visit: command.visit }));
      case 'visit.needle':
        return outcome(tell({ type: 'visit.needle', visit: command.visit }));
      case 'bolus.start':
        return outcome(tell({ type: 'bolus.start', bolus: command.bolus }));
      case 'bolus.cancel':
        return outcome(tell({ type: 'bolus.cancel' }));
      case 'ptm.press': {
        let pressed: { outcome: PtmOutcome; refusal: Refusal | null } | null = null;
        const heard = pump.on('ptm.pressed', (e) => {
          pressed = { outcome: e.outcome, refusal: e.refusal };
        });
        simulation.send({ type: 'ptm.press' });
        heard.unsubscribe();
        return { ...accepted(), ...(pressed === null ? {} : { ptm: pressed }) };
      }
      case 'pump.interrogate':
        return outcome(tell({ type: 'telemetry.interrogate' }));
      case 'pump.replace': {
        const s = session.getSnapshot();
        const state = String(s.value);
        const replacing = s.context.workflow === 'replacement' && state === 'editing' && !needleActed(s.context.refill);
        if (state !== 'disconnected' && !replacing)
          return refused({
            code: 'replacement.sessionBusy',
            message:
              state === 'ready' || state === 'editing' || state === 'finish' || state === 'incomplete'
                ? 'The programmer is in a session with the old pump: open the Replacement workflow (it reads the old pump first), or end the session, before the pump is replaced.'
                : `The programmer is busy (${state}); the pump is replaced once it is done.`,
          });
        const old = simulation.pumpState();
        const reading = answer();
        const contents = explantedContents(old, command.replacement.catheter);
        const done = tell({ type: 'pump.replace', replacement: command.replacement });
        if (done.refusal !== null) return refused(done.refusal);
        explanted = [...explanted, { at: old.now, catheter: command.replacement.catheter, reading, contents }];
        return accepted();
      }
      case 'pump.connect':
        return outcome(tell({ type: 'catheter.connect' }));
      case 'mri.scan':
        return outcome(tell({ type: 'mri.scan', scan: command.scan }));
      case 'fault.inject':
        return outcome(tell(faultEvent(command.fault)));
      case 'fault.end':
        return outcome(tell({ type: 'fault.catheter.end', kind: command.kind }));
      case 'link.set':
        conditions = command.conditions;
        return accepted();
      case 'link.drop':
        forcedDrops = command.count;
        deliveriesBeforeDrop = command.afterDelivered ?? 0;
        dropPart = command.part ?? 'message';
        return accepted();
      case 'link.disturb':
        forcedDrops = command.count;
        deliveriesBeforeDrop = command.afterDelivered ?? 0;
        dropPart = command.fault;
        return accepted();
      case 'clinical.act':
        return accepted();
      case 'patient.testDose': {
        const refusal = simulation.testDose(command.doseMcg, command.drug);
        return refusal === null ? accepted() : refused(refusal);
      }
    }
  };

  return {
    apply,
    state: () => {
      const s = session.getSnapshot();
      const patient = simulation.patient();
      const pain = simulation.painPatient();
      return {
        now: simulation.now(),
        origin: input.origin,
        startsAt: input.startsAt ?? null,
        pump: simulation.pumpState(),
        lifecycle: simulation.lifecycle(),
        session: { state: s.value as SessionStateName, context: s.context },
        link: { conditions, onTheWay: { message: inFlight?.seq ?? null, answer: answerInFlight } },
        explanted,
        patient:
          patient === null || simulation.patientParameters === null
            ? null
            : { parameters: simulation.patientParameters, state: patient },
        ...(pain === null ? {} : { pain }),
      } satisfies WorldState;
    },
    persist: () => ({
      format: 'itps-world/1',
      input,
      pump: simulation.persist(),
      session: session.getPersistedSnapshot(),
      ...(explanted.length === 0 ? {} : { explanted }),
      patient: simulation.patient(),
      ...(simulation.painPatient() === null ? {} : { painPatient: simulation.painPatient() }),
      link: {
        conditions,
        rng,
        forcedDrops,
        deliveriesBeforeDrop,
        dropPart,
        lastActivity,
        ...(idleMs === undefined ? {} : { idleMs }),
        lastSent,
        pumpLastActed,
        inFlight,
        answerInFlight,
      },
    }),
  };
}
