import { fieldId, stepOf } from '../../authoring/editorSteps.ts';
import type { FieldProblem } from '../../authoring/exerciseChecks.ts';
import { problemPlace } from '../../authoring/problemWords.ts';
import { hrefOf } from '../../simulation/useRoute.ts';

/** Goes to a field: its step's page, then the field itself, focused. */
export function goToField(path: string): void {
  location.hash = hrefOf('author', stepOf(path));
  // the step's page renders on the hash change; focus the field once it is there
  requestAnimationFrame(() =>
    requestAnimationFrame(() => {
      const el = document.getElementById(fieldId(path));
      el?.scrollIntoView({ block: 'center' });
      el?.focus();
    }),
  );
}

/**
 * At the top of the editor: what makes the exercise impossible to pass, and how many fields still
 * have errors, each a link to its field.
 */
export function ProblemSummary({
  unpassable,
  fields,
}: {
  readonly unpassable: readonly FieldProblem[];
  readonly fields: readonly FieldProblem[];
}) {
  const errors = fields.filter((p) => p.severity === 'error');
  if (unpassable.length === 0 && errors.length === 0) return null;
  return (
    <section className="panel problem-summary" aria-labelledby="problems-title" data-testid="problem-summary">
      <h2 id="problems-title">
        {unpassable.some((p) => p.severity === 'error')
          ? 'This exercise cannot be passed as it stands'
          : errors.length > 0
            ? 'To mend before saving'
            : 'Worth a second look'}
      </h2>
      <ul>
        {[...unpassable, ...errors].map((p) => (
          <li key={`${p.path}:${p.message}`} className={p.severity}>
            <button type="button" className="link" onClick={() => goToField(p.path)}>
              {problemPlace(p.path) === null ? p.message : `${problemPlace(p.path)}: ${p.message}`}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
