import type { PreviewSample } from '@itps/scenarios';
import { describe, expect, it } from 'vitest';
import { stageSegments } from './stageSegments.ts';

const sample = (at: number, withdrawal: string, overdose = 'none'): PreviewSample =>
  ({
    at,
    beliefReservoirMl: 0,
    truthReservoirMl: 0,
    programmedMcgPerDay: 0,
    tipMcgPerDay: null,
    patient: { ashworth: 1, withdrawal, overdose },
    alarms: [],
  }) as PreviewSample;

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
});
