import type { DrugId } from '../drug/drug.ts';
import type { Milliseconds, Nanolitres, NanolitresPerDay, Picograms } from '../units/quantity.ts';
import { periodsBefore, RunningIntegral, timeToAccumulate } from '../units/rateIntegral.ts';
import { MS_PER_DAY } from '../units/time.ts';
import { BreachedPath } from './breachedPath.ts';
import { isEndOfService, throughFlow } from './deliveryRate.ts';
import { getDeviceProfile } from './deviceProfile.ts';
import { flowThroughPath, sinkOfTip } from './flowThroughPath.ts';
import { massOf, portionMassOf } from './fluid.ts';
import { movedState } from './movedState.ts';
import { oneBatchOutlet, type TipObserver } from './oneBatchOutlet.ts';
import type { PumpState } from './pumpState.ts';
import { drawFromReservoir } from './reservoir.ts';
import { flexTimesOf, scheduleDay } from './scheduleDay.ts';
import { programmedRateAt } from './therapyRate.ts';

/** The shorter of two waits, a wait of zero or less counting as none (it is already past). */
const sooner = (a: number, b: number): number => (b > 0 && b < a ? b : a);

/** How a steady run ended: at the time asked for, at an instant to settle, or handing over. */
export type SteadyEnd = 'to' | 'settle' | 'handOver';

/** A steady run's result: the state where it stopped and the due instants it crossed. */
export interface SteadyRun {
  readonly state: PumpState;
  /** Due instants reached on the way, the stopping one included when `end` is `settle`. */
  readonly events: number;
  readonly end: SteadyEnd;
}

/**
 * Whether a settled state is in the steady case the fast path covers: therapy running on its basal
 * program, no bolus, a motor that turns. Occlusion and accuracy bias are constant factors, an
 * intermittent kink only switches the flow off and on, and a breach is pushed through at each
 * instant as the stepwise advance pushes it, so all of them stay inside it.
 */
export function isSteady(state: PumpState): boolean {
  const { motor } = state;
  return (
    state.therapyActive &&
    state.bolus === null &&
    state.program.therapy.mode !== 'stopped' &&
    state.belief.calculatedReservoir > 0 &&
    motor.stall === null &&
    !motor.awaitingInterrogation &&
    !state.memoryError &&
    !isEndOfService(state)
  );
}

/**
 * Moves a settled steady state (see {@link isSteady}) towards `to` in plain numbers, the same
 * arithmetic as the stepwise advance: flex-step boundaries and a kink opening or closing, where
 * nothing settles, are crossed without building a state. It stops at `to`, at the first instant
 * where something settles (the calculated volume at the threshold or zero, the real reservoir dry,
 * ERI, EOS) or, handing over to
 * the stepwise advance, where a flex step commands no flow. The fluid drawn on the way is pushed
 * through the path once: with no breach on it, plug flow cut into steps leaves the same path and
 * the same sinks to the picogram as one push (masses of the pieces of a batch telescope). With a
 * breach it is pushed at each instant, where the stepwise advance pushes it, and no whole days or
 * kink cycles are summed.
 *
 * With an observer (the patient model, which needs the drug rate at the tip constant between the
 * instants it is told), whole days are not jumped, and a path that does not hold one unbroken batch
 * hands over at once.
 */
