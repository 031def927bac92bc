import { shortEventWords } from '@itps/scenarios';
import type { SentCourse } from '../../authoring/previewMessages.ts';
import {
  BREATHING_STAGE_KINDS,
  PAIN_STAGE_KINDS,
  SPASTICITY_STAGE_KINDS,
  stageLabel,
  stageSegments,
} from '../../authoring/stageSegments.ts';
import { atWords } from '../../format/exerciseTime.ts';

const capital = (words: string) => words.charAt(0).toUpperCase() + words.slice(1);

/** Events of a course worth an educator's eye: alarms, the patient's stages, refills, programs, a stop. */
const TOLD = /^(alarm\.|patient\.|pump\.stopped|refill\.|program\.)/;

/** What happened in a course, in words: the patient's stages, the events, plan steps refused, what was missed. */
export function CourseStory({
  course,
  timeOfDayAtStart,
}: {
  readonly course: SentCourse;
  readonly timeOfDayAtStart: number;
}) {
  const stages = stageSegments(course.samples, [
    ...SPASTICITY_STAGE_KINDS,
    ...BREATHING_STAGE_KINDS,
    ...PAIN_STAGE_KINDS,
  ]);
  const events = course.events.filter((e) => TOLD.test(e.type));
  const when = (at: number) => atWords(at, timeOfDayAtStart);
  return (
    <>
      {stages.length === 0 ? null : (
        <p className="muted">
          {stages
            .slice(0, 3)
            .map((s) => `${capital(stageLabel(s))} from ${when(s.from)}`)
            .join('; ')}
        </p>
      )}
      {events.length === 0 ? (
        <p className="muted">No alarm, refill or change of the patient's stage.</p>
      ) : (
        <details>
          <summary>What happened ({events.length})</summary>
          <ul className="preview-events">
            {events.slice(0, 12).map((e) => (
              <li key={`${e.at}-${e.type}`}>
                {when(e.at)}: {shortEventWords(e.type)}
              </li>
            ))}
          </ul>
        </details>
      )}
      {course.refused.length === 0 ? null : (
        <div className="problems" role="alert">
          {course.refused.map((r) => (
            <p key={r.index} className="error">
              Step {r.index + 1} of the right plan was refused at {when(r.at)}: {r.reason}
            </p>
          ))}
        </div>
      )}
      {course.score.missed.length === 0 ? null : (
        <>
          <h4>Missed</h4>
          <ul className="missed">
            {course.score.missed.slice(0, 4).map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
