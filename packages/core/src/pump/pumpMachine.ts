import { assign, setup } from 'xstate';
import type { Refusal } from '../refusal.ts';
import type { Milliseconds, Nanolitres } from '../units/quantity.ts';
import { advancePump } from './advancePump.ts';
import { applyUpdate, type PumpUpdate } from './applyUpdate.ts';
import { createPumpState, type PumpInput } from './createPumpState.ts';
import { isEndOfService } from './deliveryRate.ts';
import type { Fluid } from './fluid.ts';
import type { PumpLogType, PumpState } from './pumpState.ts';
import { aspirateReservoir, injectIntoReservoir } from './reservoirAccess.ts';

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
  | { readonly type: 'reservoir.inject'; readonly fluid: Fluid }
  | { readonly type: 'reservoir.aspirate'; readonly volume: Nanolitres | 'all' }
  | { readonly type: 'update.begin' }
  | { readonly type: 'update.commit'; readonly update: PumpUpdate }
  | { readonly type: 'update.abort' }
  | { readonly type: 'therapy.stop' }
  | { readonly type: 'therapy.start' };

const withLog = (pump: PumpState, ...types: PumpLogType[]): PumpState => ({
  ...pump,
  log: [...pump.log, ...types.map((type) => ({ at: pump.now, type }))],
});

const refusal = (code: Refusal['code'], message: string): Refusal => ({ code, message });

/**
 * The implanted pump's lifecycle. `running` delivers the stored program; `stopped` keeps it but
 * delivers nothing (stopped by the clinician, or left so by an unfinished update); `updating` is an
 * open programming session, during which the pump is stopped as the real device is; only a commit
 * restarts it. `endOfService` is final: 90 days after ERI delivery stops for good.
 *
 * Time is an input: `time.advance` moves the pump to a later instant, processing every internal
 * event on the way (see advancePump).
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
  },
  actions: {
    advanceTime: assign(({ context, event }) =>
      event.type === 'time.advance' ? { pump: advancePump(context.pump, event.to) } : {},
    ),
    injectIntoReservoir: assign(({ context, event }) => {
      if (event.type !== 'reservoir.inject') return {};
      const result = injectIntoReservoir(context.pump, event.fluid);
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
    suspendForGood: assign(({ context }) => ({ pump: { ...context.pump, therapyActive: false } })),
    refuseAtEndOfService: assign({
      lastRefusal: () => refusal('pump.endOfService', 'The pump has reached end of service and must be replaced.'),
    }),
    refuseNotUpdating: assign({
      lastRefusal: () => refusal('pump.notUpdating', 'No programming session is open on the pump.'),
    }),
    refuseUpdateInProgress: assign({
      lastRefusal: () => refusal('pump.updateInProgress', 'A programming session is already open on the pump.'),
    }),
  },
}).createMachine({
  id: 'pump',
  context: ({ input }) => ({ pump: createPumpState(input), lastRefusal: null, lastWithdrawn: null }),
  initial: 'running',
  on: {
    'time.advance': { actions: 'advanceTime' },
    'reservoir.inject': { actions: 'injectIntoReservoir' },
    'reservoir.aspirate': { actions: 'aspirateReservoir' },
  },
  states: {
    running: {
      always: { guard: 'hasReachedEndOfService', target: 'endOfService' },
      on: {
        'update.begin': { target: 'updating', actions: 'beginUpdate' },
        'update.commit': { actions: 'refuseNotUpdating' },
        'update.abort': { actions: 'refuseNotUpdating' },
        'therapy.stop': { target: 'stopped', actions: 'stopTherapy' },
      },
    },
    stopped: {
      always: { guard: 'hasReachedEndOfService', target: 'endOfService' },
      on: {
        'update.begin': { target: 'updating', actions: 'beginUpdate' },
        'update.commit': { actions: 'refuseNotUpdating' },
        'update.abort': { actions: 'refuseNotUpdating' },
        'therapy.start': { target: 'running', actions: 'startTherapy' },
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
      },
    },
    endOfService: {
      entry: 'suspendForGood',
      on: {
        'update.begin': { actions: 'refuseAtEndOfService' },
        'update.commit': { actions: 'refuseAtEndOfService' },
        'therapy.start': { actions: 'refuseAtEndOfService' },
      },
    },
  },
});

/** The lifecycle states of the pump machine. */
export type PumpLifecycle = 'running' | 'stopped' | 'updating' | 'endOfService';
