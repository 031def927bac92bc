import { mulDiv } from '../units/mulDiv.ts';
import type { McgPerMl, Nanolitres, Picograms } from '../units/quantity.ts';

/** An amount of fluid: its volume and the drug mass it carries. Concentration is derived, never stored. */
export interface Fluid {
  readonly volume: Nanolitres;
  readonly mass: Picograms;
}

/** No fluid. */
export const EMPTY_FLUID: Fluid = { volume: 0 as Nanolitres, mass: 0 as Picograms };

/** A fluid of a volume at a whole-number concentration (exact: mcg/mL is pg/nL). */
export const fluidAt = (volume: Nanolitres, concentration: McgPerMl): Fluid => ({
  volume,
  mass: (volume * concentration) as Picograms,
});

/** Two amounts added: volumes and masses add, so a mixture's concentration is the mass-weighted one. */
export const addFluids = (a: Fluid, b: Fluid): Fluid => ({
  volume: (a.volume + b.volume) as Nanolitres,
  mass: (a.mass + b.mass) as Picograms,
});

/**
 * A well-mixed body of fluid as it was made (a filled reservoir, a primed catheter). Parts of it
 * are taken as {@link Portion}s by volume offset.
 */
export interface Batch {
  readonly id: number;
  readonly volume: Nanolitres;
  readonly mass: Picograms;
}

/**
 * The part of a batch between two volume offsets. Its mass is `massUpTo(to) - massUpTo(from)`, where
 * `massUpTo(x) = floor(batch.mass * x / batch.volume)`: the masses of any partition of a batch
 * telescope to the batch's mass, so however a flow is cut into steps, every total is the same to
 * the picogram and nothing is created or lost.
 */
export interface Portion {
  readonly batch: Batch;
  readonly from: number;
  readonly to: number;
}

function massUpTo(batch: Batch, offset: number): number {
  if (offset === batch.volume) return batch.mass;
  if (offset === 0) return 0;
  return mulDiv(batch.mass, offset, batch.volume, 'floor');
}

/** The volume of a portion. */
export const portionVolume = (p: Portion): Nanolitres => (p.to - p.from) as Nanolitres;

/** The drug mass of a portion. */
export const portionMass = (p: Portion): Picograms =>
  (massUpTo(p.batch, p.to) - massUpTo(p.batch, p.from)) as Picograms;

/** A portion as an amount of fluid. */
export const portionFluid = (p: Portion): Fluid => ({ volume: portionVolume(p), mass: portionMass(p) });

/** The whole of a batch as one portion. */
export const wholeBatch = (batch: Batch): Portion => ({ batch, from: 0, to: batch.volume });

/** Splits a portion `volume` into it: the first part and the rest. */
export function splitPortion(p: Portion, volume: number): { first: Portion; rest: Portion } {
  const cut = p.from + volume;
  return { first: { batch: p.batch, from: p.from, to: cut }, rest: { batch: p.batch, from: cut, to: p.to } };
}

/** Whether `b` continues `a` directly (same batch, contiguous), so the two can be one portion. */
export const continues = (a: Portion, b: Portion): boolean => a.batch.id === b.batch.id && a.to === b.from;
