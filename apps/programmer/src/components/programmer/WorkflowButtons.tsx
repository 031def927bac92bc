import type { ProgrammerView } from '@itps/core';
import { useProgrammerAct } from '../../simulation/useProgrammerAct.ts';

/**
 * The foot of every workflow screen: the screen's own check (a submit button, when it has one),
 * "Review changes" (only once a draft exists and every finding is passed) and "Cancel".
 */
export function WorkflowButtons({
  check,
  drafted,
  context,
}: {
  /** The label of the form's submit button, or null when the screen has none. */
  readonly check: string | null;
  /** Whether this screen's draft exists yet. */
  readonly drafted: boolean;
  readonly context: ProgrammerView;
}) {
  const act = useProgrammerAct();
  return (
    <div className="buttons">
      {check !== null && <button type="submit">{check}</button>}
      <button type="button" disabled={!drafted || !context.reviewable} onClick={() => act({ type: 'review.open' })}>
        Review changes
      </button>
      <button type="button" className="secondary" onClick={() => act({ type: 'workflow.cancel' })}>
        Cancel
      </button>
    </div>
  );
}
