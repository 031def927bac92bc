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
  readonly batch: { readonly volume: number; readonly mass: number };
  readonly from: number;
  readonly to: number;
}

// a part of a well-mixed batch carries floor(mass x offset / volume) up to each offset
const massUpTo = (b: Part['batch'], x: number): bigint =>
  b.volume === 0 ? 0n : (BigInt(b.mass) * BigInt(x)) / BigInt(b.volume);

/** Volume and mass in the reservoir, the tubing, the catheter and every sink, in nL and pg. */
export function contentsOf(pump: PumpState): { volume: bigint; mass: bigint } {
  const { path, sinks } = pump.truth;
  const r = path.reservoir;
  const parts: Part[] = [
    { batch: r.batch, from: r.drawn, to: r.batch.volume },
    ...path.tubing,
    ...path.catheter,
    ...path.catheterProximal,
  ];
  let volume = 0n;
  let mass = 0n;
  for (const p of parts) {
    volume += BigInt(p.to - p.from);
    mass += massUpTo(p.batch, p.to) - massUpTo(p.batch, p.from);
  }
  for (const f of Object.values(sinks)) {
    volume += BigInt(f.volume);
    mass += BigInt(f.mass);
  }
  return { volume, mass };
}
