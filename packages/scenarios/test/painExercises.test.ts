import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Milliseconds } from '@itps/core';
import { describe, expect, it } from 'vitest';
import {
  type PlanStep,
  parseScenario,
  playPlanStep,
  previewExercise,
  type ScenarioFile,
  scenarioObservables,
  startTraining,
} from '../src/index.ts';
import { TRAINING_DIR, trainingLibrary } from './trainingHarness.ts';

const H = 3_600_000;
const D = 24 * H;
const library = trainingLibrary();
const exercise = (file: string): ScenarioFile => {
  const found = library.find((l) => l.file === file)?.scenario;
  if (found === undefined) throw new Error(`missing ${file}`);
  return found;
};
/** The exercise with another right plan (the trainee's run to judge). */
const withPlan = (s: ScenarioFile, plan: PlanStep[]): ScenarioFile => ({
  ...s,
  training: { ...(s.training as NonNullable<ScenarioFile['training']>), plan },
});
/** The exercise's world through its own plan, observed at instants (hours since t = 0). */
function observedAt(s: ScenarioFile, hours: readonly number[]): Record<string, string | number>[] {
  const session = startTraining(s, { text: '', file: s.name });
  const steps = [...(s.training?.plan ?? [])];
  return hours.map((h) => {
    const at = (h * H) as Milliseconds;
    while (steps.length > 0 && (steps[0]?.at ?? Infinity) < at) {
      const step = steps.shift() as PlanStep;
      session.apply({ type: 'time.advance', to: step.at });
      expect(playPlanStep(s, session, step)).toBeNull();
    }
    session.apply({ type: 'time.advance', to: at });
    return scenarioObservables(session.world.state());
  });
}
const penalties = (run: NonNullable<ReturnType<typeof previewExercise>['plan']>) =>
  run.score.items.filter((i) => i.points < 0).map((i) => `${i.text}: ${i.explanation}`);
const failed = (run: NonNullable<ReturnType<typeof previewExercise>['plan']>) =>
  run.score.items.filter((i) => i.kind === 'objective' && !i.passed).map((i) => i.text);

describe('ziconotide-titration-too-fast: the figures worked by hand in its comments', () => {
  const s = exercise('ziconotide-titration-too-fast.scenario.yaml');

  it('at the visit 42.9 mcg has gone (2.4 + 7.2 + 12 + 16.8 + 21.6 x 5/24) and the pump counts 18.284 mL; 21.6 mcg/day runs', () => {
    const [visit] = observedAt(s, [4 * 24 + 5]);
    expect(visit?.['truth.delivered.ziconotideMcg']).toBeCloseTo(42.9, 9);
    expect(visit?.['pump.reservoirMl']).toBeCloseTo(18.284, 6);
    expect(visit?.['pump.dose.ziconotideMcgPerDay']).toBe(21.6);
    expect(visit?.['patient.neuropsychiatric']).toBe('confusion');
  });

  it('left alone he hallucinates at 124.75 h, 28.75 h after the last step; the plan stops him before it and he clears by 123.25 h', () => {
    const { idle, plan } = previewExercise(s);
    const at = (events: readonly { at: number; type: string }[], type: string) =>
      events.filter((e) => e.type === type).map((e) => e.at / H);
    expect(at(idle.events, 'patient.neuropsychiatric.confusion')[0]).toBe(88.75);
    expect(at(idle.events, 'patient.neuropsychiatric.psychosis')).toEqual([124.75]);
    expect(idle.score.passed).toBe(false);
    if (plan === null) throw new Error('no plan');
    expect(at(plan.events, 'patient.neuropsychiatric.psychosis')).toEqual([]);
    expect(at(plan.events, 'patient.neuropsychiatric.none')).toEqual([123.25]);
    expect(plan.score.scorePercent).toBe(100);
  });

  it("the plan's stop goes through the programmer (the stop's warning acknowledged, free) and its re-titration keeps the pump's ziconotide", () => {
    const { plan } = previewExercise(s);
    if (plan === null) throw new Error('no plan');
    const stop = 4 * D + 5 * H + 20 * 60_000;
    const acts = plan.trainee.filter((t) => t.at >= stop && t.at < stop + H).map((t) => `${t.type} ${t.detail ?? ''}`);
    expect(acts).toEqual([
      'programmer.connect ',
      'programmer.workflow stopRestart',
      'programmer.softLimitConfirmed therapy.stop',
      'programmer.sent ',
      'programmer.verify ',
    ]);
    const [stopped, end] = observedAt(s, [4 * 24 + 6, 14 * 24]);
    expect(stopped?.['pump.state']).toBe('stopped');
    expect(end?.['pump.dose.ziconotideMcgPerDay']).toBe(7.2);
    expect(end?.['pump.rateMlPerDay']).toBeCloseTo(0.288, 9);
    expect(end?.['truth.delivered.ziconotideMcg']).toBeCloseTo(78.3, 2);
    expect(end?.['truth.delivered.baclofenMcg']).toBe(0);
    expect(end?.['patient.painScore']).toBe(4);
  });

  it('cutting him to 2.4 mcg/day at the visit instead of stopping also keeps the hallucinations away and scores full marks', () => {
    const plan = (s.training?.plan ?? []).map((p) =>
      p.do === 'program' && p.therapy.mode === 'stopped'
        ? { ...p, therapy: { mode: 'simple' as const, doseMcgPerDay: 2.4 } }
        : p,
    );
    const run = previewExercise(
      withPlan(
        s,
        plan.filter((p) => p.at !== 7 * D + 2 * H),
      ),
    ).plan;
    if (run === null) throw new Error('no plan');
    expect(run.refused).toEqual([]);
    expect(run.events.some((e) => e.type === 'patient.neuropsychiatric.psychosis')).toBe(false);
    expect(run.score.scorePercent).toBe(100);
  });

  it('re-titrating a step a day (2.4 mcg/day, 24 h apart) is warned of each time: 5 points each, in the debrief as a rise too soon', () => {
    const base = (s.training?.plan ?? []).slice(0, 3);
    const daily: PlanStep[] = [2.4, 4.8, 7.2].map((dose, i) => ({
      at: (7 * D + 2 * H + i * D) as Milliseconds,
      do: 'program',
      therapy: { mode: 'simple', doseMcgPerDay: dose },
    }));
    const run = previewExercise(withPlan(s, [...base, ...daily])).plan;
    if (run === null) throw new Error('no plan');
    expect(penalties(run)).toEqual([
      'Soft limit overridden: a rise sooner than the drug allows after the last change confirmed at day 8, 10:00',
      'Soft limit overridden: a rise sooner than the drug allows after the last change confirmed at day 9, 10:00',
    ]);
    expect(run.score.earned).toBe(run.score.max - 10);
  });
});

