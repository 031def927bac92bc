import { alarmWords, shortEventWords } from '@itps/scenarios';
import { xOf } from '../../authoring/chartGeometry.ts';
import type { SentCourse } from '../../authoring/previewMessages.ts';
import { stageSegments } from '../../authoring/stageSegments.ts';
import { atWords } from '../../format/exerciseTime.ts';
import { MiniChart } from './MiniChart.tsx';

/** The scales both courses share, so they compare at a glance. */
export interface CourseScales {
  readonly xMax: number;
  readonly reservoirMax: number;
  readonly doseMax: number;
  readonly visitAt: number;
  readonly timeOfDayAtStart: number;
}

const one = (n: number | null | undefined) => (n === null || n === undefined ? 'not known' : n.toFixed(1));

/** One preview course: the score it earns, the reservoir, the dose at the tip, the patient, the alarms. */
export function PreviewCourseView({
  title,
  course,
  scales,
  testId,
}: {
  readonly title: string;
  readonly course: SentCourse;
  readonly scales: CourseScales;
  readonly testId: string;
}) {
  const { samples, score } = course;
  const last = samples[samples.length - 1];
  const common = { xMax: scales.xMax, visitAt: scales.visitAt };
  const stages = stageSegments(samples);
  const events = course.events.filter((e) => /^(alarm\.|patient\.|pump\.stopped|refill\.|program\.)/.test(e.type));
  return (
    <section className="preview-course" data-testid={testId} aria-label={title}>
      <h3>{title}</h3>
      <p className={`preview-score ${score.passed ? 'pass' : 'fail'}`} data-testid={`${testId}-score`}>
        Score {score.scorePercent} %, {score.passed ? 'passed' : 'not passed'}
      </p>
      <MiniChart
        title="Reservoir"
        unit="mL"
        yMax={scales.reservoirMax}
        {...common}
        summary={`at the end really ${one(last?.truthReservoirMl)} mL; the pump counts ${one(last?.beliefReservoirMl)} mL`}
        lines={[
          { label: 'really in it', look: 'real', points: samples.map((s) => ({ x: s.at, y: s.truthReservoirMl })) },
          { label: 'the pump counts', look: 'set', points: samples.map((s) => ({ x: s.at, y: s.beliefReservoirMl })) },
        ]}
      />
      <MiniChart
        title="Dose at the catheter tip"
        unit="mcg/day"
        yMax={scales.doseMax}
        {...common}
        summary={`at the end ${one(last?.tipMcgPerDay)} mcg/day reaches the spinal fluid; the pump is set to ${one(last?.programmedMcgPerDay)}`}
        lines={[
          { label: 'reaching the patient', look: 'real', points: samples.map((s) => ({ x: s.at, y: s.tipMcgPerDay })) },
          { label: 'programmed', look: 'set', points: samples.map((s) => ({ x: s.at, y: s.programmedMcgPerDay })) },
        ]}
      />
      <MiniChart
        title="The patient: muscle tone"
        unit="Ashworth"
        yMin={0}
        yMax={5}
        {...common}
        summary={
          stages.length === 0
            ? 'no withdrawal or overdose'
            : stages.map((s) => `${s.kind} ${s.stage} from ${atWords(s.from, scales.timeOfDayAtStart)}`).join('; ')
        }
        lines={[
          {
            label: 'Ashworth',
            look: 'patient',
            points: samples.map((s) => ({ x: s.at, y: s.patient?.ashworth ?? null })),
          },
        ]}
      >
        {(box) =>
          stages.map((s) => (
            <rect
              key={`${s.kind}-${s.from}`}
              className={`stage ${s.kind}-${s.stage}`}
              x={xOf(s.from, box)}
              y={0}
              width={Math.max(1, xOf(s.to, box) - xOf(s.from, box))}
              height={box.height}
            >
              <title>{`${s.kind}: ${s.stage}`}</title>
            </rect>
          ))
        }
      </MiniChart>
      <div className="alarm-strip" data-testid={`${testId}-alarms`}>
        <strong>Alarms: </strong>
        {course.alarms.length === 0
          ? 'none'
          : course.alarms
              .map(
                (a) =>
                  `${alarmWords(a.alarm)} from ${atWords(a.from, scales.timeOfDayAtStart)}${a.to === null ? ' to the end' : ` to ${atWords(a.to, scales.timeOfDayAtStart)}`}`,
              )
              .join('; ')}
      </div>
      {stages.length === 0 ? null : (
        <p className="muted">
          {stages
            .slice(0, 3)
            .map(
              (s) =>
                `${s.kind === 'withdrawal' ? 'Withdrawal' : 'Overdose'} (${s.stage}) from ${atWords(s.from, scales.timeOfDayAtStart)}`,
            )
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
                {atWords(e.at, scales.timeOfDayAtStart)}: {shortEventWords(e.type)}
              </li>
            ))}
          </ul>
        </details>
      )}
      {course.refused.length === 0 ? null : (
        <div className="problems" role="alert">
          {course.refused.map((r) => (
            <p key={r.index} className="error">
              Step {r.index + 1} of the right plan was refused at {atWords(r.at, scales.timeOfDayAtStart)}: {r.reason}
            </p>
          ))}
        </div>
      )}
      {score.missed.length === 0 ? null : (
        <>
          <h4>Missed</h4>
          <ul className="missed">
            {score.missed.slice(0, 4).map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
