import type { PreviewState } from '../../authoring/usePreview.ts';

/** The two courses' scores in one line under the editor's bar, with the way to the preview itself. */
export function PreviewSummary({ state }: { readonly state: PreviewState }) {
  const { answer } = state;
  if (answer === null || !answer.ok) return null;
  const { idle, plan } = answer.preview;
  const words = (c: { score: { scorePercent: number; passed: boolean } }) =>
    `${c.score.scorePercent} % (${c.score.passed ? 'passed' : 'not passed'})`;
  return (
    <p className="preview-summary" data-testid="preview-summary">
      Preview{state.running ? ' (running…)' : ''}: doing nothing scores {words(idle)}
      {plan === null ? '; no right plan yet' : `; the right plan scores ${words(plan)}`}.{' '}
      <button
        type="button"
        className="link"
        onClick={() => document.getElementById('preview-title')?.scrollIntoView({ block: 'start' })}
      >
        See both courses
      </button>
    </p>
  );
}