describe('admixture-concentration-change: the figures worked by hand in its comments', () => {
  const s = exercise('admixture-concentration-change.scenario.yaml');
  const refill = (s.training?.plan ?? []).find((p) => p.do === 'refill');
  if (refill === undefined || refill.do !== 'refill') throw new Error('no refill in the plan');
  const others = (s.training?.plan ?? []).filter((p) => p !== refill);

  it('after the refill the reservoir holds baclofen 1000 mcg/mL and morphine 230/19.4 = 11.856 mg/mL; the programmer shows 4.8 mg/day', () => {
    const [after] = observedAt(s, [2 + 1 / 6 + 0.001]);
    expect(after?.['truth.reservoirMl']).toBeCloseTo(19.4, 6);
    expect(after?.['truth.reservoir.baclofenMcgPerMl']).toBeCloseTo(1000, 6);
    expect(after?.['truth.reservoir.morphineMgPerMl']).toBeCloseTo(230 / 19.4, 6);
    expect(after?.['pump.dose.morphineMgPerDay']).toBeCloseTo(4.8, 9);
    expect(after?.['pump.dose.baclofenMcgPerDay']).toBe(400);
    expect(after?.['pump.rateMlPerDay']).toBe(0.4);
  });

  it('the old mix leaves the tip for 0.304 / 0.4 = 18 h 14 min after the refill (until PT20H24M24S), then the new one; 18.338 mg of morphine by the end', () => {
    const [before, afterFront, end] = observedAt(s, [20 + 24 / 60, 20 + 25 / 60, 96]);
    expect(before?.['truth.atTip.morphineMgPerMl']).toBe(10);
    expect(afterFront?.['truth.atTip.morphineMgPerMl']).toBeCloseTo(230 / 19.4, 6);
    expect(afterFront?.['truth.atTip.baclofenMcgPerMl']).toBeCloseTo(1000, 6);
    // 4 mg/day for 20.40667 h, then 0.4 x 11.856 = 4.742 mg/day for the remaining 75.59333 h
    expect(end?.['truth.delivered.morphineMg']).toBeCloseTo(
      4 * (20.406667 / 24) + 0.4 * (230 / 19.4) * (75.593333 / 24),
      4,
    );
    expect(end?.['truth.delivered.baclofenMcg']).toBeCloseTo(1600, 6);
  });

  it('raising the dose 20 % for more morphine raises baclofen 20 % too: a step above the 15 % for cerebral spasticity confirmed, and the objective missed', () => {
    const run = previewExercise(
      withPlan(s, [
        ...others.slice(0, 1),
        { at: refill.at, do: 'program', therapy: { mode: 'simple', doseMcgPerDay: 480 } },
        ...others.slice(1),
      ]),
    ).plan;
    if (run === null) throw new Error('no plan');
    expect(penalties(run)).toContain(
      'Soft limit overridden: a step larger than the titration rule allows confirmed at day 0, 10:10',
    );
    expect(failed(run)).toContain(
      'Morphine 4.8 mg/day with baclofen unchanged at 400 mcg/day, the new strength entered for morphine',
    );
    expect(run.run.final['pump.dose.morphineMgPerDay']).toBeCloseTo(4.8, 9);
    expect(run.run.final['pump.dose.baclofenMcgPerDay']).toBe(480);
  });

  it('12 mg/mL refilled with the old 10 mg/mL left entered for morphine: the pump shows 4 mg/day while 4.74 reaches her', () => {
    const run = previewExercise(
      withPlan(s, [
        ...others.slice(0, 1),
        {
          ...refill,
          entered: {
            volumeMl: 18,
            concentrationMcgPerMl: 1000,
            admixture: [{ drug: 'morphine', concentrationMgPerMl: 10 }],
          },
        },
        ...others.slice(1),
      ]),
    ).plan;
    if (run === null) throw new Error('no plan');
    expect(run.run.final['pump.dose.morphineMgPerDay']).toBe(4);
    expect(run.run.final['truth.reservoir.morphineMgPerMl']).toBeCloseTo(230 / 19.4, 6);
    // the rubric's wrong-concentration check judges the lead drug: the objective is what catches it here
    expect(penalties(run)).toEqual([]);
    expect(failed(run)).toEqual([
      'Morphine 4.8 mg/day with baclofen unchanged at 400 mcg/day, the new strength entered for morphine',
    ]);
    expect([run.score.earned, run.score.max, run.score.passed]).toEqual([40, 60, false]);
  });

  it("the new strength typed in baclofen's field (1200 mcg/mL): the pump slows to 0.333 mL/day, baclofen really falls a sixth and morphine stays at 3.95 mg/day", () => {
    const run = previewExercise(
      withPlan(s, [
        ...others.slice(0, 1),
        {
          ...refill,
          entered: {
            volumeMl: 18,
            concentrationMcgPerMl: 1200,
            admixture: [{ drug: 'morphine', concentrationMgPerMl: 10 }],
          },
          bridgeBolus: false,
        },
        ...others.slice(1),
      ]),
    ).plan;
    if (run === null) throw new Error('no plan');
    const f = run.run.final;
    expect(f['pump.rateMlPerDay']).toBeCloseTo(1 / 3, 6);
    expect(f['pump.doseMcgPerDay']).toBe(400);
    // what the pump really gives: the flow times what the reservoir really holds
    expect((f['pump.rateMlPerDay'] as number) * (f['truth.reservoir.baclofenMcgPerMl'] as number)).toBeCloseTo(
      333.33,
      1,
    );
    expect((f['pump.rateMlPerDay'] as number) * (f['truth.reservoir.morphineMgPerMl'] as number)).toBeCloseTo(3.95, 2);
    expect(failed(run)).toContain(
      'Morphine 4.8 mg/day with baclofen unchanged at 400 mcg/day, the new strength entered for morphine',
    );
    expect(failed(run)).toContain('Pain down to 3 of 10 at the end');
    expect(run.score.passed).toBe(false);
  });

  it("a plan refill's admixture in the wrong unit field is refused at its path, naming the field expected", () => {
    const file = 'admixture-concentration-change.scenario.yaml';
    const text = readFileSync(join(TRAINING_DIR, file), 'utf8');
    const wrong = 'admixture: [{ drug: morphine, concentrationMcgPerMl: 12000 }]';
    const bad = text.replace('admixture: [{ drug: morphine, concentrationMgPerMl: 12 }]', wrong);
    expect(bad).toContain(wrong);
    const parsed = parseScenario(bad, file);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems).toEqual([
      {
        file,
        path: 'training.plan[1].admixture[0].concentrationMcgPerMl',
        expected: 'concentrationMgPerMl for morphine (its unit is mg/mL), not concentrationMcgPerMl',
        found: 'concentrationMcgPerMl: 12000',
      },
    ]);
  });
});
