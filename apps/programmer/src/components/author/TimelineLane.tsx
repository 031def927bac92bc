import { formatDuration } from '@itps/scenarios';
import { type PointerEvent, useRef } from 'react';
import type { TimelineMarker } from '../../authoring/timelineItems.ts';
import { fractionOf, instantAfterKey, instantAt } from '../../authoring/timelineScale.ts';
import { whenWords } from '../../format/exerciseTime.ts';
import { useDraft } from './DraftContext.tsx';

/** One event's lane: its name, and its marker to drag or move with the keys. */
export function TimelineLane({
  marker,
  span,
  at,
  until,
  onMove,
}: {
  readonly marker: TimelineMarker;
  readonly span: number;
  readonly at: number | null;
  readonly until: number | null;
  readonly onMove: (ms: number) => void;
}) {
  const { timeOfDayAtStart } = useDraft();
  const rail = useRef<HTMLDivElement>(null);
  const dragging = useRef(false);
  const ms = at ?? 0;
  const when = at === null ? 'not placed' : whenWords(formatDuration(ms), timeOfDayAtStart);
  const place = (e: PointerEvent<HTMLElement>) => {
    const box = rail.current?.getBoundingClientRect();
    if (box === undefined || box.width === 0) return;
    onMove(instantAt((e.clientX - box.left) / box.width, span));
  };
  return (
    <div className={`timeline-lane ${marker.kind}`}>
      <span className="lane-label">{marker.words}</span>
      <div className="lane-rail" ref={rail}>
        {until === null || at === null ? null : (
          <span
            className="lane-span"
            style={{
              left: `${fractionOf(ms, span) * 100}%`,
              width: `${(fractionOf(until, span) - fractionOf(ms, span)) * 100}%`,
            }}
          />
        )}
        <div
          role="slider"
          tabIndex={0}
          className="marker"
          aria-label={`${marker.words}: when`}
          aria-valuemin={0}
          aria-valuemax={Math.round(span / 3_600_000)}
          aria-valuenow={Math.round(ms / 3_600_000)}
          aria-valuetext={when}
          title={`${marker.words}: ${when}. Drag, or use the arrow keys (Shift: a day).`}
          style={{ left: `${fractionOf(ms, span) * 100}%` }}
          onPointerDown={(e) => {
            dragging.current = true;
            e.currentTarget.setPointerCapture(e.pointerId);
          }}
          onPointerMove={(e) => {
            if (dragging.current) place(e);
          }}
          onPointerUp={(e) => {
            if (dragging.current) place(e);
            dragging.current = false;
          }}
          onKeyDown={(e) => {
            const next = instantAfterKey(e.key, e.shiftKey, ms, span);
            if (next === null) return;
            e.preventDefault();
            onMove(next);
          }}
        >
          <span className="marker-when">{when}</span>
        </div>
      </div>
    </div>
  );
}
