import type {
  GranulomaStage,
  OpioidParameters,
  OpioidWithdrawalStage,
  RespiratoryStage,
  SedationStage,
} from './opioidParameters.ts';
import { breathingRateAt, type OpioidState, opioidRelativeEffect, painAt } from './opioidPatient.ts';
import type { PainPatient } from './painPatient.ts';
import type { NeuropsychiatricStage, ZiconotideParameters } from './ziconotideParameters.ts';
import { type ZiconotideState, ziconotideRelativeEffect } from './ziconotidePatient.ts';

/** How awake the patient is, as a nurse grades it. */
export type SedationLevel = 'alert' | 'drowsy' | 'hardToRouse' | 'rousesToPainOnly' | 'unresponsive';
/** The pupils as seen with a pen torch. */
export type Pupils = 'normal' | 'small' | 'pinpoint' | 'dilated';

/** A patient treated for pain as the clinician would find them, and the model's hidden figures beside it. */
export interface PainStatus {
  readonly drug: 'morphine' | 'ziconotide';
  /** The pain score the patient gives when asked, 0-10 (a whole number). */
  readonly painScore: number;
  readonly sedationLevel: SedationLevel;
  readonly respiratoryRatePerMin: number;
  readonly pupils: Pupils;
  readonly heartRateBpm: number;
  readonly temperatureC: number;
  /** The signs in words, most telling first. */
  readonly signs: readonly string[];
  /** Hidden: the stages the model is in. */
  readonly sedation: SedationStage;
  readonly respiratoryDepression: RespiratoryStage;
  readonly opioidWithdrawal: OpioidWithdrawalStage;
  readonly granuloma: GranulomaStage;
  readonly neuropsychiatric: NeuropsychiatricStage;
  /** Hidden: creatine kinase, times the upper limit of normal (a blood test, not a bedside sign). */
  readonly ckTimesUpperLimit: number;
  /** Hidden: the pain score before rounding, drug in the CSF near the tip (mcg), effect relative to need, tolerance. */
  readonly painExact: number;
  readonly csfMcg: number;
  readonly relativeEffect: number;
  readonly tolerance: number;
}

const round = (x: number, places: number) => Math.round(x * 10 ** places) / 10 ** places;

const SEDATION_LEVEL: Readonly<Record<SedationStage, SedationLevel>> = {
  none: 'alert',
  drowsy: 'drowsy',
  hardToRouse: 'hardToRouse',
  stupor: 'rousesToPainOnly',
  coma: 'unresponsive',
};

const SEDATION_SIGNS: Readonly<Record<SedationStage, readonly string[]>> = {
  none: [],
  drowsy: ['drowsy, rousable to voice', 'itching'],
  hardToRouse: ['hard to rouse, drifts off mid-sentence'],
  stupor: ['rouses only to pain', 'floppy limbs'],
  coma: ['unresponsive to pain'],
};

const RESPIRATORY_SIGNS: Readonly<Record<RespiratoryStage, readonly string[]>> = {
  none: [],
  early: ['slow breathing'],
  moderate: ['slow, shallow breathing', 'snoring'],
  severe: ['very slow breathing', 'blue lips', 'cold clammy skin'],
  arrest: ['not breathing'],
};

const WITHDRAWAL_SIGNS: Readonly<Record<OpioidWithdrawalStage, readonly string[]>> = {
  none: [],
  early: ['craving, anxious', 'sweating', 'yawning'],
  moderate: [
    'watery eyes, runny nose',
    'gooseflesh',
    'aching muscles, cramps',
    'pain everywhere, even a light touch hurts',
  ],
  severe: ['diarrhoea', 'fever', 'fast pulse and breathing', 'cannot sleep'],
};

const GRANULOMA_SIGNS: Readonly<Record<GranulomaStage, readonly string[]>> = {
  none: [],
  mass: [],
  deficit: ['new band of pain at the level of the catheter tip', 'numb legs, unsure of their position'],
  compression: ['weak legs', 'bladder or bowel trouble'],
};

