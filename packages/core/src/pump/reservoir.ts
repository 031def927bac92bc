import type { Nanolitres } from '../units/quantity.ts';
import { addMasses, type Batch, type Fluid, type Portion, portionFluid } from './fluid.ts';

/**
 * The real reservoir: a well-mixed batch, of which `drawn` nanolitres have left since it was
 * last mixed. Filling makes a new batch of what was left plus what went in.
 */
export interface Reservoir {
  readonly batch: Batch;
  readonly drawn: number;
}

/** What is in the reservoir now. */
export const reservoirContents = (r: Reservoir): Fluid =>
  portionFluid({ batch: r.batch, from: r.drawn, to: r.batch.volume });

/** Volume in the reservoir now. */
export const reservoirVolume = (r: Reservoir): Nanolitres => (r.batch.volume - r.drawn) as Nanolitres;

/** Draws `volume` (at most what is there) from the reservoir as a portion of its batch. */
export function drawFromReservoir(r: Reservoir, volume: number): { reservoir: Reservoir; portion: Portion } {
  const to = Math.min(r.drawn + volume, r.batch.volume);
  return { reservoir: { batch: r.batch, drawn: to }, portion: { batch: r.batch, from: r.drawn, to } };
}

/** The reservoir after `fluid` is injected and mixes with what was left: a new batch `id` holding every drug of both. */
export function mixIntoReservoir(r: Reservoir, fluid: Fluid, id: number): Reservoir {
  const left = reservoirContents(r);
  return {
    batch: {
      id,
      volume: (left.volume + fluid.volume) as Nanolitres,
      masses: addMasses(left.masses, fluid.masses),
    },
    drawn: 0,
  };
}
