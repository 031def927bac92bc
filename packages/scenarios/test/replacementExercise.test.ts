import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  type ClinicianEvent,
  type Milliseconds,
  programmerView,
  type ReplacementEntry,
  replacementDraft,
} from '@itps/core';
import { describe, expect, it } from 'vitest';
import { playPlanStep } from '../src/authoring/playPlanStep.ts';
import {
  type PlanStep,
  parseScenario,
  previewExercise,
  type ScenarioFile,
  scoreTraining,
  startTraining,
  type TrainingSession,
} from '../src/index.ts';
import { TRAINING_DIR } from './trainingHarness.ts';

// The exercise "pump replacement at ERI", scored: a trainee who does it as the lesson says passes
// with every objective; one who forgets to have the catheter connected, or skips the priming, or
// does nothing, does not. Figures worked by hand are in the exercise's own comments.
const FILE = 'pump-replacement-at-eri.scenario.yaml';
const exercise = (): ScenarioFile => {
  const parsed = parseScenario(readFileSync(join(TRAINING_DIR, FILE), 'utf8'), FILE);
  if (!parsed.ok) throw new Error('the exercise does not parse');
  return parsed.scenario;
};
const VISIT = 14 * 86_400_000;

function start(): TrainingSession {
  const s = exercise();
  return startTraining(s, { text: JSON.stringify(s), file: FILE });
}
const act = (t: TrainingSession, event: ClinicianEvent) => t.apply({ type: 'programmer.act', event });
const view = (t: TrainingSession) => programmerView(t.world.state());

/** Up to the new pump filled: the old pump read, the swap, the new pump read, 18 mL of 500 mcg/mL in. */
function swapAndFill(t: TrainingSession): void {
  expect(act(t, { type: 'session.connect' }).ok).toBe(true);
  expect(view(t).pump?.alarms.eri).toBe(true);
  expect(act(t, { type: 'workflow.start', workflow: 'replacement' }).ok).toBe(true);
  t.apply({ type: 'time.advance', to: (VISIT + 3_600_000) as Milliseconds });
  expect(t.apply({ type: 'pump.replace', replacement: { profileId: 'synchromed-ii-20', catheter: 'kept' } }).ok).toBe(
    true,
  );
  // an hour in theatre: the programmer's session closed when idle; it reads the new pump on connecting
  // again, and the Replacement workflow goes on from the record it kept of the old pump
  expect(view(t).session).toBe('disconnected');
  expect(act(t, { type: 'session.connect' }).ok).toBe(true);
  expect(view(t).pump?.serial).not.toBe(view(t).replacement?.old.serial);
  expect(act(t, { type: 'workflow.start', workflow: 'replacement' }).ok).toBe(true);
  expect(act(t, { type: 'refill.aspirate' }).ok).toBe(true);
  expect(act(t, { type: 'refill.inject', volume: 18_000_000 as never, concentration: 500 as never }).ok).toBe(true);
}

/** The program and priming entered, every warning read and confirmed, sent and verified. */
function program(t: TrainingSession, entry: ReplacementEntry): void {
  const v = view(t);
  if (v.pump === null || v.replacement === null) throw new Error('nothing read');
  const draft = replacementDraft(v.pump, v.replacement.old, v.refill, entry);
  if (draft === null) throw new Error('not filled');
  act(t, { type: 'draft.change', draft });
  for (const f of view(t).findings) if (f.severity === 'confirm') act(t, { type: 'finding.confirm', code: f.code });
  expect(act(t, { type: 'review.open' }).ok).toBe(true);
  expect(act(t, { type: 'review.confirm' }).ok).toBe(true);
  expect(view(t).replacement?.done).toBe(true);
}

describe('exercise: pump replacement at ERI', () => {
  it('done as the lesson says (tubing primed, then connected, program carried over, verified): 100 %', () => {
    const t = start();
    swapAndFill(t);
    program(t, { catheter: 'kept', priming: 'tubing' });
    // the tubing's priming takes 12 minutes at 24 mL/day; the surgeon connects after it
    t.apply({ type: 'time.advance', to: (t.world.state().now + 15 * 60_000) as Milliseconds });
    expect(t.apply({ type: 'pump.connect' }).ok).toBe(true);
    const { debrief } = t.finish();
    expect(debrief.items.filter((i) => !i.passed)).toEqual([]);
    expect(debrief).toMatchObject({ passed: true, scorePercent: 100, missed: [] });
  });

  it('REQ-REPL-02: the programmer refuses a priming bolus through the kept catheter: nothing can be sent', () => {
    const t = start();
    swapAndFill(t);
    const v = view(t);
    if (v.pump === null || v.replacement === null) throw new Error('nothing read');
    const draft = replacementDraft(v.pump, v.replacement.old, v.refill, {
      catheter: 'kept',
      priming: 'tubingAndCatheter',
    });
    if (draft === null) throw new Error('not filled');
    act(t, { type: 'draft.change', draft });
    expect(view(t).reviewBlockedBy.join(' ')).toContain('Prime the new pump');
    expect(act(t, { type: 'review.open' }).ok).toBe(false);
  });

  it('the catheter never connected: the new pump delivers into the pocket, and the patient withdraws', () => {
    const t = start();
    swapAndFill(t);
    program(t, { catheter: 'kept', priming: 'tubing' });
    const { debrief } = t.finish();
    const failed = debrief.items.filter((i) => !i.passed).map((i) => i.text);
    expect(failed).toContain('Have the catheter connected as soon as the tubing is primed');
    expect(failed).toContain('Keep the patient out of withdrawal');
    expect(debrief.passed).toBe(false);
  });

  it('no priming bolus: a confirmation that overrides a soft limit and costs 5 points', () => {
    const t = start();
    swapAndFill(t);
    program(t, { catheter: 'kept', priming: 'none' });
    expect(t.apply({ type: 'pump.connect' }).ok).toBe(true);
    const { debrief } = t.finish();
    expect(
      debrief.items
        .filter((i) => i.text === 'Soft limit overridden')
        .map((i) => [i.points, i.explanation.split(' confirmed')[0]]),
    ).toEqual([[-5, "no priming bolus for the new pump's tubing"]]);
  });

  it('a trainee who does nothing fails: the pump stays at ERI', () => {
    const s = exercise();
    const t = start();
    const { debrief } = t.finish();
    expect(debrief.passed).toBe(false);
    expect(scoreTraining(s, t.finish().run).missed.join(' ')).toContain('Replace the pump');
  });
});

