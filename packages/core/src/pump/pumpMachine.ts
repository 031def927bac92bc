import { assertEvent, assign, emit, enqueueActions, setup } from 'xstate';
import type { Refusal, Result } from '../refusal.ts';
import type { Milliseconds, Nanolitres } from '../units/quantity.ts';
import { advancePump } from './advancePump.ts';
import { applyUpdate, type PumpUpdate } from './applyUpdate.ts';
import { type BolusRequest, cancelBolus, startBolus } from './bolus.ts';
import { type CatheterFault, type CatheterFaultKind, endCatheterFault, startCatheterFault } from './catheterFaults.ts';
import { createPumpState, type PumpInput } from './createPumpState.ts';
import { isEndOfService } from './deliveryRate.ts';
import type { Fluid } from './fluid.ts';
import {
  failWithMemoryError,
  interrogatePump,
  type MriScan,
  resetForLowBattery,
  scanMri,
  stallMotor,
  stallMotorAtRandom,
} from './motorFaults.ts';
import { type PtmOutcome, pressPtm } from './ptmPress.ts';
import type { PumpState } from './pumpState.ts';
import { connectCatheter, type PumpReplacement, replacePump } from './replacePump.ts';
import { aspirateReservoir, giveInjection, type InjectionSite } from './reservoirAccess.ts';
import { settlePump } from './settlePump.ts';
import {
  type NeedleVisit,
  needleVisit,
  programVisit,
  type RefillVisit,
  refillVisit,
  type VisitOutcome,
} from './visits.ts';
import { withLog } from './withLog.ts';

/** The pump machine's context: the pump's state. */
export interface PumpContext {
  readonly pump: PumpState;
}

/**
 * What the pump machine tells its listeners (`actor.on`) about a request as it handles it: why it
 * refused it (the machine stays where it was, nothing applied), or what a syringe withdrew.
 */
export type PumpEmitted =
  | { readonly type: 'refused'; readonly refusal: Refusal }
  | { readonly type: 'withdrawn'; readonly fluid: Fluid }
  | { readonly type: 'ptm.pressed'; readonly outcome: PtmOutcome; readonly refusal: Refusal | null };

/** Events the pump machine accepts. */
export type PumpEvent =
  | { readonly type: 'time.advance'; readonly to: Milliseconds }
  | { readonly type: 'injection.give'; readonly site: InjectionSite; readonly fluid: Fluid }
  | { readonly type: 'reservoir.aspirate'; readonly volume: Nanolitres | 'all' }
  | { readonly type: 'visit.refill'; readonly visit: RefillVisit }
  | { readonly type: 'visit.needle'; readonly visit: NeedleVisit }
  | { readonly type: 'update.apply'; readonly update: PumpUpdate }
  | { readonly type: 'update.begin' }
  | { readonly type: 'update.commit'; readonly update: PumpUpdate }
  | { readonly type: 'update.abort' }
  | { readonly type: 'therapy.stop' }
  | { readonly type: 'therapy.start' }
  | { readonly type: 'bolus.start'; readonly bolus: BolusRequest }
  | { readonly type: 'bolus.cancel' }
  /** The patient pressed the PTM handheld: a PTM bolus starts if allowed; every press is logged. */
  | { readonly type: 'ptm.press' }
  | { readonly type: 'telemetry.interrogate' }
  | { readonly type: 'alarm.test' }
  | { readonly type: 'mri.scan'; readonly scan: MriScan }
  | { readonly type: 'fault.catheter.start'; readonly fault: CatheterFault }
  | { readonly type: 'fault.catheter.end'; readonly kind: CatheterFaultKind }
  | { readonly type: 'fault.motorStall'; readonly recoversAt: Milliseconds | null | 'drawn' }
  | { readonly type: 'fault.lowBatteryReset' }
  | { readonly type: 'fault.memoryError' }
  /** The surgeon takes the pump out and connects a new one (see replacePump). */
  | { readonly type: 'pump.replace'; readonly replacement: PumpReplacement }
  /** The surgeon connects the kept catheter to a new pump that was set up on the table. */
  | { readonly type: 'catheter.connect' };

const refusal = (code: Refusal['code'], message: string): Refusal => ({ code, message });

/**
 * A kernel's result computed once per event and shared by the guard and the action that read it.
 * XState hands both the same event object; the pump it was computed on must be the same too.
 */
function oncePerEvent<E extends object, T>(
  compute: (pump: PumpState, event: E) => T,
): (pump: PumpState, event: E) => T {
  const memo = new WeakMap<E, { pump: PumpState; value: T }>();
  return (pump, event) => {
    const hit = memo.get(event);
    if (hit !== undefined && hit.pump === pump) return hit.value;
    const value = compute(pump, event);
    memo.set(event, { pump, value });
    return value;
  };
}

