import { alarmWords } from '@itps/scenarios';
import type { SentCourse } from '../../authoring/previewMessages.ts';
import { atWords } from '../../format/exerciseTime.ts';

/** A course's alarms, each from when it sounded to when it was cleared (or the end). */
export function CourseAlarms({
  course,
  timeOfDayAtStart,
  testId,
}: {
  readonly course: SentCourse;
  readonly timeOfDayAtStart: number;
  readonly testId: string;
}) {
  return (
    <div className="alarm-strip" data-testid={testId}>
      <strong>Alarms: </strong>
      {course.alarms.length === 0
        ? 'none'
        : course.alarms
            .map(
              (a) =>
                `${alarmWords(a.alarm)} from ${atWords(a.from, timeOfDayAtStart)}${a.to === null ? ' to the end' : ` to ${atWords(a.to, timeOfDayAtStart)}`}`,
            )
            .join('; ')}
    </div>
  );
}
