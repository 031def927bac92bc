import type { Milliseconds } from '@itps/core';
import { describe, expect, it } from 'vitest';
import { bestScore, exerciseMeta, previewExercise, TRAINING_DIFFICULTIES } from '../src/index.ts';
import { trainingLibrary } from './trainingHarness.ts';

const library = trainingLibrary();

/**
 * The one shipped exercise whose right plan cannot reach full marks, and why: Ms Nakamura's
 * reservoir ran dry on day 6 (the refill went into the pocket); when the trainee meets her at
 * 180 h her spinal fluid level is still falling, and early withdrawal arrives at 181.3 h whatever
 * is done at the visit (a refill at the visit's first minute included): the drug takes hours to
 * build up again. The rubric takes 5 points for it.
 */
const CANNOT = { 'pocket-fill.scenario.yaml': { short: 5, because: 'Withdrawal reached' } } as const;

describe('every shipped exercise has a right plan, a topic and a difficulty', () => {
  it.each(library.map((l) => [l.file, l.scenario] as const))('%s', (file, s) => {
    const meta = exerciseMeta(s);
    expect(meta.topics.length).toBeGreaterThan(0);
    expect(TRAINING_DIFFICULTIES).toContain(meta.difficulty);
    expect(s.training?.plan?.length).toBeGreaterThan(0);
    const { plan, idle } = previewExercise(s);
    if (plan === null) throw new Error(`${file} has no plan`);
    // every step taken as written: none refused by the pump, the programmer or the patient
    expect(plan.refused).toEqual([]);
    const { best } = bestScore(s);
    const exception = CANNOT[file as keyof typeof CANNOT];
    expect(plan.score.earned).toBe(best - (exception?.short ?? 0));
    const penalties = plan.score.items.filter((i) => i.points < 0).map((i) => i.text);
    expect(penalties).toEqual(exception === undefined ? [] : [exception.because]);
    expect(plan.score.items.filter((i) => i.kind === 'objective').every((i) => i.passed)).toBe(true);
    expect(plan.score.passed).toBe(true);
    // and the plan is what makes the difference: a trainee who does nothing fails
    expect(idle.score.passed).toBe(false);
  });

  it('the pocket fill: early withdrawal comes at 181.3 h even with the refill in the visit’s first minute', () => {
    const found = library.find((l) => l.file === 'pocket-fill.scenario.yaml');
    if (found === undefined) throw new Error('no pocket-fill exercise');
    const s = found.scenario;
    const visit = (s.training?.visitAt ?? 0) as Milliseconds;
    const early = previewExercise({
      ...s,
      training: {
        ...(s.training as NonNullable<typeof s.training>),
        plan: [{ at: visit, do: 'refill', withdrawMl: 'all', volumeMl: 18, concentrationMcgPerMl: 500 }],
      },
    }).plan;
    const withdrawal = early?.events.find((e) => e.type === 'patient.withdrawal.early');
    expect(withdrawal?.at).toBeGreaterThan(visit);
    expect(((withdrawal?.at ?? 0) / 3_600_000).toFixed(1)).toBe('181.3');
  });
});

describe('bestScore', () => {
  it('counts the detection a trainee can still earn at the visit: 10 of 20 when they meet the patient 38 h after the fault', () => {
    const s = library.find((l) => l.file === 'withdrawal-occluded-catheter.scenario.yaml')?.scenario;
    if (s === undefined) throw new Error('missing');
    // objectives 4 x 10; the occlusion at 2 h, the visit at 40 h: 38 h late, within three days
    expect(bestScore(s)).toEqual({ best: 50, max: 60 });
  });

  it('20 when the trainee meets the patient within a day of the fault (the pocket fill: at the visit itself), 5 after three days, none without one', () => {
    const of = (file: string) => {
      const found = library.find((l) => l.file === file)?.scenario;
      if (found === undefined) throw new Error(`missing ${file}`);
      return found;
    };
    // 3 objectives x 10 and the pocket fill found at the visit (the fault's instant): 20
    expect(bestScore(of('pocket-fill.scenario.yaml'))).toEqual({ best: 50, max: 50 });
    const s = of('withdrawal-occluded-catheter.scenario.yaml');
    const late = { ...s, training: { ...(s.training as NonNullable<typeof s.training>), visitAt: 80 * 3_600_000 } };
    expect(bestScore(late as typeof s)).toEqual({ best: 45, max: 60 });
    // no silent fault: the objectives alone (10 + 20 + 10)
    expect(bestScore(of('dose-increase-cerebral.scenario.yaml'))).toEqual({ best: 40, max: 40 });
  });
});
