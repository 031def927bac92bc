import { assign, setup } from 'xstate';
import type { Refusal } from '../refusal.ts';
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
import type { PumpLogType, PumpState } from './pumpState.ts';
import { aspirateReservoir, giveInjection, type InjectionSite } from './reservoirAccess.ts';
import { settlePump } from './settlePump.ts';

/** The pump machine's context: the pump's state, and the outcome of the last request. */
export interface PumpContext {
  readonly pump: PumpState;
  /** Why the last request was refused; null after an accepted one. */
  readonly lastRefusal: Refusal | null;
  /** What the last aspiration withdrew (what the clinician sees in the syringe). */
  readonly lastWithdrawn: Fluid | null;
}

/** Events the pump machine accepts. */
export type PumpEvent =
  | { readonly type: 'time.advance'; readonly to: Milliseconds }
  | { readonly type: 'injection.give'; readonly site: InjectionSite; readonly fluid: Fluid }
  | { readonly type: 'reservoir.aspirate'; readonly volume: Nanolitres | 'all' }
  | { readonly type: 'update.begin' }
  | { readonly type: 'update.commit'; readonly update: PumpUpdate }
  | { readonly type: 'update.abort' }
  | { readonly type: 'therapy.stop' }
  | { readonly type: 'therapy.start' }
  | { readonly type: 'bolus.start'; readonly bolus: BolusRequest }
  | { readonly type: 'bolus.cancel' }
  | { readonly type: 'telemetry.interrogate' }
  | { readonly type: 'alarm.test' }
  | { readonly type: 'mri.scan'; readonly scan: MriScan }
  | { readonly type: 'fault.catheter.start'; readonly fault: CatheterFault }
  | { readonly type: 'fault.catheter.end'; readonly kind: CatheterFaultKind }
  | { readonly type: 'fault.motorStall'; readonly recoversAt: Milliseconds | null | 'drawn' }
  | { readonly type: 'fault.lowBatteryReset' }
  | { readonly type: 'fault.memoryError' };

const withLog = (pump: PumpState, ...types: PumpLogType[]): PumpState =>
  settlePump({ ...pump, log: [...pump.log, ...types.map((type) => ({ at: pump.now, type }))] });

const refusal = (code: Refusal['code'], message: string): Refusal => ({ code, message });

/**
 * The implanted pump's lifecycle. `running` delivers the stored program; `stopped` keeps it but
 * delivers nothing (stopped by the clinician, left so by an unfinished update, or shut off after an
 * MRI valve dump); `updating` is an open programming session, during which the pump is stopped as the
 * real device is, and only a commit restarts it. `endOfService` (90 days after ERI) and `failed`
 * (memory error) are final.
 *
 * Time is an input: `time.advance` moves the pump to a later instant, processing every internal
 * event on the way (see advancePump). Faults the pump cannot sense change only the truth.
 */
