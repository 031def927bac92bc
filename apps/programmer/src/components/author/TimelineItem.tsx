import { getAt } from '../../authoring/draftPath.ts';
import { actionWords } from '../../authoring/timelineItems.ts';
import { useDraft } from './DraftContext.tsx';
import { FaultDetails } from './FaultDetails.tsx';
import { NumberField } from './NumberField.tsx';
import { RefillDetails } from './RefillDetails.tsx';
import { TherapyEditor } from './TherapyEditor.tsx';
import { WhenField } from './WhenField.tsx';

/** One event of the timeline: when, what, and the details its kind takes. */
export function TimelineItem({ index }: { readonly index: number }) {
  const { doc, set } = useDraft();
  const path = `timeline.${index}`;
  const action = (getAt(doc, path) ?? {}) as Record<string, unknown>;
  const { words } = actionWords(action);
  return (
    <li className="timeline-item" data-testid={`event-${index}`}>
      <div className="item-head">
        <strong>{words}</strong>
        <button type="button" className="secondary" onClick={() => set(path, undefined)}>
          Remove
        </button>
      </div>
      <WhenField path={`${path}.at`} label={`${words}: when`} />
      {action.action === 'fault' ? <FaultDetails path={path} kind={String(action.kind)} /> : null}
      {action.action === 'refill' ? <RefillDetails path={path} /> : null}
      {action.action === 'program' ? <TherapyEditor path={`${path}.therapy`} /> : null}
      {action.action === 'mri' ? <NumberField path={`${path}.fieldT`} label="Field strength" unit="T" /> : null}
    </li>
  );
}
