import type { ProgrammerView } from '@itps/core';
import { useId } from 'react';
import { useProgrammerAct } from '../../simulation/useProgrammerAct.ts';

/**
 * "Review changes": opens the finish screen once a draft exists and every finding is passed. While it
 * cannot, it says why beside it (what to do first, or what the pump would refuse).
 */
export function ReviewButton({
  context,
  notYet,
}: {
  readonly context: ProgrammerView;
  /** What the screen still needs before there is anything to review; null once its draft exists. */
  readonly notYet: string | null;
}) {
  const act = useProgrammerAct();
  const id = useId();
  const reasons = notYet !== null ? [notYet] : context.reviewBlockedBy;
  const blocked = reasons.length > 0;
  return (
    <>
      <button
        type="button"
        disabled={blocked}
        aria-describedby={blocked ? id : undefined}
        onClick={() => act({ type: 'review.open' })}
      >
        Review changes
      </button>
      {blocked && (
        <div id={id} className="why" data-testid="review-blocked">
          {reasons.map((r) => (
            <p key={r}>{r}</p>
          ))}
        </div>
      )}
    </>
  );
}
