import { ItpsMisuseError } from '../errors.ts';
import type { Milliseconds, Nanolitres, NanolitresPerDay } from '../units/quantity.ts';
import { integrateRate } from '../units/rateIntegral.ts';
import { advanceSteady, isSteady } from './advanceSteady.ts';
import { actualRate, batteryDrainRate, commandedRate } from './deliveryRate.ts';
import { flowThroughPath } from './flowThroughPath.ts';
import { movedState } from './movedState.ts';
import { nextDueTime } from './nextDueTime.ts';
import type { TipObserver } from './oneBatchOutlet.ts';
import type { PumpBelief, PumpState, PumpTruth } from './pumpState.ts';
import { drawFromReservoir } from './reservoir.ts';
import { settlePump } from './settlePump.ts';

/**
 * Moves a state forward to `to` while every rate stays constant (the caller guarantees no due
 * instant lies strictly inside). Commanded flow leaves the calculated reservoir and advances any
 * bolus; the actual flow leaves the real reservoir and pushes the fluid path forward in plug flow.
 */
function integrate(state: PumpState, to: Milliseconds, commanded: NanolitresPerDay): PumpState {
  const dt = to - state.now;
  if (dt === 0) return state;
  const real = actualRate(state, commanded);
  const believed = integrateRate(commanded, dt, state.belief.carry);
  const remaining = state.belief.calculatedReservoir - believed.amount;
  const belief: PumpBelief = {
    calculatedReservoir: Math.max(remaining, 0) as Nanolitres,
    lastRefill: state.belief.lastRefill,
    carry: believed.carry,
  };
  const actual = integrateRate(real, dt, state.truth.carry);
  const old = state.truth;
  let { path, sinks, catheter } = old;
  if (actual.amount > 0) {
    const { reservoir, portion } = drawFromReservoir(path.reservoir, actual.amount);
    const flowed = flowThroughPath({ ...path, reservoir }, sinks, catheter, [portion], 'tubing');
    path = flowed.path;
    sinks = flowed.sinks;
    catheter = flowed.catheter;
  }
  const truth: PumpTruth = {
    path,
    sinks,
    loaded: old.loaded,
    nextBatchId: old.nextBatchId,
    catheter,
    biasPpm: old.biasPpm,
    carry: actual.carry,
  };
  let bolus = state.bolus;
  if (bolus !== null && commanded > 0) {
    const progress = integrateRate(bolus.rate, dt, bolus.carry);
    bolus = { ...bolus, delivered: bolus.delivered + progress.amount, carry: progress.carry };
  }
  let battery = state.battery;
  if (battery.eriAt === null) {
    const drain = integrateRate(batteryDrainRate(state, commanded), dt, battery.carry);
    battery = { drained: battery.drained + drain.amount, carry: drain.carry, eriAt: null, eosAt: null };
  }
  return movedState(state, to, belief, truth, battery, bolus);
}

/**
 * Advances a pump state to simulated time `to`, jumping from one due instant to the next (see
 * {@link nextDueTime}) and settling alarms and battery at each. Cost grows with the number of
 * instants, never with the length of time. Steady stretches (no bolus, a motor that turns) run in
 * plain numbers and build one state at their end (see advanceSteady.ts); the result is the stepwise
 * advance's to the picogram ({@link advancePumpStepwise}).
 */
export function advancePump(state: PumpState, to: Milliseconds): PumpState {
  return advance(state, to, true);
}

/**
 * {@link advancePump} without the steady fast path: every due instant builds and settles a state.
 * The oracle the fast path is held to (advanceSteady.prop.test.ts).
 */
export function advancePumpStepwise(state: PumpState, to: Milliseconds): PumpState {
  return advance(state, to, false);
}

/**
 * Advances towards `to` through steady runs alone, telling `observe` the mass out of the catheter
 * tip at every instant the flow there may change (see advanceSteady.ts), and stops at `to` or where
 * no steady run can go on: the pump not in the steady case, or the path holding more than one batch
 * (a concentration front the caller must time itself). For an observer of the tip: the patient.
 */
export function advancePumpObserved(state: PumpState, to: Milliseconds, observe: TipObserver): PumpState {
  let current = settlePump(state);
  let events = 0;
  while (current.now < to && isSteady(current)) {
    const run = advanceSteady(current, to, observe);
    current = run.state;
    events += run.events;
    if (run.end === 'handOver') break;
    if (run.end === 'settle') current = settlePump(current);
  }
  return events === 0 ? current : { ...current, eventsProcessed: current.eventsProcessed + events };
}

function advance(state: PumpState, to: Milliseconds, fast: boolean): PumpState {
  if (!Number.isSafeInteger(to) || to < state.now) {
    throw new ItpsMisuseError('advancePump', `cannot move from ${state.now} ms to ${to} ms`);
  }
  let current = settlePump(state);
  let events = 0;
  for (;;) {
    if (fast && isSteady(current)) {
      const run = advanceSteady(current, to);
      current = run.state;
      events += run.events;
      if (run.end === 'to') break;
      if (run.end === 'settle') {
        current = settlePump(current);
        continue;
      }
    }
    const commanded = commandedRate(current);
    const due = nextDueTime(current, commanded);
    if (due > to) {
      current = integrate(current, to, commanded);
      break;
    }
    current = settlePump(integrate(current, due as Milliseconds, commanded));
    events += 1;
  }
  return events === 0 ? current : { ...current, eventsProcessed: current.eventsProcessed + events };
}

/**
 * The fixed-tick reference: advances in steps of `tickMs` (the last one shorter), each by
 * {@link advancePump}. Used by the app's animation and as an oracle: totals must equal those of
 * one event-driven jump exactly.
 */
export function advancePumpFixedTick(state: PumpState, to: Milliseconds, tickMs: number): PumpState {
  if (!Number.isSafeInteger(tickMs) || tickMs <= 0) {
    throw new ItpsMisuseError('advancePumpFixedTick', `tick must be a positive integer, got ${tickMs}`);
  }
  let current = state;
  while (current.now < to) {
    current = advancePump(current, Math.min(current.now + tickMs, to) as Milliseconds);
  }
  return current;
}
