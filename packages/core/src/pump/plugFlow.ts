import type { Nanolitres } from '../units/quantity.ts';
import { continues, type Fluid, massesOf, type Portion, splitPortion, tallyPortion } from './fluid.ts';

/**
 * Fluid in plug flow: portions in order, index 0 at the outlet. What is pushed in at the inlet
 * pushes the same volume out at the outlet; portions never mix with each other.
 */
export type PlugFlow = readonly Portion[];

/** Total volume and mass of every drug in a tube. */
export function plugFlowContents(tube: PlugFlow): Fluid {
  let volume = 0;
  const tally = {};
  for (const p of tube) {
    volume += p.to - p.from;
    tallyPortion(tally, p);
  }
  return { volume: volume as Nanolitres, masses: massesOf(tally) };
}

/** Adds portions at the inlet, joining a portion to the last one when it continues it. */
export function appendPortions(tube: PlugFlow, portions: readonly Portion[]): PlugFlow {
  const out = [...tube];
  for (const p of portions) {
    if (p.to === p.from) continue;
    const last = out[out.length - 1];
    if (last !== undefined && continues(last, p))
      out[out.length - 1] = { batch: last.batch, from: last.from, to: p.to };
    else out.push(p);
  }
  return out;
}

/** Removes `volume` (at most what the tube holds) from the outlet end, as portions. */
export function takeFromOutlet(tube: PlugFlow, volume: Nanolitres): { tube: PlugFlow; out: Portion[] } {
  let remaining: number = volume;
  const out: Portion[] = [];
  let i = 0;
  let head: Portion | undefined;
  while (remaining > 0 && i < tube.length) {
    const p = tube[i] as Portion;
    const v = p.to - p.from;
    if (v <= remaining) {
      out.push(p);
      remaining -= v;
    } else {
      const { first, rest } = splitPortion(p, remaining);
      out.push(first);
      head = rest;
      remaining = 0;
    }
    i += 1;
  }
  const tail = tube.slice(i);
  return { tube: head === undefined ? tail : [head, ...tail], out };
}

/**
 * Pushes portions in at the inlet of a full tube and returns the same volume leaving at the outlet,
 * oldest fluid first.
 */
export function pushThrough(tube: PlugFlow, inflow: readonly Portion[]): { tube: PlugFlow; out: Portion[] } {
  let volume = 0;
  for (const p of inflow) volume += p.to - p.from;
  if (volume === 0) return { tube, out: [] };
  return takeFromOutlet(appendPortions(tube, inflow), volume as Nanolitres);
}
