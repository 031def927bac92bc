import { type Actor, createActor, type Snapshot } from 'xstate';
import { ItpsMisuseError } from '../errors.ts';
import type { PumpInput } from '../pump/createPumpState.ts';
import { nextDueInstant } from '../pump/nextDueTime.ts';
import { type PumpEvent, type PumpLifecycle, pumpMachine } from '../pump/pumpMachine.ts';
import type { PumpState } from '../pump/pumpState.ts';
import type { Milliseconds } from '../units/quantity.ts';

/** A running simulated world: for now, one implanted pump on virtual time. */
export interface Simulation {
  /** The pump actor; send it events, read its snapshot. */
  readonly pump: Actor<typeof pumpMachine>;
  /** Simulated time now (ms since the scenario start). */
  now(): Milliseconds;
  /** The pump's state now. */
  pumpState(): PumpState;
  /** The pump's lifecycle state now. */
  lifecycle(): PumpLifecycle;
  /** Moves simulated time forward to `to`, processing every event on the way. */
  advanceTo(to: Milliseconds): void;
  /** The next instant at which something happens by itself, or null if nothing ever will. */
  nextEventTime(): Milliseconds | null;
  /** Jumps to the next event (or to `limit`, whichever is first); returns the new time. */
  stepToNextEvent(limit: Milliseconds): Milliseconds;
  /** Sends an event to the pump at the current instant. */
  send(event: PumpEvent): void;
  /** The pump's state as plain JSON-serialisable data, to restore with {@link createSimulation}. */
  persist(): unknown;
}

/**
 * Creates a simulation at t = 0, or from a persisted pump snapshot (see {@link Simulation.persist}).
 * Pure: no clock is read; time moves only when asked.
 */
export function createSimulation(input: PumpInput, restore?: unknown): Simulation {
  const pump = (
    restore === undefined
      ? createActor(pumpMachine, { input })
      : createActor(pumpMachine, { input, snapshot: restore as Snapshot<unknown> })
  ).start();
  const pumpState = (): PumpState => pump.getSnapshot().context.pump;
  const simulation: Simulation = {
    pump,
    now: () => pumpState().now,
    pumpState,
    lifecycle: () => pump.getSnapshot().value as PumpLifecycle,
    advanceTo(to) {
      if (to < pumpState().now) throw new ItpsMisuseError('advanceTo', `time cannot go back to ${to} ms`);
      if (to > pumpState().now) pump.send({ type: 'time.advance', to });
    },
    nextEventTime: () => nextDueInstant(pumpState()),
    stepToNextEvent(limit) {
      const next = nextDueInstant(pumpState());
      const to = next === null || next > limit ? limit : next;
      simulation.advanceTo(to);
      return to;
    },
    send: (event) => pump.send(event),
    persist: () => pump.getPersistedSnapshot(),
  };
  return simulation;
}
