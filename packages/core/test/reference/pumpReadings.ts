// Readings of a product pump state as plain data, computed here from the specification's words and
// the documented layout of the state, with no product function: which alarm conditions hold, and
// what volume and drug mass the reservoir, the fluid path and every sink hold.
import type { PumpState } from '../../src/index.ts';
import { figuresFor } from './referenceFigures.ts';
import type { ReferenceAlarm } from './referencePump.ts';

/** Each alarm's condition as docs/safety.md words it (REQ-ALM-01). */
export function conditionsOf(pump: PumpState): Record<ReferenceAlarm, boolean> {
  const { calculatedReservoir } = pump.belief;
  const { eriAt } = pump.battery;
  // EOS as the requirement says: 90 days (the test's figure) after ERI, not the product's own EOS instant
  const eosAt = eriAt === null ? null : eriAt + figuresFor(pump.profileId).battery.eriToEos;
  return {
    lowReservoir: calculatedReservoir <= pump.lowReservoirThreshold,
    reservoirEmpty: calculatedReservoir === 0,
    eri: eriAt !== null && pump.now >= eriAt,
    eos: eosAt !== null && pump.now >= eosAt,
    motorStall: pump.motor.stall !== null,
    lowBatteryReset: pump.lowBatteryReset,
    memoryError: pump.memoryError,
  };
}

interface Part {
  readonly batch: { readonly volume: number; readonly masses: Readonly<Record<string, number | undefined>> };
  readonly from: number;
  readonly to: number;
}

// a part of a well-mixed batch carries floor(mass x offset / volume) of each drug up to each offset
const massUpTo = (b: Part['batch'], drug: string, x: number): bigint =>
  b.volume === 0 ? 0n : (BigInt(b.masses[drug] ?? 0) * BigInt(x)) / BigInt(b.volume);

/**
 * Volume and each drug's mass in the reservoir, the tubing, the catheter and every sink, in nL and
 * pg (a drug with none is left out).
 */
export function contentsOf(pump: PumpState): { volume: bigint; masses: Record<string, bigint> } {
  const { path, sinks } = pump.truth;
  const r = path.reservoir;
  const parts: Part[] = [
    { batch: r.batch, from: r.drawn, to: r.batch.volume },
    ...path.tubing,
    ...path.catheter,
    ...path.catheterProximal,
  ];
  let volume = 0n;
  const masses: Record<string, bigint> = {};
  const add = (drug: string, m: bigint) => {
    masses[drug] = (masses[drug] ?? 0n) + m;
  };
  for (const p of parts) {
    volume += BigInt(p.to - p.from);
    for (const drug of Object.keys(p.batch.masses))
      add(drug, massUpTo(p.batch, drug, p.to) - massUpTo(p.batch, drug, p.from));
  }
  for (const f of Object.values(sinks)) {
    volume += BigInt(f.volume);
    for (const [drug, m] of Object.entries(f.masses)) add(drug, BigInt((m as number | undefined) ?? 0));
  }
  for (const drug of Object.keys(masses)) if (masses[drug] === 0n) delete masses[drug];
  return { volume, masses };
}

/** A product's masses as BigInt, drug by drug (a drug with none left out), to compare with {@link contentsOf}. */
export function bigMasses(masses: Readonly<Record<string, number | undefined>>): Record<string, bigint> {
  const out: Record<string, bigint> = {};
  for (const [drug, m] of Object.entries(masses)) if ((m ?? 0) !== 0) out[drug] = BigInt(m ?? 0);
  return out;
}