describe('the right plan of the replacement, played as the trainee does it (playPlanStep)', () => {
  const replace = (priming: 'tubing' | 'tubingAndCatheter'): PlanStep => ({
    at: VISIT as Milliseconds,
    do: 'replace',
    model: 'synchromed-ii-20',
    catheter: 'kept',
    fill: { volumeMl: 18, concentrationMcgPerMl: 500 },
    priming,
  });

  it('the plan as shipped: the old pump read in the workflow, swapped, the new pump filled, set up with its tubing primed, verified; then connected: 100 %', () => {
    const t = start();
    expect(playPlanStep(exercise(), t, replace('tubing'))).toBeNull();
    const v = view(t);
    // the new pump (its own serial) runs the old program at 300 mcg/day, verified; 18 mL less the tubing's 0.2 mL
    expect(v.replacement?.done).toBe(true);
    expect(v.pump?.serial).not.toBe(v.replacement?.old.serial);
    expect(t.world.state().pump.program.therapy).toMatchObject({ mode: 'simple', dose: 300_000_000 });
    t.apply({ type: 'time.advance', to: (VISIT + 15 * 60_000) as Milliseconds });
    expect(
      playPlanStep(exercise(), t, { at: (VISIT + 15 * 60_000) as Milliseconds, do: 'connectCatheter' }),
    ).toBeNull();
    expect(t.finish().debrief).toMatchObject({ passed: true, scorePercent: 100, missed: [] });
  });

  it('REQ-REPL-02: a plan priming tubing and catheter with the catheter kept is refused by the gate: nothing sent to the new pump', () => {
    const t = start();
    const refused = playPlanStep(exercise(), t, replace('tubingAndCatheter'));
    // refused in the gate's words, as the programmer shows them beside the draft
    expect(refused?.code).toBe('gate.unanswered');
    expect(refused?.message).toContain('The catheter is kept: it still holds 0.10 mL of the old drug at 500 mcg/mL');
    expect(refused?.message).toContain("Prime the new pump's tubing only (0.20 mL)");
    // the review never opened: the new pump filled (the needle acted) but never programmed, no bolus
    expect(view(t).session).toBe('editing');
    expect(view(t).replacement?.done).toBe(false);
    expect(t.world.state().pump.program.therapy).toEqual({ mode: 'stopped' });
    expect(t.world.state().pump.bolus).toBeNull();
  });

  it('with a new catheter of 45 cm, tubing and catheter primed: accepted; the catheter data is 45 x 0.0026 = 0.117 mL in pump and programmer', () => {
    const t = start();
    const step: PlanStep = {
      at: VISIT as Milliseconds,
      do: 'replace',
      model: 'synchromed-ii-20',
      catheter: 'new',
      newCatheterLengthCm: 45,
      fill: { volumeMl: 18, concentrationMcgPerMl: 500 },
      priming: 'tubingAndCatheter',
    };
    expect(playPlanStep(exercise(), t, step)).toBeNull();
    expect(view(t).replacement?.done).toBe(true);
    expect(t.world.state().pump.catheterVolumeEntered).toBe(117_000);
    // the priming bolus: 0.2 mL of tubing and 0.117 mL of catheter
    expect(t.world.state().pump.bolus?.volume).toBe(317_000);
  });

  it('the same wrong plan in the preview: its step listed as refused, and the course fails', () => {
    const s = exercise();
    const training = s.training as NonNullable<ScenarioFile['training']>;
    const { plan } = previewExercise({
      ...s,
      training: {
        ...training,
        plan: [replace('tubingAndCatheter'), { at: (VISIT + 15 * 60_000) as Milliseconds, do: 'connectCatheter' }],
      },
    });
    expect(plan?.refused.map((r) => r.index)).toEqual([0]);
    expect(plan?.refused[0]?.reason).toContain("Prime the new pump's tubing only");
    expect(plan?.score.passed).toBe(false);
    expect(plan?.score.items.filter((i) => !i.passed).map((i) => i.text)).toContain(
      'The new pump runs the prescribed 300 mcg/day',
    );
  });
});
