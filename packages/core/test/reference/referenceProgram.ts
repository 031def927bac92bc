// The programs the reference pump runs, as the requirements state them: the rate a dose asks for
// (rounded to the nearest, halves up), the flex step in force, the limits, the daily average. Plain
// BigInt arithmetic; nothing from packages/core/src but types.
import type { PumpProgram } from '../../src/index.ts';
import { BACLOFEN } from './referenceFigures.ts';
import type { ReferenceProfile } from './referencePump.ts';

const MINUTE = 60_000n;
const big = (n: number): bigint => BigInt(n);

/** Rounds a non-negative quotient to the nearest integer, halves up. */
export const roundHalfUp = (n: bigint, d: bigint): bigint => (2n * n + d) / (2n * d);

/** nL/day for a dose in pg/day at a concentration in mcg/mL (= pg/nL), to the nearest, halves up. */
export const referenceRate = (dosePgPerDay: number, mcgPerMl: number): bigint =>
  roundHalfUp(big(dosePgPerDay), big(mcgPerMl));

/** The flow a program asks for at a time of day (ms after midnight). */
export function referenceBasal(program: PumpProgram, profile: ReferenceProfile, timeOfDay: bigint): bigint {
  const t = program.therapy;
  if (t.mode === 'simple') return referenceRate(t.dose, program.concentration);
  if (t.mode === 'minimum') return big(profile.minimumModeRate);
  if (t.mode === 'stopped') return 0n;
  let dose = 0;
  for (const step of t.steps) if (big(step.startMinute) * MINUTE <= timeOfDay) dose = step.dose;
  return referenceRate(dose, program.concentration);
}

/** Whether the pump may store a program: the limits as the specification states them. */
export function referenceAccepts(program: PumpProgram, profile: ReferenceProfile): boolean {
  const c = program.concentration;
  if (!Number.isInteger(c) || c < BACLOFEN.minConcentration || c > BACLOFEN.maxConcentration) return false;
  const inLimits = (dose: number) => {
    if (!Number.isSafeInteger(dose) || dose < 0) return false;
    const rate = referenceRate(dose, c);
    return rate >= big(profile.minRate) && rate <= big(profile.maxRate);
  };
  const t = program.therapy;
  if (t.mode === 'simple') return inLimits(t.dose);
  if (t.mode !== 'flex') return true;
  if (t.steps.length < 1 || t.steps.length > profile.maxFlexSteps || t.steps[0]?.startMinute !== 0) return false;
  return t.steps.every(
    (s, i) =>
      Number.isInteger(s.startMinute) &&
      s.startMinute < 1440 &&
      (i === 0 || s.startMinute > (t.steps[i - 1]?.startMinute ?? 0)) &&
      inLimits(s.dose),
  );
}

/** The highest flow a program asks for at any time of day. */
export function highestBasal(program: PumpProgram, profile: ReferenceProfile): bigint {
  const t = program.therapy;
  if (t.mode !== 'flex') return referenceBasal(program, profile, 0n);
  let highest = 0n;
  for (const s of t.steps) {
    const r = referenceRate(s.dose, program.concentration);
    if (r > highest) highest = r;
  }
  return highest;
}

/** A program's flow averaged over a day: the time-weighted dose to the nearest pg, then the rate. */
export function referenceAverageRate(program: PumpProgram, profile: ReferenceProfile): bigint {
  const t = program.therapy;
  if (t.mode === 'minimum') return big(profile.minimumModeRate);
  if (t.mode === 'stopped') return 0n;
  if (t.mode === 'simple') return referenceRate(t.dose, program.concentration);
  let weighted = 0n;
  t.steps.forEach((s, i) => {
    const end = t.steps[i + 1]?.startMinute ?? 1440;
    weighted += big(s.dose) * big(end - s.startMinute);
  });
  return roundHalfUp(roundHalfUp(weighted, 1440n), big(program.concentration));
}
