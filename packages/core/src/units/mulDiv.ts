import { ItpsMisuseError } from '../errors.ts';

/** How an exact quotient is turned into an integer. `nearest` rounds halves up (towards +infinity). */
export type Rounding = 'floor' | 'ceil' | 'nearest';

/**
 * Computes `a * b / c` exactly for non-negative safe integers and rounds it as asked. Uses BigInt
 * only when the product would leave the safe-integer range.
 */
export function mulDiv(a: number, b: number, c: number, rounding: Rounding): number {
  if (!(Number.isSafeInteger(a) && Number.isSafeInteger(b) && Number.isSafeInteger(c)) || a < 0 || b < 0 || c <= 0) {
    throw new ItpsMisuseError('mulDiv', `expected safe integers a, b >= 0 and c > 0, got ${a}, ${b}, ${c}`);
  }
  const p = a * b;
  if (p <= Number.MAX_SAFE_INTEGER) return divide(p, c, rounding);
  // a = q c + r, so a b / c = q b + r b / c: exact in doubles while r b stays safe
  const q0 = Math.floor(a / c);
  const r0 = a - q0 * c;
  if (r0 >= 0 && r0 < c && r0 * b <= Number.MAX_SAFE_INTEGER && q0 * b <= Number.MAX_SAFE_INTEGER) {
    const result = q0 * b + divide(r0 * b, c, rounding);
    if (Number.isSafeInteger(result)) return result;
  }
  const big = BigInt(a) * BigInt(b);
  const bc = BigInt(c);
  let q = big / bc;
  const r = big - q * bc;
  if (rounding === 'ceil' && r > 0n) q += 1n;
  else if (rounding === 'nearest' && 2n * r >= bc) q += 1n;
  const result = Number(q);
  if (!Number.isSafeInteger(result)) throw new ItpsMisuseError('mulDiv', `result ${q} is not a safe integer`);
  return result;
}

/** Integer division of safe integers `p >= 0` by `c > 0` with the given rounding, exact. */
export function divide(p: number, c: number, rounding: Rounding): number {
  let q = Math.floor(p / c);
  let r = p - q * c;
  // Unreachable for safe integers, kept as the safety net: for p < 2^53, a correctly rounded p / c
  // floors to the true quotient (rounding k - 1/c up to k needs c > 2^53 / k, so p >= k c > 2^53).
  /* v8 ignore next 7 -- @preserve */
  if (r < 0) {
    q -= 1;
    r += c;
  } else if (r >= c) {
    q += 1;
    r -= c;
  }
  if (rounding === 'ceil' && r > 0) return q + 1;
  if (rounding === 'nearest' && 2 * r >= c) return q + 1;
  return q;
}
