import { getAt } from '../../authoring/draftPath.ts';
import { PLAN_STEP_WORDS } from '../../authoring/exerciseWords.ts';
import { useDraft } from './DraftContext.tsx';
import { MoveToVisitButton } from './MoveToVisitButton.tsx';
import { PlanStepRow } from './PlanStepRow.tsx';

/** The right plan: what a good clinician does, step by step from the visit; the preview follows it. */
export function PlanEditor() {
  const { doc, set } = useDraft();
  const plan = getAt(doc, 'training.plan');
  const count = Array.isArray(plan) ? plan.length : 0;
  const visit = getAt(doc, 'training.visitAt');
  return (
    <section className="plan" aria-labelledby="plan-title">
      <h3 id="plan-title">The right plan</h3>
      <p className="muted">
        What a good clinician does, step by step from the visit. The preview follows it to show the score it earns; it
        should pass.
      </p>
      <MoveToVisitButton />
      <ol className="plan-steps">
        {Array.from({ length: count }, (_, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a step is its place in the plan
          <PlanStepRow key={i} index={i} />
        ))}
      </ol>
      <label className="add-step">
        Add a step{' '}
        <select
          value=""
          onChange={(e) => {
            if (e.target.value !== '')
              set(`training.plan.${count}`, { at: typeof visit === 'string' ? visit : 'P0D', do: e.target.value });
          }}
        >
          <option value="">choose…</option>
          {PLAN_STEP_WORDS.map(([v, words]) => (
            <option key={v} value={v}>
              {words}
            </option>
          ))}
        </select>
      </label>
    </section>
  );
}