const commitOutcome = oncePerEvent((pump, event: PumpEvent): Result<PumpState> => {
  assertEvent(event, 'update.commit');
  return applyUpdate(pump, event.update);
});
const replaceOutcome = oncePerEvent((pump, event: PumpEvent): Result<PumpState> => {
  assertEvent(event, 'pump.replace');
  return replacePump(pump, event.replacement);
});
const visitOutcome = oncePerEvent((pump, event: PumpEvent): Result<VisitOutcome> => {
  assertEvent(event, ['visit.refill', 'visit.needle', 'update.apply']);
  if (event.type === 'visit.refill') return refillVisit(pump, event.visit);
  if (event.type === 'visit.needle') return needleVisit(pump, event.visit);
  return programVisit(pump, event.update);
});

/** A whole refill or programming visit on a running or stopped pump: accepted, it leaves the pump running. */
const WHOLE_VISITS = {
  'visit.refill': [
    { guard: 'isVisitAcceptable', target: 'running', actions: 'completeVisit' },
    { actions: 'completeVisit' },
  ],
  'update.apply': [
    { guard: 'isVisitAcceptable', target: 'running', actions: 'completeVisit' },
    { actions: 'completeVisit' },
  ],
} as const;

/** A replacement, accepted wherever no programming session is open: the new pump starts running its program. */
const REPLACE = {
  'pump.replace': [
    { guard: 'isReplacementAcceptable', target: '.running', actions: 'replacePump' },
    { actions: 'replacePump' },
  ],
} as const;

/**
 * The implanted pump's lifecycle. `running` delivers the stored program; `stopped` keeps it but
 * delivers nothing (stopped by the clinician, left so by an unfinished update, or shut off after an
 * MRI valve dump); `updating` is an open programming session, during which the pump is stopped as the
 * real device is, and only a commit restarts it. `endOfService` (90 days after ERI) and `failed`
 * (memory error) are final.
 *
 * Time is an input: `time.advance` moves the pump to a later instant, processing every internal
 * event on the way (see advancePump). Faults the pump cannot sense change only the truth. A refused
 * request changes nothing and is told to listeners as a `refused` emitted event; a syringe's
 * contents as `withdrawn`.
 */
