import type { ReactNode } from 'react';
import { fieldId } from '../../authoring/editorSteps.ts';
import { useDraft } from './DraftContext.tsx';

/**
 * A field of the exercise: its label, the control, a hint in plain words, and the problems the
 * checks found at its path, beside it.
 */
export function FieldFrame({
  path,
  label,
  hint,
  children,
}: {
  readonly path: string;
  readonly label: string;
  readonly hint?: string | undefined;
  readonly children: (ids: { id: string; describedBy: string; invalid: boolean }) => ReactNode;
}) {
  const problems = useDraft().problemsAt(path);
  const id = fieldId(path);
  const invalid = problems.some((p) => p.severity === 'error');
  return (
    <div className={`field author-field${invalid ? ' invalid' : ''}`} data-path={path}>
      <label htmlFor={id}>{label}</label>
      {children({ id, describedBy: `${id}-note`, invalid })}
      <div id={`${id}-note`} aria-live="polite">
        {hint === undefined ? null : <p className="muted hint">{hint}</p>}
        {problems.map((p) => (
          <p key={p.message} className={p.severity === 'error' ? 'error' : 'warning'} data-testid="field-problem">
            {p.message}
          </p>
        ))}
      </div>
    </div>
  );
}
