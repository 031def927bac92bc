import type { DrugId } from '../drug/drug.ts';
import { type Solution, singleDrug } from '../drug/solution.ts';
import { mulDiv } from '../units/mulDiv.ts';
import type { McgPerMl, Nanolitres, Picograms } from '../units/quantity.ts';

/**
 * The mass of each drug an amount of fluid carries (pg). A drug that is absent has none; a mass of
 * zero is never stored, so two amounts holding the same drugs compare equal field by field.
 */
export type DrugMasses = Readonly<Partial<Record<DrugId, Picograms>>>;

/** The drugs in the one order every {@link DrugMasses} is built in (so every object has one shape). */
const DRUG_ORDER: readonly DrugId[] = ['baclofen', 'morphine', 'ziconotide'];

/** No drug at all. */
export const NO_DRUG_MASSES: DrugMasses = {};

/**
 * An amount of fluid: its volume and the mass of every drug it carries. Concentrations are derived,
 * never stored.
 */
export interface Fluid {
  readonly volume: Nanolitres;
  readonly masses: DrugMasses;
}

/** No fluid. */
export const EMPTY_FLUID: Fluid = { volume: 0 as Nanolitres, masses: NO_DRUG_MASSES };

/** The mass of one drug in an amount of fluid, a batch or a set of masses (0 when it holds none). */
export const massOf = (fluid: { readonly masses: DrugMasses }, drug: DrugId): Picograms =>
  (fluid.masses[drug] ?? 0) as Picograms;

/** The drugs an amount of fluid carries, in the library's order. */
export const drugsIn = (masses: DrugMasses): DrugId[] => DRUG_ORDER.filter((d) => (masses[d] ?? 0) !== 0);

/** Masses from a tally of plain numbers: zeros dropped, drugs in the one order. */
export function massesOf(tally: Readonly<Partial<Record<DrugId, number>>>): DrugMasses {
  const out: Partial<Record<DrugId, Picograms>> = {};
  for (const d of DRUG_ORDER) {
    const m = tally[d];
    if (m !== undefined && m !== 0) out[d] = m as Picograms;
  }
  return out;
}

/** Two sets of masses added, drug by drug. */
export function addMasses(a: DrugMasses, b: DrugMasses): DrugMasses {
  const out: Partial<Record<DrugId, Picograms>> = {};
  for (const d of DRUG_ORDER) {
    const m = (a[d] ?? 0) + (b[d] ?? 0);
    if (m !== 0) out[d] = m as Picograms;
  }
  return out;
}

/** Whether two sets of masses hold the same mass of every drug. */
export const sameMasses = (a: DrugMasses, b: DrugMasses): boolean =>
  DRUG_ORDER.every((d) => (a[d] ?? 0) === (b[d] ?? 0));

/**
 * A volume of a solution (exact: mcg/mL is pg/nL, so each drug's mass is volume x its concentration).
 * A drug named twice in a solution adds up.
 */
export function fluidOf(volume: Nanolitres, solution: Solution): Fluid {
  const tally: Partial<Record<DrugId, number>> = {};
  for (const part of solution) tally[part.drug] = (tally[part.drug] ?? 0) + volume * part.concentration;
  return { volume, masses: massesOf(tally) };
}

/** A volume of one drug at a whole-number concentration: {@link fluidOf} a one-drug solution (baclofen unless named). */
export const fluidAt = (volume: Nanolitres, concentration: McgPerMl, drug: DrugId = 'baclofen'): Fluid =>
  fluidOf(volume, singleDrug(drug, concentration));

/** Two amounts added: volumes and each drug's masses add, so a mixture's concentrations are the mass-weighted ones. */
export const addFluids = (a: Fluid, b: Fluid): Fluid => ({
  volume: (a.volume + b.volume) as Nanolitres,
  masses: addMasses(a.masses, b.masses),
});

