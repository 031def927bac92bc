import type { ProgrammerView } from '@itps/core';
import { useProgrammerAct } from '../../simulation/useProgrammerAct.ts';
import { ReviewButton } from './ReviewButton.tsx';

/**
 * The foot of every workflow screen: the screen's own check (a submit button, when it has one),
 * "Review changes" (only once a draft exists and every finding is passed) and "Cancel".
 */
export function WorkflowButtons({
  check,
  drafted,
  context,
  edited = false,
  notYet = check === null ? 'Enter the change first.' : `Enter the values and press ${check} first.`,
}: {
  /** The label of the form's submit button, or null when the screen has none. */
  readonly check: string | null;
  /** Whether this screen's draft exists yet. */
  readonly drafted: boolean;
  /** What to do before there is a draft, said beside the disabled review button. */
  readonly notYet?: string;
  /** Whether the fields were edited after the draft was checked: the check no longer holds. */
  readonly edited?: boolean;
  readonly context: ProgrammerView;
}) {
  const act = useProgrammerAct();
  return (
    <div className="buttons">
      {check !== null && <button type="submit">{check}</button>}
      <ReviewButton
        context={context}
        notYet={
          !drafted
            ? notYet
            : edited
              ? `Changed since it was checked: press ${check ?? 'the check'} again before the review.`
              : null
        }
      />
      <button type="button" className="secondary" onClick={() => act({ type: 'workflow.cancel' })}>
        Cancel
      </button>
    </div>
  );
}
