import { xOf } from '../../authoring/chartGeometry.ts';
import type { SentCourse } from '../../authoring/previewMessages.ts';
import { stageSegments } from '../../authoring/stageSegments.ts';
import { atWords } from '../../format/exerciseTime.ts';
import { CourseAlarms } from './CourseAlarms.tsx';
import { CourseStory } from './CourseStory.tsx';
import { MiniChart } from './MiniChart.tsx';

/** The scales both courses share, so they compare at a glance. */
export interface CourseScales {
  readonly xMax: number;
  readonly reservoirMax: number;
  readonly doseMax: number;
  readonly visitAt: number;
  readonly timeOfDayAtStart: number;
  /** The hidden faults, where they begin. */
  readonly hidden: readonly { readonly at: number; readonly words: string }[];
  /** "day 37": the end of the time axis. */
  readonly endLabel: string;
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
  const common = { xMax: scales.xMax, visitAt: scales.visitAt, hidden: scales.hidden, endLabel: scales.endLabel };
  const stages = stageSegments(samples);
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
      <CourseAlarms course={course} timeOfDayAtStart={scales.timeOfDayAtStart} testId={`${testId}-alarms`} />
      <CourseStory course={course} timeOfDayAtStart={scales.timeOfDayAtStart} />
    </section>
  );
}