export const pumpMachine = setup({
  types: {
    context: {} as PumpContext,
    events: {} as PumpEvent,
    input: {} as PumpInput,
  },
  guards: {
    hasReachedEndOfService: ({ context }) => isEndOfService(context.pump),
    isUpdateAcceptable: ({ context, event }) =>
      event.type === 'update.commit' && applyUpdate(context.pump, event.update).ok,
    dumpsValves: ({ context, event }) => event.type === 'mri.scan' && scanMri(context.pump, event.scan).stopped,
  },
  actions: {
    advanceTime: assign(({ context, event }) =>
      event.type === 'time.advance' ? { pump: advancePump(context.pump, event.to) } : {},
    ),
    giveInjection: assign(({ context, event }) => {
      if (event.type !== 'injection.give') return {};
      const result = giveInjection(context.pump, event.site, event.fluid);
      return result.ok ? { pump: result.value, lastRefusal: null } : { lastRefusal: result.refusal };
    }),
    aspirateReservoir: assign(({ context, event }) => {
      if (event.type !== 'reservoir.aspirate') return {};
      const { state, withdrawn } = aspirateReservoir(context.pump, event.volume);
      return { pump: state, lastWithdrawn: withdrawn, lastRefusal: null };
    }),
    beginUpdate: assign(({ context }) => ({
      pump: withLog({ ...context.pump, therapyActive: false }, 'update.begun', 'pump.stopped'),
      lastRefusal: null,
    })),
    commitUpdate: assign(({ context, event }) => {
      if (event.type !== 'update.commit') return {};
      const result = applyUpdate(context.pump, event.update);
      if (!result.ok) return { lastRefusal: result.refusal };
      return { pump: withLog({ ...result.value, therapyActive: true }, 'pump.started'), lastRefusal: null };
    }),
    refuseUpdate: assign(({ context, event }) => {
      if (event.type !== 'update.commit') return {};
      const result = applyUpdate(context.pump, event.update);
      return result.ok ? {} : { lastRefusal: result.refusal };
    }),
    abandonUpdate: assign(({ context }) => ({ pump: withLog(context.pump, 'update.incomplete') })),
    stopTherapy: assign(({ context }) => ({
      pump: withLog({ ...context.pump, therapyActive: false }, 'pump.stopped'),
      lastRefusal: null,
    })),
    startTherapy: assign(({ context }) => ({
      pump: withLog({ ...context.pump, therapyActive: true }, 'pump.started'),
      lastRefusal: null,
    })),
    startBolus: assign(({ context, event }) => {
      if (event.type !== 'bolus.start') return {};
      const result = startBolus(context.pump, event.bolus);
      return result.ok ? { pump: result.value, lastRefusal: null } : { lastRefusal: result.refusal };
    }),
    cancelBolus: assign(({ context }) => {
      const result = cancelBolus(context.pump);
      return result.ok ? { pump: result.value, lastRefusal: null } : { lastRefusal: result.refusal };
    }),
    interrogate: assign(({ context }) => ({ pump: interrogatePump(context.pump), lastRefusal: null })),
    testAlarms: assign(({ context }) => ({ pump: withLog(context.pump, 'alarm.tested'), lastRefusal: null })),
    scanMri: assign(({ context, event }) => {
      if (event.type !== 'mri.scan') return {};
      const { state, stopped } = scanMri(context.pump, event.scan);
      return { pump: stopped ? withLog({ ...state, therapyActive: false }, 'pump.stopped') : state };
    }),
    startCatheterFault: assign(({ context, event }) => {
      if (event.type !== 'fault.catheter.start') return {};
      const result = startCatheterFault(context.pump, event.fault);
      return result.ok ? { pump: result.value, lastRefusal: null } : { lastRefusal: result.refusal };
    }),
    endCatheterFault: assign(({ context, event }) =>
      event.type === 'fault.catheter.end' ? { pump: endCatheterFault(context.pump, event.kind) } : {},
    ),
    stallMotor: assign(({ context, event }) => {
      if (event.type !== 'fault.motorStall') return {};
      return {
        pump:
          event.recoversAt === 'drawn' ? stallMotorAtRandom(context.pump) : stallMotor(context.pump, event.recoversAt),
      };
    }),
    resetForLowBattery: assign(({ context }) => ({ pump: resetForLowBattery(context.pump) })),
    failWithMemoryError: assign(({ context }) => ({ pump: failWithMemoryError(context.pump) })),
    suspendForGood: assign(({ context }) => ({ pump: settlePump({ ...context.pump, therapyActive: false }) })),
    refuseAtEndOfService: assign({
      lastRefusal: () => refusal('pump.endOfService', 'The pump has reached end of service and must be replaced.'),
    }),
    refuseFailed: assign({
      lastRefusal: () => refusal('pump.failed', 'The pump has a memory error and must be replaced.'),
    }),
    refuseNotUpdating: assign({
      lastRefusal: () => refusal('pump.notUpdating', 'No programming session is open on the pump.'),
    }),
    refuseUpdateInProgress: assign({
      lastRefusal: () => refusal('pump.updateInProgress', 'A programming session is already open on the pump.'),
    }),
    refuseBolusWhileStopped: assign({
      lastRefusal: () => refusal('bolus.pumpStopped', 'The pump is stopped; restart therapy before a bolus.'),
    }),
  },
}).createMachine({
  id: 'pump',
  context: ({ input }) => ({ pump: createPumpState(input), lastRefusal: null, lastWithdrawn: null }),
  initial: 'running',
  on: {
    'time.advance': { actions: 'advanceTime' },
    'injection.give': { actions: 'giveInjection' },
    'reservoir.aspirate': { actions: 'aspirateReservoir' },
    'telemetry.interrogate': { actions: 'interrogate' },
    'alarm.test': { actions: 'testAlarms' },
    'fault.catheter.start': { actions: 'startCatheterFault' },
    'fault.catheter.end': { actions: 'endCatheterFault' },
    'fault.motorStall': { actions: 'stallMotor' },
    'fault.memoryError': { target: '.failed', actions: 'failWithMemoryError' },
    'mri.scan': [{ guard: 'dumpsValves', target: '.stopped', actions: 'scanMri' }, { actions: 'scanMri' }],
  },
  states: {
    running: {
      always: { guard: 'hasReachedEndOfService', target: 'endOfService' },
      on: {
        'update.begin': { target: 'updating', actions: 'beginUpdate' },
        'update.commit': { actions: 'refuseNotUpdating' },
        'update.abort': { actions: 'refuseNotUpdating' },
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
        'therapy.start': { target: 'running', actions: 'startTherapy' },
        'bolus.start': { actions: 'refuseBolusWhileStopped' },
        'fault.lowBatteryReset': { actions: 'resetForLowBattery' },
      },
    },
    updating: {
      always: { guard: 'hasReachedEndOfService', target: 'endOfService' },
      on: {
        'update.begin': { actions: 'refuseUpdateInProgress' },
        'update.commit': [
          { guard: 'isUpdateAcceptable', target: 'running', actions: 'commitUpdate' },
          { actions: 'refuseUpdate' },
        ],
        'update.abort': { target: 'stopped', actions: 'abandonUpdate' },
        'bolus.start': { actions: 'refuseBolusWhileStopped' },
        'fault.lowBatteryReset': { actions: 'resetForLowBattery' },
      },
    },
    endOfService: {
      entry: 'suspendForGood',
      on: {
        'update.begin': { actions: 'refuseAtEndOfService' },
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
