/**
 * A seeded pseudo-random generator whose whole state is one 32-bit integer, so it can live in
 * serialisable simulation state (mulberry32). Every draw returns the value and the next state.
 */
export type RandomState = number;

/** The generator state for a scenario seed (any safe integer). */
export function seedRandom(seed: number): RandomState {
  // fold the seed into 32 bits so large and negative seeds are accepted deterministically
  return (Math.trunc(seed) ^ Math.trunc(seed / 0x1_0000_0000)) >>> 0;
}

/** The next 32-bit unsigned integer and the next state. */
export function nextUint32(state: RandomState): { value: number; state: RandomState } {
  const next = (state + 0x6d2b79f5) >>> 0;
  let t = next;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return { value: (t ^ (t >>> 14)) >>> 0, state: next };
}

/** A uniformly drawn integer in `[min, max]` (inclusive) and the next state. */
export function nextIntInRange(state: RandomState, min: number, max: number): { value: number; state: RandomState } {
  const span = max - min + 1;
  const { value, state: next } = nextUint32(state);
  // two draws give 53 bits, so the modulo bias is negligible for any span we use
  const { value: low, state: after } = nextUint32(next);
  const wide = value * 0x20_0000 + (low >>> 11);
  return { value: min + (wide % span), state: after };
}
