import { MS_PER_DAY } from '@itps/core';
import { formatDuration, parseDuration } from '@itps/scenarios';
import { getAt } from '../../authoring/draftPath.ts';
import type { TimelineMarker } from '../../authoring/timelineItems.ts';
import { dayTicks, fractionOf, spanOf } from '../../authoring/timelineScale.ts';
import { useDraft } from './DraftContext.tsx';
import { TimelineLane } from './TimelineLane.tsx';

const msOf = (value: unknown): number | null => (typeof value === 'string' ? parseDuration(value) : null);

/**
 * The exercise's timeline, one lane per event: drag a marker along its lane (it snaps to the hour),
 * or focus it and use the arrow keys (an hour; a day with Shift or Page Up and Down).
 */
export function TimelineTrack({ markers }: { readonly markers: readonly TimelineMarker[] }) {
  const { doc, set } = useDraft();
  const duration = msOf(getAt(doc, 'duration'));
  const instants = markers.map((m) => msOf(getAt(doc, m.atPath))).filter((ms): ms is number => ms !== null);
  const span = spanOf(duration, instants);
  const ticks = dayTicks(span);
  return (
    <div className="timeline-track" data-testid="timeline-track">
      <div className="timeline-axis" aria-hidden="true">
        <span className="lane-label" />
        <div className="lane-rail">
          {ticks
            .filter((d) => duration === null || Math.abs(d * MS_PER_DAY - duration) / span > 0.06)
            .map((d) => (
              <span key={d} className="tick" style={{ left: `${fractionOf(d * MS_PER_DAY, span) * 100}%` }}>
                day {d}
              </span>
            ))}
          {duration === null ? null : (
            <span className="tick end" style={{ left: `${fractionOf(duration, span) * 100}%` }}>
              end
            </span>
          )}
        </div>
      </div>
      {markers.map((m) => (
        <TimelineLane
          key={m.atPath}
          marker={m}
          span={span}
          at={msOf(getAt(doc, m.atPath))}
          until={m.untilPath === null ? null : msOf(getAt(doc, m.untilPath))}
          onMove={(ms) => set(m.atPath, formatDuration(ms))}
        />
      ))}
    </div>
  );
}
