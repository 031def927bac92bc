import { createActor } from 'xstate';
import {
  daysToMs,
  type Milliseconds,
  type Nanolitres,
  type Picograms,
  type PumpState,
  reservoirVolume,
} from '../src/index.ts';
import { pumpMachine } from '../src/pump/pumpMachine.ts';
import type { Simulation } from '../src/sim/simulation.ts';
import { fourStepFlexInput } from '../src/testing/index.ts';

// A 20 mL pump, 2000 mcg/mL baclofen on a 4-step flex schedule (mean 275 mcg/day, 0.1375 mL/day),
// refilled every 84 days (aspirate all, fill to 20 mL, record the volume) until end of service.
export const input = fourStepFlexInput();
export const REFILL_EVERY = daysToMs(84);

export type Mode = { kind: 'event' } | { kind: 'tick'; tickMs: number };

export function runHistory(until: Milliseconds, mode: Mode): { state: PumpState; sends: number; lifecycle: string } {
  const actor = createActor(pumpMachine, { input }).start();
  let sends = 0;
  const advance = (to: number) => {
    if (mode.kind === 'event') {
      actor.send({ type: 'time.advance', to: to as Milliseconds });
      sends += 1;
      return;
    }
    let t: number = actor.getSnapshot().context.pump.now;
    while (t < to) {
      t = Math.min(t + mode.tickMs, to);
      actor.send({ type: 'time.advance', to: t as Milliseconds });
      sends += 1;
    }
  };
  for (let t: number = REFILL_EVERY; t <= until; t += REFILL_EVERY) {
    advance(t);
    if (actor.getSnapshot().value === 'endOfService') break;
    actor.send({ type: 'update.begin' });
    actor.send({ type: 'reservoir.aspirate', volume: 'all' });
    const left = reservoirVolume(actor.getSnapshot().context.pump.truth.path.reservoir);
    const fill = 20_000_000 - left;
    actor.send({
      type: 'injection.give',
      site: 'reservoir',
      fluid: { volume: fill as Nanolitres, masses: { baclofen: (fill * 2000) as Picograms } },
    });
    actor.send({ type: 'update.commit', update: { calculatedReservoir: 20_000_000 as Nanolitres } });
    sends += 4;
  }
  const snap = actor.getSnapshot();
  if (snap.context.pump.now < until && snap.value !== 'endOfService') advance(until);
  return { state: actor.getSnapshot().context.pump, sends, lifecycle: String(actor.getSnapshot().value) };
}

/** A refill at the pump through a simulation: open a session, aspirate all, fill to 20 mL at 2000 mcg/mL, record 20 mL. */
export function refillSimulation(sim: Simulation): void {
  sim.send({ type: 'update.begin' });
  sim.send({ type: 'reservoir.aspirate', volume: 'all' });
  const fill = 20_000_000 - reservoirVolume(sim.pumpState().truth.path.reservoir);
  sim.send({
    type: 'injection.give',
    site: 'reservoir',
    fluid: { volume: fill as Nanolitres, masses: { baclofen: (fill * 2000) as Picograms } },
  });
  sim.send({ type: 'update.commit', update: { calculatedReservoir: 20_000_000 as Nanolitres } });
}
