import { MS_PER_HOUR, MS_PER_MINUTE } from '../units/time.ts';
import { relativeEffect } from './advancePatient.ts';
import { createDrugStep, type DrugAmounts, NO_DRUG, NO_INFLOW } from './patientDynamics.ts';
import type { PatientParameters } from './patientParameters.ts';
import { ashworthAt } from './patientStatus.ts';

/** A reduction of the Ashworth score this large is a clinically meaningful effect (a positive test). */
export const MEANINGFUL_REDUCTION = 1;
/** A reduction this large is the first perceptible effect (onset). */
export const PERCEPTIBLE_REDUCTION = 0.5;

/** How a patient responds to one intrathecal test bolus by lumbar puncture. */
export interface BolusResponse {
  readonly doseMcg: number;
  /** Largest fall of the Ashworth score, points. */
  readonly peakReduction: number;
  readonly peakAtH: number;
  /** First perceptible effect (a fall of 0.5 point), hours after the bolus; null if none. */
  readonly onsetH: number | null;
  /** Hours with a meaningful effect (a fall of at least 1 point). */
  readonly effectH: number;
  /** A fall of at least 1 point within the assessment window. */
  readonly positive: boolean;
}

const SAMPLE_MS = MS_PER_MINUTE;

/**
 * The response curve of a test bolus given into the CSF (barbotage over about a minute, treated as
 * instant), sampled each minute for `followH` hours from the drug amounts the patient has now.
 */
export function testBolusResponse(
  p: PatientParameters,
  doseMcg: number,
  options: { readonly followH?: number; readonly assessForH?: number; readonly from?: DrugAmounts } = {},
): BolusResponse {
  const step = createDrugStep(p);
  const before = options.from ?? NO_DRUG;
  let drug: DrugAmounts = { ...before, csf: before.csf + doseMcg };
  const baseline = ashworthAt(relativeEffect({ drug: before, tolerance: 1 }, p), p);
  const followMs = (options.followH ?? 24) * MS_PER_HOUR;
  const assessMs = (options.assessForH ?? 8) * MS_PER_HOUR;
  let peak = 0;
  let peakAt = 0;
  let onset: number | null = null;
  let meaningful = 0;
  let positive = false;
  for (let t = 0; t <= followMs; t += SAMPLE_MS) {
    const reduction = baseline - ashworthAt(relativeEffect({ drug, tolerance: 1 }, p), p);
    if (reduction > peak) {
      peak = reduction;
      peakAt = t;
    }
    if (onset === null && reduction >= PERCEPTIBLE_REDUCTION) onset = t;
    if (reduction >= MEANINGFUL_REDUCTION) {
      meaningful += SAMPLE_MS;
      if (t <= assessMs) positive = true;
    }
    drug = step(drug, NO_INFLOW, SAMPLE_MS);
  }
  const hours = (ms: number) => Math.round((ms / MS_PER_HOUR) * 100) / 100;
  return {
    doseMcg,
    peakReduction: Math.round(peak * 100) / 100,
    peakAtH: hours(peakAt),
    onsetH: onset === null ? null : hours(onset),
    effectH: hours(meaningful),
    positive,
  };
}

/** The screening protocol's test doses, at least 24 h apart (V) [R28]. */
export const SCREENING_DOSES_MCG: readonly number[] = [50, 75, 100];

/** A screening trial: each test bolus and its response, and what it means for the implant. */
export interface ScreeningTrial {
  readonly steps: readonly BolusResponse[];
  /** The first dose that gave a positive response; null: not a candidate for a pump. */
  readonly effectiveDoseMcg: number | null;
  /** Starting daily dose after the implant: twice the effective dose, once if its effect lasted over 8 h (V) [R28b]. */
  readonly startDoseMcgPerDay: number | null;
}

/**
 * Runs the screening protocol: 50, then 75, then 100 mcg a day apart, stopping at the first positive
 * response. The patient carries what is left of each bolus into the next.
 */
export function screeningTrial(p: PatientParameters, doses: readonly number[] = SCREENING_DOSES_MCG): ScreeningTrial {
  const step = createDrugStep(p);
  const steps: BolusResponse[] = [];
  let drug: DrugAmounts = NO_DRUG;
  for (const dose of doses) {
    const response = testBolusResponse(p, dose, { from: drug });
    steps.push(response);
    if (response.positive) {
      return {
        steps,
        effectiveDoseMcg: dose,
        startDoseMcgPerDay: response.effectH > 8 ? dose : 2 * dose,
      };
    }
    drug = step({ ...drug, csf: drug.csf + dose }, NO_INFLOW, 24 * MS_PER_HOUR);
  }
  return { steps, effectiveDoseMcg: null, startDoseMcgPerDay: null };
}
