import { isDraftClear, type SessionContext } from '@itps/core';
import { useWorld } from '../../simulation/SimulationProvider.tsx';

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
  readonly context: SessionContext;
}) {
  const world = useWorld();
  return (
    <div className="buttons">
      {check !== null && <button type="submit">{check}</button>}
      <button
        type="button"
        disabled={!drafted || !isDraftClear(context)}
        onClick={() => world.act({ type: 'review.open' })}
      >
        Review changes
      </button>
      <button type="button" className="secondary" onClick={() => world.act({ type: 'workflow.cancel' })}>
        Cancel
      </button>
    </div>
  );
}
