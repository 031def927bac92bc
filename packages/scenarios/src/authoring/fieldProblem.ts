import type { Problem } from '../problem.ts';

/** One thing wrong with one field of an exercise, in plain clinical words, for the editor to show beside it. */
export interface FieldProblem {
  /** The field, dot-separated with list positions as numbers: `pump.reservoir.volumeMl`, `training.objectives.2.before`; empty for the whole exercise. */
  readonly path: string;
  /** What was expected and what was found, in words. */
  readonly message: string;
  /** `error`: the exercise cannot be saved so; `warning`: it can, but look again. */
  readonly severity: 'error' | 'warning';
}

/** A format path (`timeline[3].volumeMl`) as a field path (`timeline.3.volumeMl`). */
export const fieldPath = (path: string): string => path.replace(/\[(\d+)\]/g, '.$1').replace(/^\./, '');

/** What each field is, in the clinic's words (by its path with list positions written `*`). */
const FIELD_WORDS: Readonly<Record<string, string>> = {
  '': 'The exercise',
  format: 'The format',
  name: 'The title',
  seed: 'The seed',
  duration: 'How long the exercise runs',
  startsAt: 'The clock time at the start',
  pump: 'The pump',
  'pump.model': 'The pump model',
  'pump.ageAtStart': 'How long the pump has been implanted',
  'pump.accuracy': 'The pump’s accuracy',
  'pump.patientId': 'The patient’s name in the pump',
  'pump.reservoirDeadSpaceMl': 'The reservoir’s dead space (mL)',
  'pump.pumpTubingVolumeMl': 'The pump tubing volume (mL)',
  'pump.reservoir': 'The reservoir',
  'pump.reservoir.volumeMl': 'The reservoir volume (mL)',
  'pump.reservoir.drug': 'The drug',
  'pump.reservoir.concentrationMcgPerMl': 'The concentration (mcg/mL)',
  'pump.lowReservoirAlarmMl': 'The low-reservoir alarm (mL)',
  'pump.catheter': 'The catheter',
  'pump.catheter.implantedLengthCm': 'The catheter’s implanted length (cm)',
  'pump.catheter.volumeMlPerCm': 'The catheter’s volume per cm (mL)',
  'pump.catheter.tip': 'Where the catheter tip lies',
  'pump.catheter.primedWith': 'What the catheter is primed with',
  'pump.therapy': 'The programmed therapy',
  'pump.therapy.mode': 'The therapy mode',
  'pump.therapy.doseMcgPerDay': 'The daily dose (mcg/day)',
  'pump.therapy.steps': 'The flex steps',
  'pump.therapy.steps.*.start': 'The flex step’s start (HH:MM)',
  'pump.therapy.steps.*.doseMcgPerDay': 'The flex step’s daily dose (mcg/day)',
  patient: 'The patient',
  'patient.origin': 'The spasticity’s origin',
  'patient.variation': 'The patient’s variation',
  'patient.needMcgPerDay': 'The daily dose that controls the spasticity (mcg/day)',
  'patient.csfHalfLifeH': 'The half-life in the spinal fluid (hours)',
  'patient.baselineAshworth': 'The Ashworth score without baclofen',
  timeline: 'What happens',
  'timeline.*': 'This event',
  'timeline.*.at': 'When it happens',
  'timeline.*.until': 'When it ends',
  'timeline.*.volumeMl': 'The volume (mL)',
  'timeline.*.concentrationMcgPerMl': 'The concentration (mcg/mL)',
  'timeline.*.doseMcg': 'The bolus dose (mcg)',
  'timeline.*.therapy': 'The therapy programmed',
  'timeline.*.kind': 'The kind of fault',
  'timeline.*.bridgeBolus': 'The bridge bolus',
  'timeline.*.atCm': 'Where along the catheter (cm from the pump)',
  training: 'The exercise’s training part',
  'training.brief': 'The brief',
  'training.visitAt': 'When the trainee meets the patient',
  'training.phase': 'The phase',
  'training.lesson': 'The lesson',
  'training.objectives': 'The objectives',
  'training.objectives.*': 'This objective',
  'training.objectives.*.text': 'The objective in words',
  'training.objectives.*.points': 'The objective’s points',
  'training.objectives.*.event': 'What the trainee must do',
  'training.objectives.*.never': 'What must never happen',
  'training.objectives.*.atEnd': 'What must hold at the end',
  'training.objectives.*.after': 'The objective’s window opens',
  'training.objectives.*.before': 'The objective’s window closes',
  'training.objectives.*.detail': 'The detail that counts',
  'training.silentFault': 'The silent fault',
  'training.silentFault.at': 'When the silent fault begins',
  'training.silentFault.detectedBy': 'What detects the silent fault',
  'training.plan': 'The right plan',
  'training.plan.*': 'This step of the right plan',
  'training.plan.*.at': 'When the step is done',
  'training.plan.*.do': 'What the step does',
  'training.plan.*.therapy': 'The therapy the step programs',
  'training.plan.*.volumeMl': 'The volume (mL)',
  'training.plan.*.concentrationMcgPerMl': 'The concentration (mcg/mL)',
  'training.plan.*.concentrationMgPerMl': 'The concentration (mg/mL)',
  'training.plan.*.doseMcg': 'The dose (mcg)',
  'training.plan.*.model': 'The new pump’s model',
  'training.plan.*.catheter': 'The catheter (kept or new)',
  'training.plan.*.newCatheterLengthCm': 'The new catheter’s length (cm)',
  'training.plan.*.fill': 'The new pump’s fill',
  'training.plan.*.fill.volumeMl': 'The volume filled into the new pump (mL)',
  'training.plan.*.fill.concentrationMcgPerMl': 'The concentration filled into the new pump (mcg/mL)',
  'training.plan.*.priming': 'The priming bolus',
  'training.topic': 'The topic',
  'training.difficulty': 'The difficulty',
};

/** The field's name in words: its own, or its nearest enclosing field's. */
export function fieldWords(path: string): string {
  const parts = path === '' ? [] : path.split('.');
  for (let n = parts.length; n >= 0; n -= 1) {
    const key = parts
      .slice(0, n)
      .map((p) => (/^\d+$/.test(p) ? '*' : p))
      .join('.');
    const words = FIELD_WORDS[key];
    if (words !== undefined) return n === parts.length ? words : `${words} (${parts.slice(n).join('.')})`;
  }
  /* v8 ignore next -- @preserve the empty path is always in the table */
  return 'This field';
}

/** A format problem as a field problem: the field in words, what was expected, what was found. */
export function fieldProblemOf(problem: Problem, severity: FieldProblem['severity'] = 'error'): FieldProblem {
  const path = fieldPath(problem.path.startsWith('line ') ? '' : problem.path);
  return {
    path,
    message: `${fieldWords(path)}: expected ${problem.expected}; found ${problem.found.replace(/\.$/, '')}.`,
    severity,
  };
}

/** Keeps one problem per field, the first found, an error before a warning; in the order found. */
export function onePerField(problems: readonly FieldProblem[]): FieldProblem[] {
  const kept = new Map<string, FieldProblem>();
  for (const p of problems) {
    const had = kept.get(p.path);
    if (had === undefined || (had.severity === 'warning' && p.severity === 'error')) kept.set(p.path, p);
  }
  return problems.filter((p) => kept.get(p.path) === p);
}
