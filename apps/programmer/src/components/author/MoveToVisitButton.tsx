import { formatDuration } from '@itps/scenarios';
import { moveToVisit } from '../../authoring/moveToVisit.ts';
import { spanWords } from '../../format/exerciseTime.ts';
import { useDraft } from './DraftContext.tsx';

/**
 * Once the visit has moved: moves the right plan to start at the visit again, and the objectives'
 * windows by the same time, in one press.
 */
export function MoveToVisitButton() {
  const { doc, set } = useDraft();
  const moved = moveToVisit(doc);
  if (moved === null) return null;
  const by = `${spanWords(formatDuration(Math.abs(moved.byMs)))} ${moved.byMs > 0 ? 'later' : 'earlier'}`;
  return (
    <p className="move-to-visit">
      The right plan does not start at the visit.{' '}
      <button type="button" className="secondary" onClick={() => set('', moved.doc)}>
        Move the right plan and the objectives' windows with the visit ({by})
      </button>
    </p>
  );
}
