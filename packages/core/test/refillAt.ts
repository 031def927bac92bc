import { type Fluid, ok, type RefillVisit, type Refusal, type Result } from '../src/index.ts';
import type { Simulation } from '../src/sim/simulation.ts';

/** A whole refill visit sent to a simulation's pump as its one event: what the syringe withdrew, or the refusal. */
export function refillAt(sim: Simulation, visit: RefillVisit): Result<{ withdrawn: Fluid }> {
  let refusal: Refusal | null = null;
  let withdrawn: Fluid | null = null;
  const a = sim.pump.on('refused', (e) => {
    refusal = e.refusal;
  });
  const b = sim.pump.on('withdrawn', (e) => {
    withdrawn = e.fluid;
  });
  sim.send({ type: 'visit.refill', visit });
  a.unsubscribe();
  b.unsubscribe();
  if (refusal !== null) return { ok: false, refusal };
  return ok({ withdrawn: withdrawn ?? ({ volume: 0, masses: {} } as Fluid) });
}