const NEUROPSYCHIATRIC_SIGNS: Readonly<Record<NeuropsychiatricStage, readonly string[]>> = {
  none: [],
  mild: ['dizzy', 'nausea', 'jerky eye movements', 'unsteady gait'],
  confusion: ['confused', 'forgetful', 'unsteady gait', 'muscle aches'],
  psychosis: ['hallucinations', 'paranoid', 'confused', 'drowsy'],
};

function opioidStatus(s: OpioidState, p: OpioidParameters): PainStatus {
  const q = opioidRelativeEffect(s, p);
  const pain = Math.min(
    10,
    painAt(q, p.baselinePain, p.targetPain) + { none: 0, early: 0, moderate: 2, severe: 3 }[s.withdrawal],
  );
  const withdrawalRate = { none: 0, early: 0, moderate: 2, severe: 6 }[s.withdrawal];
  const breathing = s.respiratory === 'arrest' ? 0 : Math.round(breathingRateAt(q, p)) + withdrawalRate;
  const hypoxic = s.respiratory === 'severe' || s.respiratory === 'arrest';
  const pupils: Pupils =
    hypoxic || s.withdrawal === 'moderate' || s.withdrawal === 'severe'
      ? 'dilated'
      : s.sedation !== 'none'
        ? 'pinpoint'
        : q >= 0.3
          ? 'small'
          : 'normal';
  const heartRateBpm =
    75 +
    { none: 0, early: 10, moderate: 20, severe: 35 }[s.withdrawal] -
    (hypoxic ? 25 : s.sedation === 'none' ? 0 : 10);
  const temperatureC = { none: 36.8, early: 36.9, moderate: 37.3, severe: 38.2 }[s.withdrawal];
  return {
    drug: 'morphine',
    painScore: Math.round(pain),
    sedationLevel: SEDATION_LEVEL[s.sedation],
    respiratoryRatePerMin: breathing,
    pupils,
    heartRateBpm,
    temperatureC,
    signs: [
      ...RESPIRATORY_SIGNS[s.respiratory],
      ...SEDATION_SIGNS[s.sedation],
      ...GRANULOMA_SIGNS[s.granulomaStage],
      ...WITHDRAWAL_SIGNS[s.withdrawal],
    ],
    sedation: s.sedation,
    respiratoryDepression: s.respiratory,
    opioidWithdrawal: s.withdrawal,
    granuloma: s.granulomaStage,
    neuropsychiatric: 'none',
    ckTimesUpperLimit: 1,
    painExact: round(pain, 2),
    csfMcg: round(s.drug.csf, 2),
    relativeEffect: round(q, 2),
    tolerance: round(s.tolerance, 3),
  };
}

function ziconotideStatus(s: ZiconotideState, p: ZiconotideParameters): PainStatus {
  const q = ziconotideRelativeEffect(s, p);
  const pain = painAt(q, p.baselinePain, p.targetPain);
  const stage = s.adverse;
  return {
    drug: 'ziconotide',
    painScore: Math.round(pain),
    // depressed consciousness is possible, breathing is not depressed (V) [P33]
    sedationLevel: stage === 'psychosis' ? 'drowsy' : 'alert',
    respiratoryRatePerMin: 16,
    pupils: 'normal',
    heartRateBpm: 75,
    temperatureC: 36.8,
    signs: NEUROPSYCHIATRIC_SIGNS[stage],
    sedation: 'none',
    respiratoryDepression: 'none',
    opioidWithdrawal: 'none',
    granuloma: 'none',
    neuropsychiatric: stage,
    ckTimesUpperLimit: round(1 + p.adverse.ckPerBurden * Math.max(0, s.burden - 1), 1),
    painExact: round(pain, 2),
    csfMcg: round(s.drug.csf, 3),
    relativeEffect: round(q, 2),
    tolerance: 1,
  };
}

/**
 * The patient treated for pain as a clinician would find them: the pain score they give when asked,
 * how awake they are, breaths per minute, pupils, pulse, temperature and signs in words. These are a
 * plain presentation of the model's stages (docs/patient.md), not a physiology of vital signs.
 */
export const painStatus = (patient: PainPatient): PainStatus =>
  patient.drug === 'morphine'
    ? opioidStatus(patient.state, patient.parameters)
    : ziconotideStatus(patient.state, patient.parameters);
