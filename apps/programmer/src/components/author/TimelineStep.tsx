import { getAt } from '../../authoring/draftPath.ts';
import { timelineMarkers } from '../../authoring/timelineItems.ts';
import { useDraft } from './DraftContext.tsx';
import { MoveToVisitButton } from './MoveToVisitButton.tsx';
import { TimelineAdd } from './TimelineAdd.tsx';
import { TimelineItem } from './TimelineItem.tsx';
import { TimelineTrack } from './TimelineTrack.tsx';
import { WhenField } from './WhenField.tsx';

/**
 * Step 4: what happens and when: the faults and the colleagues' actions the trainee does not see,
 * the trainee's visit and the end, on a timeline to drag, each also typed as a day and a clock time.
 */
export function TimelineStep() {
  const { doc } = useDraft();
  const markers = timelineMarkers(doc);
  const timeline = getAt(doc, 'timeline');
  const count = Array.isArray(timeline) ? timeline.length : 0;
  return (
    <>
      <p className="muted">
        Everything here is hidden from the trainee: they meet the patient at the visit and find the rest from the
        patient and the pump. Drag a marker along its line, or focus it and use the arrow keys (an hour; Shift or Page
        Up and Down: a day).
      </p>
      <TimelineTrack markers={markers} />
      <div className="when-pair">
        <WhenField
          path="training.visitAt"
          label="The trainee arrives (the visit)"
          hint="The simulation runs unseen up to here."
        />
        <WhenField
          path="duration"
          label="The exercise ends"
          hint="After the trainee finishes, the story runs on to here before it is scored."
        />
      </div>
      <MoveToVisitButton />
      <h3>Events</h3>
      {count === 0 ? <p className="muted">Nothing happens unseen yet: add a fault or a colleague's action.</p> : null}
      <ol className="timeline-items">
        {Array.from({ length: count }, (_, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: an event is its place on the timeline
          <TimelineItem key={i} index={i} />
        ))}
      </ol>
      <TimelineAdd count={count} />
    </>
  );
}