export function advanceSteady(state: PumpState, to: Milliseconds, observe?: TipObserver): SteadyRun {
  const profile = getDeviceProfile(state.profileId);
  const { program, belief, truth, battery } = state;
  const { capacity, idleDrain, drainPerNanolitre } = profile.battery;
  const { therapy } = program;
  const steps = therapy.mode === 'flex' ? therapy.steps : null;
  const { starts, rates } = flexTimesOf(program);
  const constantRate = steps === null ? programmedRateAt(program, profile, 0 as Milliseconds) : 0;
  const { kink, breach } = truth.catheter;
  // fluid escapes at a complete breach before it meets any blockage further down
  const complete = breach !== null && breach.escapePpm === 1_000_000;
  const open = complete ? 1_000_000 : 1_000_000 - truth.catheter.occlusionPpm;
  const threshold = state.lowReservoirThreshold;
  const { eriAt } = battery;
  // EOS is known from ERI on
  const eosAt = battery.eosAt ?? Number.POSITIVE_INFINITY;
  const batchVolume = truth.path.reservoir.batch.volume;
  const startDrawn = truth.path.reservoir.drawn;

  let now: number = state.now;
  // what the pump believes it pumped, what really left the reservoir, and the battery's drain since
  // the run began; `calculated`, `drawn` and `drained` are the start's figures moved by them
  const believed = new RunningIntegral(belief.carry);
  const actual = new RunningIntegral(truth.carry);
  const drain = new RunningIntegral(battery.carry);
  let calculated: number = belief.calculatedReservoir;
  let drawn = startDrawn;
  let drained = battery.drained;
  // a breach lets a share of each push escape, which depends on where time is cut: the fluid is
  // pushed at every instant the stepwise advance pushes it, and no stretch is summed
  let { path, sinks, catheter } = truth;
  let pushedTo = startDrawn;
  // with a breach the pushes go through one path changed in place, and it is read once at the end
  const breached = breach === null ? null : new BreachedPath(path, sinks, { ...truth.catheter, breach });
  let drawnReservoir = path.reservoir;
  const pushDrawn = () => {
    if (drawn === pushedTo) return;
    const { reservoir, portion } = drawFromReservoir(drawnReservoir, drawn - pushedTo);
    drawnReservoir = reservoir;
    if (breached === null) {
      const flowed = flowThroughPath({ ...path, reservoir }, sinks, catheter, [portion], 'tubing');
      path = flowed.path;
      sinks = flowed.sinks;
      catheter = flowed.catheter;
    } else breached.push(portion);
    pushedTo = drawn;
  };
  let events = 0;
  let end: SteadyEnd;
  // a flex schedule repeats every day: whole days in which nothing settles are crossed at once
  const day =
    steps === null || kink !== null || breach !== null || observe !== undefined || to - now < MS_PER_DAY
      ? null
      : scheduleDay(starts, rates, truth.biasPpm, open);
  // what the tip has let out, for an observer: the reservoir's one batch from the outlet's offset on;
  // an observer is told it only where the path holds one batch (no front to time)
  let outlet = 0;
  if (observe !== undefined) {
    const found = oneBatchOutlet(state);
    if (found === null) return { state, events: 0, end: 'handOver' };
    outlet = found;
  }
  let observedAt: number = state.now;
  const tipSink = truth.sinks[sinkOfTip[truth.catheter.tip]];
  const tipMassOf = (drug: DrugId): Picograms =>
    (massOf(tipSink, drug) +
      portionMassOf(
        { batch: truth.path.reservoir.batch, from: outlet, to: outlet + drawn - startDrawn },
        drug,
      )) as Picograms;
  let nextJumpTry = now;
  /**
   * Crosses whole periods of a pattern that repeats (a day of a flex schedule, a kink's cycle) at
   * once, as many as come before `limit` and before anything settles: the period's integrals of the
   * commanded and the real flow (units x ms / day) and its due instants, each added `count` times.
   */
  const jump = (periodMs: number, commanded: number, real: number, dues: number, limit: number): boolean => {
    const drainPer = idleDrain * periodMs + drainPerNanolitre * commanded;
    let count = limit;
    if (calculated > threshold) count = periodsBefore(commanded, believed.carry, calculated - threshold, count);
    count = periodsBefore(commanded, believed.carry, calculated, count);
    if (drawn < batchVolume) count = periodsBefore(real, actual.carry, batchVolume - drawn, count);
    if (eriAt === null) count = periodsBefore(drainPer, drain.carry, capacity - drained, count);
    else count = Math.min(count, Math.floor((eosAt - now - 1) / periodMs));
    if (count <= 0) return false;
    believed.addPeriods(commanded, count);
    calculated = Math.max(belief.calculatedReservoir - believed.amount, 0);
    if (drawn < batchVolume) {
      actual.addPeriods(real, count);
      drawn = Math.min(startDrawn + actual.amount, batchVolume);
    }
    if (eriAt === null) {
      drain.addPeriods(drainPer, count);
      drained = battery.drained + drain.amount;
    }
    now += count * periodMs;
    events += count * dues;
    return true;
  };
  let lastRate = -1;
  let lastPassable = -1;
  let lastReal = 0;

  for (;;) {
    let rate = constantRate;
    // the next instant where only a rate changes (a flex step, a kink opening or closing)
    let shiftDue = Number.POSITIVE_INFINITY;
    if (steps !== null) {
      const tod = (now + state.timeOfDayAtStart) % MS_PER_DAY;
      let i = 0;
      while (i + 1 < starts.length && (starts[i + 1] as number) <= tod) i += 1;
      rate = rates[i] as number;
      const next = (starts[i] as number) > tod ? (starts[i] as number) : (starts[i + 1] ?? MS_PER_DAY);
      shiftDue = now + next - tod;
    }
    if (rate === 0) {
      end = 'handOver';
      break;
    }
    if (day !== null && now >= nextJumpTry && drawn < batchVolume) {
      if (jump(MS_PER_DAY, day.commanded, day.real, day.boundaries, Math.floor((to - now) / MS_PER_DAY))) continue;
      // something settles within a day: step to it, and look again a day on
      nextJumpTry = now + MS_PER_DAY;
    }
    if (
      kink !== null &&
      breach === null &&
      kink.kinkedMs <= kink.periodMs &&
      observe === undefined &&
      now >= nextJumpTry
    ) {
      // whole kink cycles inside one flex step: open for periodMs - kinkedMs of each, whatever the phase
      const { periodMs, kinkedMs } = kink;
      const limit = Math.floor((Math.min(to + 1, shiftDue) - now - 1) / periodMs);
      const realOpen = throughFlow(rate as NanolitresPerDay, truth.biasPpm, open);
      const dues = kinkedMs > 0 && kinkedMs < periodMs ? 2 : 1;
      if (limit > 1 && jump(periodMs, rate * periodMs, realOpen * (periodMs - kinkedMs), dues, limit)) continue;
      nextJumpTry = now + periodMs;
    }
    let passable = open;
    if (kink !== null) {
      // a kink's cycle starts when it appears (never later than now): closed for kinkedMs of every periodMs
      const phase = (now - kink.since) % kink.periodMs;
      if (!complete && now >= kink.since && phase < kink.kinkedMs) passable = 0;
      shiftDue = Math.min(shiftDue, now + (phase < kink.kinkedMs ? kink.kinkedMs - phase : kink.periodMs - phase));
    }
    if (rate !== lastRate || passable !== lastPassable) {
      lastRate = rate;
      lastPassable = passable;
      lastReal = throughFlow(rate as NanolitresPerDay, truth.biasPpm, passable);
    }
    const real = drawn < batchVolume ? lastReal : 0;
    const drainRate = idleDrain + rate * drainPerNanolitre;

    let soonest = Number.POSITIVE_INFINITY;
    if (calculated > threshold)
      soonest = sooner(soonest, timeToAccumulate(rate, believed.carry, calculated - threshold));
    soonest = sooner(soonest, timeToAccumulate(rate, believed.carry, calculated));
    soonest = sooner(soonest, timeToAccumulate(real, actual.carry, batchVolume - drawn));
    if (eriAt === null) soonest = sooner(soonest, timeToAccumulate(drainRate, drain.carry, capacity - drained));
    else soonest = sooner(soonest, eosAt - now);
    const settleDue = now + soonest;

    const due = Math.min(shiftDue, settleDue);
    const until = due > to ? to : due;
    const dt = until - now;
    if (dt > 0) {
      believed.add(rate, dt);
      calculated = Math.max(belief.calculatedReservoir - believed.amount, 0);
      actual.add(real, dt);
      drawn = Math.min(startDrawn + actual.amount, batchVolume);
      if (eriAt === null) {
        drain.add(drainRate, dt);
        drained = battery.drained + drain.amount;
      }
      now = until;
      if (breach !== null) pushDrawn();
    }
    if (due > to) {
      end = 'to';
      break;
    }
    events += 1;
    if (settleDue === due) {
      end = 'settle';
      break;
    }
    if (observe !== undefined) {
      observe(now as Milliseconds, tipMassOf);
      observedAt = now;
    }
  }
  if (observe !== undefined && end !== 'handOver' && now > observedAt) observe(now as Milliseconds, tipMassOf);

  if (now === state.now) return { state, events, end };
  pushDrawn();
  if (breached !== null && pushedTo !== startDrawn) ({ path, sinks, catheter } = breached.result(drawnReservoir));
  const next = movedState(
    state,
    now as Milliseconds,
    { calculatedReservoir: calculated as Nanolitres, lastRefill: belief.lastRefill, carry: believed.carry },
    {
      path,
      sinks,
      loaded: truth.loaded,
      nextBatchId: truth.nextBatchId,
      catheter,
      biasPpm: truth.biasPpm,
      carry: actual.carry,
    },
    eriAt === null ? { drained, carry: drain.carry, eriAt: null, eosAt: null } : battery,
    state.bolus,
  );
  return { state: next, events, end };
}
