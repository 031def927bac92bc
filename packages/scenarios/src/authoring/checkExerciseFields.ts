import { baclofen } from '@itps/core';
import { checkCounts, DEFAULT_LIMITS } from '../limits.ts';
import { validateWithin } from '../parseScenario.ts';
import type { ScenarioFile, ScenarioTherapy } from '../scenarioSchema.ts';
import { type FieldProblem, fieldProblemOf, fieldWords, onePerField } from './fieldProblem.ts';

/** The file name problems are reported against while an exercise is being written. */
const EDITING = 'exercise';

const mcg = (picograms: number): number => picograms / 1_000_000;
const SOFT_DOSE = mcg(baclofen.softMaxDose);
const HARD_DOSE = mcg(baclofen.hardMaxDose);
const SOFT_BOLUS = mcg(baclofen.bolusSoftMax);
const HARD_BOLUS = mcg(baclofen.bolusHardMax);
const STOCK = baclofen.stockConcentrations.join(', ');

/**
 * Checks an exercise as it is being written (the editor's document: the scenario format's plain data,
 * durations as text), field by field: the format's own schema and checks (`validateScenario`, the
 * same that `itps validate` runs), then the drug library's limits (doses above the usual or the
 * highest daily dose, boluses and test doses above their limits, concentrations that are no stock
 * strength). One message per field, in plain words, what was expected and what was found; an
 * `error` keeps the exercise from being saved, a `warning` does not. Empty when all is well. Pure.
 */
export function checkExerciseFields(doc: unknown): FieldProblem[] {
  const counted = checkCounts(doc, EDITING, DEFAULT_LIMITS);
  if (counted.length > 0) return onePerField(counted.map((p) => fieldProblemOf(p)));
  const parsed = validateWithin(doc, EDITING);
  if (!parsed.ok) return onePerField(parsed.problems.map((p) => fieldProblemOf(p)));
  const s = parsed.scenario;
  const problems: FieldProblem[] = [];
  if (s.training === undefined)
    problems.push({
      path: 'training',
      message: `${fieldWords('training')}: expected a brief and at least one objective; found none.`,
      severity: 'error',
    });
  problems.push(...drugLibraryProblems(s));
  return onePerField(problems);
}

/**
 * The drug library's limits on an exercise already valid in form. What the trainee's right plan or
 * the pump's starting program does beyond a hard limit is an error; what a colleague does in the
 * timeline (the hidden truth may well be someone's mistake) is only pointed out.
 */
export function drugLibraryProblems(s: ScenarioFile): FieldProblem[] {
  const out: FieldProblem[] = [];
  const say = (path: string, expected: string, found: string, severity: FieldProblem['severity']): void => {
    out.push({ path, message: `${fieldWords(path)}: expected ${expected}; found ${found}.`, severity });
  };
  const dose = (path: string, value: number, colleague: boolean) => {
    if (value > HARD_DOSE)
      say(
        path,
        `at most ${HARD_DOSE} mcg/day, the drug library's highest daily dose of ${baclofen.name}${colleague ? ' (as a colleague’s mistake it stays in the story)' : ''}`,
        `${value} mcg/day`,
        colleague ? 'warning' : 'error',
      );
    else if (value > SOFT_DOSE)
      say(
        path,
        `at most ${SOFT_DOSE} mcg/day, the usual maximum (above it the programmer asks to confirm)`,
        `${value} mcg/day`,
        'warning',
      );
  };
  // the figures below are baclofen's (mcg/day, mcg/mL): a dose in mg/day (morphine) is judged by the gate, not here
  const therapy = (path: string, t: ScenarioTherapy, colleague: boolean) => {
    if (t.mode === 'simple' && t.doseMcgPerDay !== undefined) dose(`${path}.doseMcgPerDay`, t.doseMcgPerDay, colleague);
    if (t.mode === 'flex')
      t.steps.forEach((step, i) => {
        if (step.doseMcgPerDay !== undefined) dose(`${path}.steps.${i}.doseMcgPerDay`, step.doseMcgPerDay, colleague);
      });
  };
  const strength = (path: string, value: number) => {
    if (!(baclofen.stockConcentrations as readonly number[]).includes(value))
      say(path, `a stock strength (${STOCK} mcg/mL), or a dilution made up on purpose`, `${value} mcg/mL`, 'warning');
  };
  const bolus = (path: string, value: number, what: string, colleague: boolean) => {
    if (value > HARD_BOLUS)
      say(
        path,
        `at most ${HARD_BOLUS} mcg for ${what}, the drug library's highest`,
        `${value} mcg`,
        colleague ? 'warning' : 'error',
      );
    else if (value > SOFT_BOLUS)
      say(path, `at most ${SOFT_BOLUS} mcg for ${what}, the usual maximum`, `${value} mcg`, 'warning');
  };
  if (s.pump.reservoir.drug === 'baclofen' && s.pump.reservoir.concentrationMcgPerMl !== undefined)
    strength('pump.reservoir.concentrationMcgPerMl', s.pump.reservoir.concentrationMcgPerMl);
  therapy('pump.therapy', s.pump.therapy, false);
  if (s.patient?.needMcgPerDay !== undefined && s.patient.needMcgPerDay > SOFT_DOSE)
    say(
      'patient.needMcgPerDay',
      `a need at most the usual maximum of ${SOFT_DOSE} mcg/day (above it no dose within the limits controls the patient)`,
      `${s.patient.needMcgPerDay} mcg/day`,
      'warning',
    );
  (s.timeline ?? []).forEach((a, i) => {
    const path = `timeline.${i}`;
    if (a.action === 'program') therapy(`${path}.therapy`, a.therapy, true);
    if (
      (a.action === 'refill' || a.action === 'needle') &&
      (a.drug ?? s.pump.reservoir.drug) === 'baclofen' &&
      a.concentrationMcgPerMl !== undefined
    )
      strength(`${path}.concentrationMcgPerMl`, a.concentrationMcgPerMl);
    if (a.action === 'bolus' && a.doseMcg !== undefined) bolus(`${path}.doseMcg`, a.doseMcg, 'one bolus', true);
  });
  (s.training?.plan ?? []).forEach((step, i) => {
    const path = `training.plan.${i}`;
    if (step.do === 'program') therapy(`${path}.therapy`, step.therapy, false);
    if (step.do === 'refill' && s.pump.reservoir.drug === 'baclofen' && step.concentrationMcgPerMl !== undefined)
      strength(`${path}.concentrationMcgPerMl`, step.concentrationMcgPerMl);
    if (step.do === 'replace') strength(`${path}.fill.concentrationMcgPerMl`, step.fill.concentrationMcgPerMl);
    if (step.do === 'bolus' && step.doseMcg !== undefined) bolus(`${path}.doseMcg`, step.doseMcg, 'one bolus', false);
    if (step.do === 'clinical.testDose') bolus(`${path}.doseMcg`, step.doseMcg, 'a test dose', false);
  });
  const refilled =
    (s.timeline ?? []).some((a) => a.action === 'refill') ||
    (s.training?.plan ?? []).some((p) => p.do === 'refill' || p.do === 'replace');
  const stable = baclofen.stabilityDays * 86_400_000;
  if (s.duration > stable && !refilled)
    say(
      'duration',
      `a refill at least every ${baclofen.stabilityDays} days (the drug's stability) in an exercise this long`,
      `${Math.floor(s.duration / 86_400_000)} days with no refill`,
      'warning',
    );
  return out;
}
