import { baclofen, getDeviceProfile, OVERDOSE_STAGES, WITHDRAWAL_STAGES } from '@itps/core';
import { formatDuration } from '../duration.ts';
import type { ScenarioFile } from '../scenarioSchema.ts';
import { PASS_PERCENT, trainingOf } from '../training/scoreTraining.ts';
import { CLINICAL_ACTIONS, PROGRAMMER_ACTIONS, SCREENING_ACTIONS } from '../training/traineeActions.ts';
import { bestScore } from './bestScore.ts';
import { type FieldProblem, fieldWords } from './fieldProblem.ts';
import { type PreviewCourse, previewExercise } from './previewExercise.ts';

/** Pump log events a trainee's own programmer or visit can cause, with an implanted pump. */
const TRAINEE_PUMP_EVENTS = [
  'pump.interrogated',
  'pump.stopped',
  'pump.started',
  'program.committed',
  'refill.recorded',
  'bolus.started',
  'bolus.completed',
  'bolus.cancelled',
  'update.begun',
  'alarm.thresholdChanged',
  'alarm.lowReservoir.raised',
  'alarm.lowReservoir.cleared',
  'alarm.reservoirEmpty.cleared',
];

/** Events and actions the trainee can make happen in this phase, whatever the story does. */
function traineeCan(screening: boolean): Set<string> {
  return new Set(
    screening
      ? [...Object.keys(CLINICAL_ACTIONS), ...Object.keys(SCREENING_ACTIONS)]
      : [...Object.keys(CLINICAL_ACTIONS), ...PROGRAMMER_ACTIONS, ...TRAINEE_PUMP_EVENTS],
  );
}

/** What values an observable can take at the end of a run: a list, or a range of numbers. */
function reachable(s: ScenarioFile, key: string): readonly string[] | { min: number; max: number } | null {
  const capacity = getDeviceProfile(s.pump.model).capacity / 1_000_000;
  if (key.startsWith('alarm.')) return ['active', 'inactive'];
  switch (key) {
    case 'pump.state':
      return ['running', 'stopped', 'stalled', 'endOfService', 'error'];
    case 'pump.mode':
      return ['simple', 'flex', 'minimum', 'stopped', 'bolus'];
    case 'patient.withdrawal':
      return WITHDRAWAL_STAGES;
    case 'patient.overdose':
      return OVERDOSE_STAGES;
    case 'truth.tip':
      return ['intrathecal', 'subdural', 'epidural', 'subcutaneous'];
    case 'pump.reservoirMl':
    case 'truth.reservoirMl':
      return { min: 0, max: capacity };
    case 'pump.doseMcgPerDay':
      return { min: 0, max: baclofen.hardMaxDose / 1_000_000 };
    case 'patient.ashworth':
    case 'patient.ashworthGrade':
      return { min: 0, max: 4 };
    case 'patient.relativeEffect':
      return { min: 0, max: Number.POSITIVE_INFINITY };
    default:
      return key.startsWith('truth.') && key !== 'truth.tip' ? { min: 0, max: Number.POSITIVE_INFINITY } : null;
  }
}

/** Whether an `atEnd` value can be met by some value an observable can take. */
function canMeet(domain: ReturnType<typeof reachable>, value: unknown): boolean {
  if (domain === null) return true;
  if (Array.isArray(domain)) return typeof value === 'string' && domain.includes(value);
  const range = domain as { min: number; max: number };
  if (typeof value === 'number') return value >= range.min && value <= range.max;
  if (typeof value === 'string') return false;
  const v = value as { near?: number; within?: number; min?: number; max?: number };
  const lo = v.near !== undefined ? v.near - (v.within ?? 0) : (v.min ?? Number.NEGATIVE_INFINITY);
  const hi = v.near !== undefined ? v.near + (v.within ?? 0) : (v.max ?? Number.POSITIVE_INFINITY);
  return lo <= hi && hi >= range.min && lo <= range.max;
}

const iso = (ms: number): string => formatDuration(ms);

/**
 * What makes an exercise impossible to pass, each at its field: an objective no action can meet (an
 * event nothing in this exercise produces, a window that closes before the visit or opens after the
 * end, an `atEnd` value no run can reach, something that must never happen but already has before
 * the trainee arrives), a fault, an event, the silent fault or the visit after the end, points that
 * sum to zero; and, as warnings, an exercise a trainee who does nothing passes and a right plan that
 * does not score full marks. Runs the exercise headless (the idle course, and the plan's when it
 * has one) unless `preview` already holds them. Pure.
 */
