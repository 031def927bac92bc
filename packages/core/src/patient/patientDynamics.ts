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

/**
 * What the drug model needs of a patient: the half-lives and the shares from misplaced tips. Every
 * drug's patient (baclofen's, morphine's, ziconotide's) carries these, so they share one linear model.
 */
export type DrugKinetics = Pick<
  PatientParameters,
  'csfHalfLifeH' | 'effectHalfLifeH' | 'spreadHalfLifeH' | 'subdural' | 'epidural'
>;

/** Rate constants per hour. */
export function rateConstants(p: DrugKinetics): RateConstants {
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
const rateConstantsCache = new WeakMap<DrugKinetics, RateConstants>();

/** The effect-compartment amount at steady state on the patient's need: effect 1 before tolerance. */
export const effectAtNeed = (p: PatientParameters): number => p.needMcgPerDay / 24 / rateConstants(p).elimination;

/** The amounts a constant inflow settles to. */
export function steadyAmounts(p: DrugKinetics, inflow: DrugInflow): DrugAmounts {
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
function systemMatrix(p: DrugKinetics, hours: number): Matrix {
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
export function createDrugStep(p: DrugKinetics): DrugStep {
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

/**
 * The non-zero coefficients of a transition matrix's five rows, named row letter and column: spread
 * (s), csf (c), effect (e), subdural (d), epidural (p); columns 0-4 amounts, 5-7 inflows.
 */
export interface SparseRows {
  readonly s0: number;
  readonly s5: number;
  readonly c0: number;
  readonly c1: number;
  readonly c3: number;
  readonly c4: number;
  readonly c5: number;
  readonly c6: number;
  readonly c7: number;
  readonly e0: number;
  readonly e1: number;
  readonly e2: number;
  readonly e3: number;
  readonly e4: number;
  readonly e5: number;
  readonly e6: number;
  readonly e7: number;
  readonly d3: number;
  readonly d6: number;
  readonly p4: number;
  readonly p7: number;
}

// the coefficients the model's structure makes exactly zero: spread, subdural and epidural each
// fill from their own inflow only, and nothing flows from the effect compartment back to the CSF
const ZERO_TERMS: readonly (readonly number[])[] = [
  [1, 2, 3, 4, 6, 7],
  [2],
  [],
  [0, 1, 2, 4, 5, 7],
  [0, 1, 2, 3, 5, 6],
];

const sparseCache = new WeakMap<Matrix, SparseRows | null>();

/**
 * A transition matrix's rows without the terms the model's structure makes zero, or null if any of
 * them is not exactly zero. A term left out adds `0 * x = +0` (amounts and inflows are never
 * negative), so the sparse sums, in the same order, are the same doubles as {@link transitionRow}.
 */
export function sparseRows(phi: Matrix): SparseRows | null {
  let rows = sparseCache.get(phi);
  if (rows !== undefined) return rows;
  const at = (i: number, j: number): number => (phi[i] as readonly number[])[j] as number;
  const zero = ZERO_TERMS.every((cols, i) => cols.every((j) => at(i, j) === 0));
  rows = zero
    ? {
        s0: at(0, 0),
        s5: at(0, 5),
        c0: at(1, 0),
        c1: at(1, 1),
        c3: at(1, 3),
        c4: at(1, 4),
        c5: at(1, 5),
        c6: at(1, 6),
        c7: at(1, 7),
        e0: at(2, 0),
        e1: at(2, 1),
        e2: at(2, 2),
        e3: at(2, 3),
        e4: at(2, 4),
        e5: at(2, 5),
        e6: at(2, 6),
        e7: at(2, 7),
        d3: at(3, 3),
        d6: at(3, 6),
        p4: at(4, 4),
        p7: at(4, 7),
      }
    : null;
  sparseCache.set(phi, rows);
  return rows;
}
