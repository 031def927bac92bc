import { MS_PER_HOUR } from '../units/time.ts';
import { type Matrix, matrixExponential } from './matrixExponential.ts';
import type { PatientParameters } from './patientParameters.ts';

/**
 * Drug in the patient, mcg: `spread` (just left the catheter tip, not yet mixed into the CSF around
 * it), `csf` (near the tip, eliminated first-order), `effect` (the effect compartment, in CSF
 * equivalents), and what sits in the `subdural` and `epidural` spaces from a misplaced tip.
 */
export interface DrugAmounts {
  readonly spread: number;
  readonly csf: number;
  readonly effect: number;
  readonly subdural: number;
  readonly epidural: number;
}

/** Drug arriving at each site, mcg per hour, constant over a step. */
export interface DrugInflow {
  readonly intrathecal: number;
  readonly subdural: number;
  readonly epidural: number;
}

/** No drug at all. */
export const NO_DRUG: DrugAmounts = { spread: 0, csf: 0, effect: 0, subdural: 0, epidural: 0 };
/** No drug arriving. */
export const NO_INFLOW: DrugInflow = { intrathecal: 0, subdural: 0, epidural: 0 };

const rate = (halfLifeH: number) => Math.LN2 / halfLifeH;

/** Rate constants per hour. */
export function rateConstants(p: PatientParameters): RateConstants {
  let k = rateConstantsCache.get(p);
  if (k === undefined) {
    k = {
      spread: rate(p.spreadHalfLifeH),
      elimination: rate(p.csfHalfLifeH),
      effect: rate(p.effectHalfLifeH),
      subdural: rate(p.subdural.halfLifeH),
      epidural: rate(p.epidural.halfLifeH),
    };
    rateConstantsCache.set(p, k);
  }
  return k;
}

/** First-order rate constants of a patient, per hour. */
export interface RateConstants {
  readonly spread: number;
  readonly elimination: number;
  readonly effect: number;
  readonly subdural: number;
  readonly epidural: number;
}

// parameters are plain immutable data: their rate constants are worked out once each
const rateConstantsCache = new WeakMap<PatientParameters, RateConstants>();

/** The effect-compartment amount at steady state on the patient's need: effect 1 before tolerance. */
export const effectAtNeed = (p: PatientParameters): number => p.needMcgPerDay / 24 / rateConstants(p).elimination;

/** The amounts a constant inflow settles to. */
export function steadyAmounts(p: PatientParameters, inflow: DrugInflow): DrugAmounts {
  const k = rateConstants(p);
  const csf =
    (inflow.intrathecal + p.subdural.share * inflow.subdural + p.epidural.share * inflow.epidural) / k.elimination;
  return {
    spread: inflow.intrathecal / k.spread,
    csf,
    effect: csf,
    subdural: inflow.subdural / k.subdural,
    epidural: inflow.epidural / k.epidural,
  };
}

/** The linear system with its three inflows as extra constant states: d/dt [x; u] = M [x; u]. */
function systemMatrix(p: PatientParameters, hours: number): Matrix {
  const k = rateConstants(p);
  // rows and columns: spread, csf, effect, subdural, epidural, in.intrathecal, in.subdural, in.epidural
  const m = [
    [-k.spread, 0, 0, 0, 0, 1, 0, 0],
    [k.spread, -k.elimination, 0, p.subdural.share * k.subdural, p.epidural.share * k.epidural, 0, 0, 0],
    [0, k.effect, -k.effect, 0, 0, 0, 0, 0],
    [0, 0, 0, -k.subdural, 0, 0, 1, 0],
    [0, 0, 0, 0, -k.epidural, 0, 0, 1],
    [0, 0, 0, 0, 0, 0, 0, 0],
    [0, 0, 0, 0, 0, 0, 0, 0],
    [0, 0, 0, 0, 0, 0, 0, 0],
  ];
  return m.map((row) => row.map((v) => v * hours));
}

/** Moves drug amounts through a step of `durationMs` under constant inflows. */
export interface DrugStep {
  (amounts: DrugAmounts, inflow: DrugInflow, durationMs: number): DrugAmounts;
  /**
   * The step's transition matrix over `durationMs` (remembered), rows spread, csf, effect, subdural,
   * epidural over columns [amounts; inflows], for loops that step amounts held in locals.
   */
  readonly transition: (durationMs: number) => Matrix;
}

/**
 * The exact solution of the patient's linear drug model over a step (matrix exponential), with
 * transition matrices remembered by step length, so a step costs a small matrix product whatever
 * its length: simulated time costs what its steps cost.
 */
export function createDrugStep(p: PatientParameters): DrugStep {
  const cache = new Map<number, number[][]>();
  const transition = (durationMs: number): number[][] => {
    let phi = cache.get(durationMs);
    if (phi === undefined) {
      phi = matrixExponential(systemMatrix(p, durationMs / MS_PER_HOUR));
      if (cache.size > 64) cache.clear();
      cache.set(durationMs, phi);
    }
    return phi;
  };
  const step = (a: DrugAmounts, inflow: DrugInflow, durationMs: number): DrugAmounts => {
    if (durationMs <= 0) return a;
    const phi = transition(durationMs);
    return {
      spread: Math.max(0, rowTimes(phi[0] as number[], a, inflow)),
      csf: Math.max(0, rowTimes(phi[1] as number[], a, inflow)),
      effect: Math.max(0, rowTimes(phi[2] as number[], a, inflow)),
      subdural: Math.max(0, rowTimes(phi[3] as number[], a, inflow)),
      epidural: Math.max(0, rowTimes(phi[4] as number[], a, inflow)),
    };
  };
  return Object.assign(step, { transition });
}

/** One row of a transition matrix times the state [amounts; inflows]. */
const rowTimes = (r: readonly number[], a: DrugAmounts, inflow: DrugInflow): number =>
  transitionRow(
    r,
    a.spread,
    a.csf,
    a.effect,
    a.subdural,
    a.epidural,
    inflow.intrathecal,
    inflow.subdural,
    inflow.epidural,
  );

/**
 * One row of a transition matrix times [amounts; inflows] given as numbers, summed left to right
 * term by term: for loops that keep the amounts in locals, with the doubles DrugStep gives.
 */
export const transitionRow = (
  r: readonly number[],
  spread: number,
  csf: number,
  effect: number,
  subdural: number,
  epidural: number,
  inIntrathecal: number,
  inSubdural: number,
  inEpidural: number,
): number =>
  (r[0] as number) * spread +
  (r[1] as number) * csf +
  (r[2] as number) * effect +
  (r[3] as number) * subdural +
  (r[4] as number) * epidural +
  (r[5] as number) * inIntrathecal +
  (r[6] as number) * inSubdural +
  (r[7] as number) * inEpidural;
