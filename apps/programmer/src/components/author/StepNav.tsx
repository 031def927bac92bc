import { EDITOR_STEPS, type EditorStep, stepOf } from '../../authoring/editorSteps.ts';
import type { FieldProblem } from '../../authoring/exerciseChecks.ts';
import { hrefOf } from '../../simulation/useRoute.ts';

/** The editor's steps as tabs, each with the count of its errors. */
export function StepNav({
  current,
  problems,
}: {
  readonly current: EditorStep;
  readonly problems: readonly FieldProblem[];
}) {
  return (
    <nav className="wizard-steps author-steps" aria-label="Steps of the exercise">
      {EDITOR_STEPS.map((s, i) => {
        const errors = problems.filter((p) => p.severity === 'error' && stepOf(p.path) === s.id).length;
        return (
          <a
            key={s.id}
            href={hrefOf('author', s.id)}
            className={`wizard-step${s.id === current ? ' current' : ''}`}
            aria-current={s.id === current ? 'step' : undefined}
          >
            <span className="step-number">{i + 1}</span> {s.title}
            {errors === 0 ? null : <span className="step-errors"> ({errors} to mend)</span>}
          </a>
        );
      })}
    </nav>
  );
}