/**
 * A well-mixed body of fluid as it was made (a filled reservoir, a primed catheter). Parts of it
 * are taken as {@link Portion}s by volume offset.
 */
export interface Batch {
  readonly id: number;
  readonly volume: Nanolitres;
  readonly masses: DrugMasses;
}

/**
 * The part of a batch between two volume offsets. Each drug's mass in it is
 * `massUpTo(to) - massUpTo(from)`, where `massUpTo(x) = floor(batch mass of that drug x x / batch.volume)`:
 * for every drug on its own, the masses of any partition of a batch telescope to the batch's mass,
 * so however a flow is cut into steps, every drug's total is the same to the picogram and nothing is
 * created or lost.
 */
export interface Portion {
  readonly batch: Batch;
  readonly from: number;
  readonly to: number;
}

function massUpTo(batchMass: number, batchVolume: number, offset: number): number {
  if (offset === batchVolume) return batchMass;
  if (offset === 0) return 0;
  return mulDiv(batchMass, offset, batchVolume, 'floor');
}

/** The volume of a portion. */
export const portionVolume = (p: Portion): Nanolitres => (p.to - p.from) as Nanolitres;

/** The mass of one drug in a portion. */
export function portionMassOf(p: Portion, drug: DrugId): Picograms {
  const m = p.batch.masses[drug];
  if (m === undefined) return 0 as Picograms;
  return (massUpTo(m, p.batch.volume, p.to) - massUpTo(m, p.batch.volume, p.from)) as Picograms;
}

/** The mass of every drug in a portion. */
export function portionMasses(p: Portion): DrugMasses {
  const out: Partial<Record<DrugId, Picograms>> = {};
  const { masses, volume } = p.batch;
  for (const d of DRUG_ORDER) {
    const m = masses[d];
    if (m === undefined) continue;
    const part = massUpTo(m, volume, p.to) - massUpTo(m, volume, p.from);
    if (part !== 0) out[d] = part as Picograms;
  }
  return out;
}

/** Adds the mass of every drug in a portion to a running tally (in place; for loops that add many). */
export function tallyPortion(tally: Partial<Record<DrugId, number>>, p: Portion): void {
  const { masses, volume } = p.batch;
  for (const d of DRUG_ORDER) {
    const m = masses[d];
    if (m === undefined) continue;
    tally[d] = (tally[d] ?? 0) + massUpTo(m, volume, p.to) - massUpTo(m, volume, p.from);
  }
}

/** A portion as an amount of fluid. */
export const portionFluid = (p: Portion): Fluid => ({ volume: portionVolume(p), masses: portionMasses(p) });

/** The whole of a batch as one portion. */
export const wholeBatch = (batch: Batch): Portion => ({ batch, from: 0, to: batch.volume });

/** Splits a portion `volume` into it: the first part and the rest. */
export function splitPortion(p: Portion, volume: number): { first: Portion; rest: Portion } {
  const cut = p.from + volume;
  return { first: { batch: p.batch, from: p.from, to: cut }, rest: { batch: p.batch, from: cut, to: p.to } };
}

/** Whether `b` continues `a` directly (same batch, contiguous), so the two can be one portion. */
export const continues = (a: Portion, b: Portion): boolean => a.batch.id === b.batch.id && a.to === b.from;

/**
 * Whether two batches hold every drug at the same concentration (compared as the ratio mass/volume,
 * as a plot would show it). An empty batch holds nothing at no concentration.
 */
export function sameConcentrations(a: Batch, b: Batch): boolean {
  for (const d of DRUG_ORDER) if (drugConcentration(a, d) !== drugConcentration(b, d)) return false;
  return true;
}

/** A drug's concentration in a batch or an amount of fluid (mcg/mL, which is pg/nL), as a ratio for display; 0 when empty. */
export const drugConcentration = (f: { readonly volume: number; readonly masses: DrugMasses }, drug: DrugId): number =>
  f.volume === 0 ? 0 : (f.masses[drug] ?? 0) / f.volume;