export function unpassableProblems(
  s: ScenarioFile,
  options: { readonly seed?: number; readonly preview?: { idle: PreviewCourse; plan: PreviewCourse | null } } = {},
): FieldProblem[] {
  const out: FieldProblem[] = [];
  const say = (path: string, expected: string, found: string, severity: FieldProblem['severity'] = 'error'): void => {
    out.push({ path, message: `${fieldWords(path)}: expected ${expected}; found ${found}.`, severity });
  };
  const training = trainingOf(s);
  const end = s.duration;
  const visit = training.visitAt ?? 0;
  const screening = training.phase === 'screening';
  if (visit >= end) say('training.visitAt', `a visit before the end of the exercise (${iso(end)})`, iso(visit));
  (s.timeline ?? []).forEach((a, i) => {
    if (a.at > end) say(`timeline.${i}.at`, `a time within the exercise (${iso(end)})`, iso(a.at));
  });
  if (training.silentFault !== undefined && training.silentFault.at > end)
    say('training.silentFault.at', `a time within the exercise (${iso(end)})`, iso(training.silentFault.at));
  const preview = options.preview ?? previewExercise(s, options.seed === undefined ? {} : { seed: options.seed });
  const idle = preview.idle;
  const before = idle.events.filter((e) => e.at < visit);
  const produced = new Set([
    ...traineeCan(screening),
    ...idle.events.map((e) => e.type),
    ...(preview.plan?.events.map((e) => e.type) ?? []),
    ...(s.patient === undefined
      ? []
      : [...WITHDRAWAL_STAGES, ...OVERDOSE_STAGES].flatMap((st) => [
          `patient.withdrawal.${st}`,
          `patient.overdose.${st}`,
        ])),
  ]);
  let points = 0;
  training.objectives.forEach((o, i) => {
    const path = `training.objectives.${i}`;
    points += o.points ?? 10;
    if ('event' in o) {
      if (!produced.has(o.event))
        say(
          `${path}.event`,
          screening
            ? 'something a trainee can do in a screening trial, or that happens in this exercise'
            : 'something a trainee can do, or that happens in this exercise',
          `${JSON.stringify(o.event)}, which nothing in this exercise produces`,
        );
      const from = o.after ?? 0;
      if (o.after !== undefined && o.after > end)
        say(`${path}.after`, `a window that opens before the end (${iso(end)})`, iso(o.after));
      if (o.before !== undefined && o.before < from)
        say(`${path}.before`, `a window that closes after it opens (${iso(from)})`, iso(o.before));
      else if (o.before !== undefined && o.before < visit) {
        // before the visit every run is the idle one: only what the story itself does can meet it
        const met = before.some((e) => e.type === o.event && e.at >= from && e.at <= (o.before ?? 0));
        if (!met)
          say(`${path}.before`, `a window that closes after the trainee arrives (${iso(visit)})`, iso(o.before));
      }
    } else if ('never' in o) {
      const already = before.find((e) => e.type === o.never);
      if (already !== undefined)
        say(
          `${path}.never`,
          'something that has not already happened when the trainee arrives',
          `${JSON.stringify(o.never)} at ${iso(already.at)}, before the visit at ${iso(visit)}`,
        );
    } else {
      for (const [key, value] of Object.entries(o.atEnd)) {
        if (screening && key === 'pump.state' && value !== 'stopped')
          say(`${path}.atEnd.${key}`, 'stopped: no pump runs in a screening trial', JSON.stringify(value));
        else if (!canMeet(reachable(s, key), value))
          say(`${path}.atEnd.${key}`, `a value the run can reach`, JSON.stringify(value));
      }
    }
  });
  if (points + (training.silentFault === undefined ? 0 : 20) <= 0)
    say('training.objectives', 'points to earn', 'points that sum to zero');
  if (idle.score.passed)
    say(
      'training.objectives',
      `objectives a trainee who does nothing fails (below ${PASS_PERCENT} %)`,
      `a pass at ${idle.score.scorePercent} % with nothing done`,
      'warning',
    );
  const plan = preview.plan;
  if (plan !== null) {
    for (const r of plan.refused)
      say(`training.plan.${r.index}`, 'a step the pump and patient accept', r.reason, 'warning');
    const short = plan.score.items.filter(
      (item) => item.points < 0 || (item.points < item.max && item.kind !== 'detection'),
    );
    const { best } = bestScore(s);
    if (plan.score.earned < best && short.length === 0)
      say(
        'training.plan',
        `a right plan that detects the silent fault as soon as the trainee can (${best} points in all)`,
        `${plan.score.earned} points`,
        'warning',
      );
    if (short.length > 0)
      say(
        'training.plan',
        'a right plan that meets every objective with no penalty',
        short.map((item) => `${item.text}: ${item.explanation}`).join('; '),
        'warning',
      );
  }
  return out;
}
