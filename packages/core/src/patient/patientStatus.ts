import { relativeEffect } from './advancePatient.ts';
import type { OverdoseStage, PatientParameters, WithdrawalStage } from './patientParameters.ts';
import type { PatientState } from './patientState.ts';

/** Grades of the Modified Ashworth scale, as written. */
export type AshworthGrade = '0' | '1' | '1+' | '2' | '3' | '4';

/** What a clinician at the bedside can see and measure, and the model's hidden figures beside it. */
export interface PatientStatus {
  /** Modified Ashworth score as a number (1+ is 1.5), one decimal. */
  readonly ashworth: number;
  readonly ashworthGrade: AshworthGrade;
  readonly withdrawal: WithdrawalStage;
  readonly overdose: OverdoseStage;
  readonly heartRateBpm: number;
  readonly temperatureC: number;
  readonly respiratoryRatePerMin: number;
  readonly consciousness: 'alert' | 'drowsy' | 'somnolent' | 'unresponsive';
  /** Itching without a rash: an early sign of withdrawal. */
  readonly pruritus: boolean;
  /** The signs in words, most telling first. */
  readonly signs: readonly string[];
  /** Hidden: drug in the CSF near the tip (mcg) and effect relative to need. */
  readonly csfMcg: number;
  readonly relativeEffect: number;
}

/** The Modified Ashworth grade nearest a score. */
export function ashworthGrade(score: number): AshworthGrade {
  if (score < 0.5) return '0';
  if (score < 1.25) return '1';
  if (score < 1.75) return '1+';
  if (score < 2.5) return '2';
  if (score < 3.5) return '3';
  return '4';
}

/**
 * The Modified Ashworth score for an effect relative to need: an Emax curve from the baseline score
 * (no drug) through the target score (exactly the need) towards 0.
 */
export function ashworthAt(relative: number, p: PatientParameters): number {
  const half = p.baselineAshworth / (p.baselineAshworth - p.targetAshworth) - 1;
  return (p.baselineAshworth * half) / (half + Math.max(0, relative));
}

const round = (x: number, places: number) => Math.round(x * 10 ** places) / 10 ** places;

const WITHDRAWAL_SIGNS: Readonly<Record<WithdrawalStage, readonly string[]>> = {
  none: [],
  early: ['itching without a rash', 'fast heart rate', 'spasticity returning'],
  moderate: ['fast heart rate', 'itching without a rash', 'rebound spasticity', 'restless, anxious'],
  severe: ['high fever', 'rigidity', 'labile blood pressure', 'altered consciousness'],
};

const OVERDOSE_SIGNS: Readonly<Record<OverdoseStage, readonly string[]>> = {
  none: [],
  drowsy: ['drowsy', 'dizzy', 'floppy legs'],
  somnolent: ['somnolent', 'hypotonia rising from the legs', 'nausea'],
  respiratoryDepression: ['slow, shallow breathing', 'hard to rouse', 'slow heart rate'],
  coma: ['unresponsive', 'respiratory depression', 'hypothermia'],
};

/**
 * The patient as the clinician would find them. Spasticity follows an Emax curve of the effect
 * relative to need: the baseline score untreated, the target score on exactly the need. Vital signs
 * are a plain presentation of the stages (documented in the patient README), not a physiology model.
 */
export function patientStatus(s: PatientState, p: PatientParameters): PatientStatus {
  const q = relativeEffect(s, p);
  const score = ashworthAt(q, p);
  // rigidity of severe withdrawal is more than the untreated spasticity
  const ashworth = s.withdrawal === 'severe' ? Math.min(4, Math.max(score, p.baselineAshworth + 1)) : score;
  const w = s.withdrawal;
  const o = s.overdose;
  const heartRateBpm =
    75 + { none: 0, early: 20, moderate: 35, severe: 50 }[w] - (o === 'respiratoryDepression' || o === 'coma' ? 20 : 0);
  const temperatureC = { none: 36.8, early: 37.0, moderate: 37.8, severe: 39.8 }[w] - (o === 'coma' ? 1.5 : 0);
  const respiratoryRatePerMin = { none: 16, drowsy: 14, somnolent: 12, respiratoryDepression: 8, coma: 6 }[o];
  const consciousness =
    o === 'coma' || o === 'respiratoryDepression'
      ? 'unresponsive'
      : o === 'somnolent' || w === 'severe'
        ? 'somnolent'
        : o === 'drowsy'
          ? 'drowsy'
          : 'alert';
  return {
    ashworth: round(ashworth, 1),
    ashworthGrade: ashworthGrade(ashworth),
    withdrawal: w,
    overdose: o,
    heartRateBpm,
    temperatureC: round(temperatureC, 1),
    respiratoryRatePerMin,
    consciousness,
    pruritus: w === 'early' || w === 'moderate',
    signs: [...OVERDOSE_SIGNS[o], ...WITHDRAWAL_SIGNS[w]],
    csfMcg: round(s.drug.csf, 2),
    relativeEffect: round(q, 2),
  };
}
