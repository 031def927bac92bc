import { applyUpdate } from '../pump/applyUpdate.ts';
import type { Fluid } from '../pump/fluid.ts';
import { aspirateReservoir, injectIntoReservoir } from '../pump/reservoirAccess.ts';
import { ok, type Result, refuse } from '../refusal.ts';
import type { Nanolitres } from '../units/quantity.ts';
import type { Simulation } from './simulation.ts';

/** A refill visit at the pump: what to aspirate, what to inject, what volume to record. */
export interface RefillRequest {
  readonly aspirate: Nanolitres | 'all';
  readonly inject: Fluid;
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
  const injected = injectIntoReservoir(aspirated, request.inject);
  if (!injected.ok) return injected;
  const left = aspirated.truth.path.reservoir.batch.volume - aspirated.truth.path.reservoir.drawn;
  const record = request.record ?? ((left + request.inject.volume) as Nanolitres);
  const recorded = applyUpdate(injected.value, { calculatedReservoir: record });
  if (!recorded.ok) return recorded;
  simulation.send({ type: 'update.begin' });
  simulation.send({ type: 'reservoir.aspirate', volume: request.aspirate });
  simulation.send({ type: 'reservoir.inject', fluid: request.inject });
  simulation.send({ type: 'update.commit', update: { calculatedReservoir: record } });
  return ok({ withdrawn });
}
