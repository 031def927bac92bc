import type { Milliseconds } from '../units/quantity.ts';
import { MS_PER_HOUR, MS_PER_MINUTE } from '../units/time.ts';
import {
  type OpioidParameters,
  RESPIRATORY_STAGES,
  type RespiratoryStage,
  SEDATION_STAGES,
  type SedationStage,
} from './opioidParameters.ts';
import {
  advanceOpioid,
  breathingRateAt,
  createOpioidState,
  type OpioidState,
  opioidRelativeEffect,
  painAt,
} from './opioidPatient.ts';
import { painDrugStep } from './painPatient.ts';
import { worseOf } from './stageCrossings.ts';

/** The usual single intrathecal trial dose of morphine, mcg: 0.5-1.0 mg (2°) [P15]. */
export const OPIOID_TRIAL_DOSE_MCG = 500;
/** Hours of observation after the trial dose: 24 h on the label (V) [P2, P3]; PACC says at least 6 h (2°) [P14]. */
export const OPIOID_TRIAL_OBSERVATION_H = 24;
/** The share of pain relief that makes a trial positive (U: the common criterion of 50 %). */
export const OPIOID_TRIAL_RELIEF = 0.5;
/** A fall of the pain score this large is the first perceptible effect (onset), points (U). */
export const PERCEPTIBLE_PAIN_FALL = 1;
/** A fall of the pain score this large is a meaningful relief (about 30 %), points (U). */
export const MEANINGFUL_PAIN_FALL = 2;

/** How a patient responds to one intrathecal trial dose of morphine, observed for hours. */
export interface OpioidTrial {
  readonly doseMcg: number;
  readonly observedH: number;
  /** Pain score before the dose (0-10). */
  readonly painBefore: number;
  /** Lowest pain score (at the deepest effect) and its relief as a share of the pain before. */
  readonly lowestPain: number;
  readonly peakRelief: number;
  readonly peakAtH: number;
  /** First fall of one point, hours after the dose; null if none. */
  readonly onsetH: number | null;
  /** Hours with at least half the pain relieved. */
  readonly reliefH: number;
  /** Hours with a meaningful relief (a fall of two points): how long the dose lasts. */
  readonly durationH: number;
  /** Lowest breathing rate (per minute) and when. */
  readonly lowestBreathingPerMin: number;
  readonly lowestBreathingAtH: number;
  readonly worstSedation: SedationStage;
  readonly worstRespiratory: RespiratoryStage;
  /** At least half the pain relieved during the observation. */
  readonly positive: boolean;
  /** Positive with no more than early respiratory depression: a candidate for a pump (U). */
  readonly candidate: boolean;
  /** Starting daily dose after the implant, mcg/day: the effective trial dose (U); null if not a candidate. */
  readonly startDoseMcgPerDay: number | null;
}

const SAMPLE_MS = MS_PER_MINUTE;

/**
 * The opioid screening trial: a single intrathecal dose of morphine by lumbar puncture into a patient
 * on no intrathecal opioid, observed each minute for `observeH` hours (24 by default, as the label
 * asks). Beside {@link screeningTrial}, baclofen's escalating protocol.
 */
export function opioidScreeningTrial(
  p: OpioidParameters,
  options: { readonly doseMcg?: number; readonly observeH?: number } = {},
): OpioidTrial {
  const doseMcg = options.doseMcg ?? OPIOID_TRIAL_DOSE_MCG;
  const observeH = options.observeH ?? OPIOID_TRIAL_OBSERVATION_H;
  const step = painDrugStep(p);
  const start = createOpioidState(p, { at: 0 as Milliseconds, dailyDoseMcg: 0 });
  // given at once by lumbar puncture: it arrives in no time, so the model takes it as a bolus
  const received = { ...start.received, csf: start.received.csf + doseMcg * 1_000_000 };
  let s: OpioidState = advanceOpioid(start, p, step, 0 as Milliseconds, received);
  const painBefore = painAt(0, p.baselinePain, p.targetPain);
  let lowestPain = painBefore;
  let peakAt = 0;
  let onset: number | null = null;
  let relief = 0;
  let meaningful = 0;
  let lowestBreathing = p.breathing.restingPerMin;
  let lowestBreathingAt = 0;
  let worstSedation: SedationStage = 'none';
  let worstRespiratory: RespiratoryStage = 'none';
  for (let t = SAMPLE_MS; t <= observeH * MS_PER_HOUR; t += SAMPLE_MS) {
    s = advanceOpioid(s, p, step, t as Milliseconds, received);
    const q = opioidRelativeEffect(s, p);
    const pain = painAt(q, p.baselinePain, p.targetPain);
    if (pain < lowestPain) {
      lowestPain = pain;
      peakAt = t;
    }
    if (onset === null && painBefore - pain >= PERCEPTIBLE_PAIN_FALL) onset = t;
    if (pain <= painBefore * (1 - OPIOID_TRIAL_RELIEF)) relief += SAMPLE_MS;
    if (painBefore - pain >= MEANINGFUL_PAIN_FALL) meaningful += SAMPLE_MS;
    const breathing = breathingRateAt(q, p);
    if (breathing < lowestBreathing) {
      lowestBreathing = breathing;
      lowestBreathingAt = t;
    }
    worstSedation = worseOf(SEDATION_STAGES, worstSedation, s.sedation);
    worstRespiratory = worseOf(RESPIRATORY_STAGES, worstRespiratory, s.respiratory);
  }
  const hours = (ms: number) => Math.round((ms / MS_PER_HOUR) * 100) / 100;
  const peakRelief = (painBefore - lowestPain) / painBefore;
  const positive = peakRelief >= OPIOID_TRIAL_RELIEF;
  const candidate = positive && (worstRespiratory === 'none' || worstRespiratory === 'early');
  return {
    doseMcg,
    observedH: observeH,
    painBefore: Math.round(painBefore * 100) / 100,
    lowestPain: Math.round(lowestPain * 100) / 100,
    peakRelief: Math.round(peakRelief * 100) / 100,
    peakAtH: hours(peakAt),
    onsetH: onset === null ? null : hours(onset),
    reliefH: hours(relief),
    durationH: hours(meaningful),
    lowestBreathingPerMin: Math.round(lowestBreathing * 10) / 10,
    lowestBreathingAtH: hours(lowestBreathingAt),
    worstSedation,
    worstRespiratory,
    positive,
    candidate,
    startDoseMcgPerDay: candidate ? doseMcg : null,
  };
}
