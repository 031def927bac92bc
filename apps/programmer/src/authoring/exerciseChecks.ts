import { checkExerciseFields, type FieldProblem } from '@itps/scenarios';
import { samePath } from './draftPath.ts';
import { orderedTimeline } from './orderedTimeline.ts';

export type { FieldProblem };

/**
 * The exercise's field problems as it is typed (the format's schema and checks, the drug library),
 * at the paths of the fields being edited (the checks see the timeline in time order).
 */
export function fieldProblems(doc: Readonly<Record<string, unknown>>): FieldProblem[] {
  const { doc: ordered, editingPath } = orderedTimeline(doc);
  return checkExerciseFields(ordered).map((p) => ({ ...p, path: editingPath(p.path) }));
}

/** The problems at one path, among those found. */
export const problemsAt = (problems: readonly FieldProblem[], path: string): FieldProblem[] => {
  const at = samePath(path);
  return problems.filter((p) => samePath(p.path) === at);
};

/** Why the exercise may not be saved (an error anywhere; warnings may stay), or null. */
export function saveRefusal(problems: readonly FieldProblem[]): string | null {
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length === 0) return null;
  const first = errors[0]?.message ?? '';
  return errors.length === 1
    ? `Not saved: one problem to mend first. ${first}`
    : `Not saved: ${errors.length} problems to mend first. The first: ${first}`;
}
