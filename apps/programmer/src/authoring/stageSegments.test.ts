import type { PainSample, PreviewSample } from '@itps/scenarios';
import { describe, expect, it } from 'vitest';
import { BREATHING_STAGE_KINDS, PAIN_STAGE_KINDS, stageLabel, stageSegments } from './stageSegments.ts';

const sample = (at: number, withdrawal: string, overdose = 'none'): PreviewSample =>
  ({
    at,
    beliefReservoirMl: 0,
    truthReservoirMl: 0,
    programmedMcgPerDay: 0,
    tipMcgPerDay: null,
    programmedDose: 0,
    tipDose: null,
    patient: { ashworth: 1, withdrawal, overdose },
    pain: null,
    alarms: [],
  }) as PreviewSample;

const calm: PainSample = {
  painScore: 3,
  breathsPerMin: 16,
  sedation: 'none',
  respiratoryDepression: 'none',
  opioidWithdrawal: 'none',
  granuloma: 'none',
  neuropsychiatric: 'none',
};
const painSample = (at: number, pain: Partial<PainSample>): PreviewSample => ({
  ...sample(at, 'none'),
  patient: null,
  pain: { ...calm, ...pain },
});

describe('stageSegments', () => {
  it('joins the samples of one stage into one stretch, a new stretch at each change', () => {
    const samples = [
      sample(0, 'none'),
      sample(10, 'early'),
      sample(20, 'early'),
      sample(30, 'moderate'),
      sample(40, 'none'),
    ];
    expect(stageSegments(samples)).toEqual([
      { from: 10, to: 30, kind: 'withdrawal', stage: 'early' },
      { from: 30, to: 40, kind: 'withdrawal', stage: 'moderate' },
    ]);
  });

  it('keeps overdose apart from withdrawal, and a patient well throughout gives nothing', () => {
    expect(stageSegments([sample(0, 'none'), sample(10, 'none')])).toEqual([]);
    expect(stageSegments([sample(0, 'none', 'drowsy'), sample(10, 'none', 'drowsy')])).toEqual([
      { from: 0, to: 10, kind: 'overdose', stage: 'drowsy' },
    ]);
  });

  it('a pain patient: sedation and slow breathing at once stay one stretch each; opioid withdrawal is read for the pain score', () => {
    const samples = [
      painSample(0, {}),
      painSample(10, { sedation: 'drowsy' }),
      painSample(20, { sedation: 'drowsy', respiratoryDepression: 'early' }),
      painSample(30, { sedation: 'drowsy', respiratoryDepression: 'early' }),
      painSample(40, { opioidWithdrawal: 'early' }),
      painSample(50, {}),
    ];
    expect(stageSegments(samples, BREATHING_STAGE_KINDS)).toEqual([
      { from: 10, to: 40, kind: 'sedation', stage: 'drowsy' },
      { from: 20, to: 40, kind: 'respiratoryDepression', stage: 'early' },
    ]);
    expect(stageSegments(samples, PAIN_STAGE_KINDS)).toEqual([
      { from: 40, to: 50, kind: 'opioidWithdrawal', stage: 'early' },
    ]);
    // a spasticity patient's stages read nothing of a pain patient
    expect(stageSegments(samples)).toEqual([]);
  });

  it('names each stage in a clinician’s words', () => {
    expect(stageLabel({ kind: 'withdrawal', stage: 'early' })).toBe('early withdrawal');
    expect(stageLabel({ kind: 'overdose', stage: 'respiratoryDepression' })).toBe('respiratory depression');
    expect(stageLabel({ kind: 'respiratoryDepression', stage: 'early' })).toBe('slow breathing');
    expect(stageLabel({ kind: 'opioidWithdrawal', stage: 'moderate' })).toBe('moderate opioid withdrawal');
    expect(stageLabel({ kind: 'opioidWithdrawal', stage: 'severe' })).toBe('severe opioid withdrawal');
    expect(stageLabel({ kind: 'respiratoryDepression', stage: 'severe' })).toBe('severe respiratory depression');
    expect(stageLabel({ kind: 'neuropsychiatric', stage: 'confusion' })).toBe('confused (ziconotide)');
  });
});