export const pumpMachine = setup({
  types: {
    context: {} as PumpContext,
    events: {} as PumpEvent,
    emitted: {} as PumpEmitted,
    input: {} as PumpInput,
  },
  guards: {
    hasReachedEndOfService: ({ context }) => isEndOfService(context.pump),
    isUpdateAcceptable: ({ context, event }) => commitOutcome(context.pump, event).ok,
    isVisitAcceptable: ({ context, event }) => visitOutcome(context.pump, event).ok,
    isReplacementAcceptable: ({ context, event }) => replaceOutcome(context.pump, event).ok,
    dumpsValves: ({ context, event }) => {
      assertEvent(event, 'mri.scan');
      return scanMri(context.pump, event.scan).stopped;
    },
  },
  actions: {
    advanceTime: assign(({ context, event }) => {
      assertEvent(event, 'time.advance');
      return { pump: advancePump(context.pump, event.to) };
    }),
    giveInjection: enqueueActions(({ context, event, enqueue }) => {
      assertEvent(event, 'injection.give');
      const result = giveInjection(context.pump, event.site, event.fluid);
      if (result.ok) enqueue.assign({ pump: result.value });
      else enqueue.emit({ type: 'refused', refusal: result.refusal });
    }),
    aspirateReservoir: enqueueActions(({ context, event, enqueue }) => {
      assertEvent(event, 'reservoir.aspirate');
      const { state, withdrawn } = aspirateReservoir(context.pump, event.volume);
      enqueue.assign({ pump: state });
      enqueue.emit({ type: 'withdrawn', fluid: withdrawn });
    }),
    /** A visit's outcome: the pump after it and the syringe's contents, or the refusal (nothing applied). */
    completeVisit: enqueueActions(({ context, event, enqueue }) => {
      const outcome = visitOutcome(context.pump, event);
      if (!outcome.ok) {
        enqueue.emit({ type: 'refused', refusal: outcome.refusal });
        return;
      }
      enqueue.assign({ pump: outcome.value.pump });
      enqueue.emit({ type: 'withdrawn', fluid: outcome.value.withdrawn });
    }),
    replacePump: enqueueActions(({ context, event, enqueue }) => {
      const result = replaceOutcome(context.pump, event);
      if (result.ok) enqueue.assign({ pump: result.value });
      else enqueue.emit({ type: 'refused', refusal: result.refusal });
    }),
    connectCatheter: enqueueActions(({ context, enqueue }) => {
      const result = connectCatheter(context.pump);
      if (result.ok) enqueue.assign({ pump: result.value });
      else enqueue.emit({ type: 'refused', refusal: result.refusal });
    }),
    beginUpdate: assign(({ context }) => ({
      pump: withLog({ ...context.pump, therapyActive: false }, 'update.begun', 'pump.stopped'),
    })),
    commitUpdate: enqueueActions(({ context, event, enqueue }) => {
      const result = commitOutcome(context.pump, event);
      if (result.ok) enqueue.assign({ pump: withLog({ ...result.value, therapyActive: true }, 'pump.started') });
      else enqueue.emit({ type: 'refused', refusal: result.refusal });
    }),
    abandonUpdate: assign(({ context }) => ({ pump: withLog(context.pump, 'update.incomplete') })),
    stopTherapy: assign(({ context }) => ({
      pump: withLog({ ...context.pump, therapyActive: false }, 'pump.stopped'),
    })),
    startTherapy: assign(({ context }) => ({
      pump: withLog({ ...context.pump, therapyActive: true }, 'pump.started'),
    })),
    startBolus: enqueueActions(({ context, event, enqueue }) => {
      assertEvent(event, 'bolus.start');
      const result = startBolus(context.pump, event.bolus);
      if (result.ok) enqueue.assign({ pump: result.value });
      else enqueue.emit({ type: 'refused', refusal: result.refusal });
    }),
    cancelBolus: enqueueActions(({ context, enqueue }) => {
      const result = cancelBolus(context.pump);
      if (result.ok) enqueue.assign({ pump: result.value });
      else enqueue.emit({ type: 'refused', refusal: result.refusal });
    }),
    pressPtm: enqueueActions(({ context, enqueue }) => {
      const { state, availability } = pressPtm(context.pump);
      enqueue.assign({ pump: state });
      enqueue.emit(
        availability.available
          ? { type: 'ptm.pressed', outcome: 'ptm.bolus', refusal: null }
          : { type: 'ptm.pressed', outcome: availability.outcome, refusal: availability.refusal },
      );
    }),
    interrogate: assign(({ context }) => ({ pump: interrogatePump(context.pump) })),
    testAlarms: assign(({ context }) => ({ pump: withLog(context.pump, 'alarm.tested') })),
    scanMri: assign(({ context, event }) => {
      assertEvent(event, 'mri.scan');
      const { state, stopped } = scanMri(context.pump, event.scan);
      return { pump: stopped ? withLog({ ...state, therapyActive: false }, 'pump.stopped') : state };
    }),
    startCatheterFault: enqueueActions(({ context, event, enqueue }) => {
      assertEvent(event, 'fault.catheter.start');
      const result = startCatheterFault(context.pump, event.fault);
      if (result.ok) enqueue.assign({ pump: result.value });
      else enqueue.emit({ type: 'refused', refusal: result.refusal });
    }),
    endCatheterFault: assign(({ context, event }) => {
      assertEvent(event, 'fault.catheter.end');
      return { pump: endCatheterFault(context.pump, event.kind) };
    }),
    stallMotor: assign(({ context, event }) => {
      assertEvent(event, 'fault.motorStall');
      return {
        pump:
          event.recoversAt === 'drawn' ? stallMotorAtRandom(context.pump) : stallMotor(context.pump, event.recoversAt),
      };
    }),
    resetForLowBattery: assign(({ context }) => ({ pump: resetForLowBattery(context.pump) })),
    failWithMemoryError: assign(({ context }) => ({ pump: failWithMemoryError(context.pump) })),
    suspendForGood: assign(({ context }) => ({ pump: settlePump({ ...context.pump, therapyActive: false }) })),
    refuseAtEndOfService: emit({
      type: 'refused',
      refusal: refusal('pump.endOfService', 'The pump has reached end of service and must be replaced.'),
    }),
    refuseFailed: emit({
      type: 'refused',
      refusal: refusal('pump.failed', 'The pump has a memory error and must be replaced.'),
    }),
    refuseNotUpdating: emit({
      type: 'refused',
      refusal: refusal('pump.notUpdating', 'No programming session is open on the pump.'),
    }),
    refuseUpdateInProgress: emit({
      type: 'refused',
      refusal: refusal('pump.updateInProgress', 'A programming session is already open on the pump.'),
    }),
    refuseBolusWhileStopped: emit({
      type: 'refused',
      refusal: refusal('bolus.pumpStopped', 'The pump is stopped; restart therapy before a bolus.'),
    }),
  },
}).createMachine({
  id: 'pump',
  context: ({ input }) => ({ pump: createPumpState(input) }),
  initial: 'running',
  on: {
    'time.advance': { actions: 'advanceTime' },
    'injection.give': { actions: 'giveInjection' },
    'reservoir.aspirate': { actions: 'aspirateReservoir' },
    'visit.needle': { actions: 'completeVisit' },
    'telemetry.interrogate': { actions: 'interrogate' },
    // every state: the press is logged, and the pump's own checks refuse it while stopped or failed
    'ptm.press': { actions: 'pressPtm' },
    'alarm.test': { actions: 'testAlarms' },
    'fault.catheter.start': { actions: 'startCatheterFault' },
    'fault.catheter.end': { actions: 'endCatheterFault' },
    'fault.motorStall': { actions: 'stallMotor' },
    'fault.memoryError': { target: '.failed', actions: 'failWithMemoryError' },
    'mri.scan': [{ guard: 'dumpsValves', target: '.stopped', actions: 'scanMri' }, { actions: 'scanMri' }],
    ...REPLACE,
    'catheter.connect': { actions: 'connectCatheter' },
  },
  states: {
    running: {
      always: { guard: 'hasReachedEndOfService', target: 'endOfService' },
      on: {
        'update.begin': { target: 'updating', actions: 'beginUpdate' },
        'update.commit': { actions: 'refuseNotUpdating' },
        'update.abort': { actions: 'refuseNotUpdating' },
        ...WHOLE_VISITS,
        'therapy.stop': { target: 'stopped', actions: 'stopTherapy' },
        'bolus.start': { actions: 'startBolus' },
        'bolus.cancel': { actions: 'cancelBolus' },
        'fault.lowBatteryReset': { actions: 'resetForLowBattery' },
      },
    },
    stopped: {
      always: { guard: 'hasReachedEndOfService', target: 'endOfService' },
      on: {
        'update.begin': { target: 'updating', actions: 'beginUpdate' },
        'update.commit': { actions: 'refuseNotUpdating' },
        'update.abort': { actions: 'refuseNotUpdating' },
        ...WHOLE_VISITS,
        'therapy.start': { target: 'running', actions: 'startTherapy' },
        'bolus.start': { actions: 'refuseBolusWhileStopped' },
        'fault.lowBatteryReset': { actions: 'resetForLowBattery' },
      },
    },
    updating: {
      always: { guard: 'hasReachedEndOfService', target: 'endOfService' },
      on: {
        'update.begin': { actions: 'refuseUpdateInProgress' },
        'visit.refill': { actions: 'refuseUpdateInProgress' },
        'update.apply': { actions: 'refuseUpdateInProgress' },
        'update.commit': [
          { guard: 'isUpdateAcceptable', target: 'running', actions: 'commitUpdate' },
          { actions: 'commitUpdate' },
        ],
        'update.abort': { target: 'stopped', actions: 'abandonUpdate' },
        'pump.replace': { actions: 'refuseUpdateInProgress' },
        'bolus.start': { actions: 'refuseBolusWhileStopped' },
        'fault.lowBatteryReset': { actions: 'resetForLowBattery' },
      },
    },
    endOfService: {
      entry: 'suspendForGood',
      on: {
        'update.begin': { actions: 'refuseAtEndOfService' },
        'visit.refill': { actions: 'refuseAtEndOfService' },
        'update.apply': { actions: 'refuseAtEndOfService' },
        'update.commit': { actions: 'refuseAtEndOfService' },
        'therapy.start': { actions: 'refuseAtEndOfService' },
        'bolus.start': { actions: 'refuseAtEndOfService' },
        'mri.scan': { actions: 'scanMri' },
        'fault.memoryError': { actions: 'failWithMemoryError' },
      },
    },
    failed: {
      on: {
        'update.begin': { actions: 'refuseFailed' },
        'visit.refill': { actions: 'refuseFailed' },
        'update.apply': { actions: 'refuseFailed' },
        'update.commit': { actions: 'refuseFailed' },
        'therapy.start': { actions: 'refuseFailed' },
        'bolus.start': { actions: 'refuseFailed' },
        'mri.scan': { actions: 'scanMri' },
        'fault.memoryError': {},
      },
    },
  },
});

/** The lifecycle states of the pump machine. */
export type PumpLifecycle = 'running' | 'stopped' | 'updating' | 'endOfService' | 'failed';
