import { applyUpdate } from '../pump/applyUpdate.ts';
import type { Fluid } from '../pump/fluid.ts';
import { reservoirVolume } from '../pump/reservoir.ts';
import { aspirateReservoir, giveInjection, type InjectionSite } from '../pump/reservoirAccess.ts';
import { ok, type Result, refuse } from '../refusal.ts';
import type { Nanolitres } from '../units/quantity.ts';
import type { Simulation } from './simulation.ts';

/** A refill visit at the pump: what to aspirate, what to inject, what volume to record. */
export interface RefillRequest {
  readonly aspirate: Nanolitres | 'all';
  readonly inject: Fluid;
  /** Where the needle really is while injecting; the reservoir unless said otherwise. */
  readonly site?: InjectionSite;
  /** The reservoir volume the clinician records; defaults to what is left plus what was injected. */
  readonly record?: Nanolitres;
}

/**
 * Performs a whole refill visit (open a session, aspirate, inject, record the volume, commit) or
 * nothing at all: every step is checked on the pump's state first, so a refused refill never
 * leaves a session open and the pump stopped. Returns what the syringe withdrew.
 */
export function performRefill(simulation: Simulation, request: RefillRequest): Result<{ withdrawn: Fluid }> {
  const state = simulation.pumpState();
  const lifecycle = simulation.lifecycle();
  if (lifecycle === 'endOfService') return refuse('pump.endOfService', 'The pump has reached end of service.');
  if (lifecycle === 'updating') return refuse('pump.updateInProgress', 'A programming session is already open.');
  const { state: aspirated, withdrawn } = aspirateReservoir(state, request.aspirate);
  const site = request.site ?? 'reservoir';
  const injected = giveInjection(aspirated, site, request.inject);
  if (!injected.ok) return injected;
  // the clinician records what they believe is there: what was left plus what they injected
  const left = reservoirVolume(aspirated.truth.path.reservoir);
  const record = request.record ?? ((left + request.inject.volume) as Nanolitres);
  const recorded = applyUpdate(injected.value, { calculatedReservoir: record });
  if (!recorded.ok) return recorded;
  simulation.send({ type: 'update.begin' });
  simulation.send({ type: 'reservoir.aspirate', volume: request.aspirate });
  simulation.send({ type: 'injection.give', site, fluid: request.inject });
  simulation.send({ type: 'update.commit', update: { calculatedReservoir: record } });
  return ok({ withdrawn });
}
