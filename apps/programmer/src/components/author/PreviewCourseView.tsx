import type { SentCourse } from '../../authoring/previewMessages.ts';
import {
  BREATHING_STAGE_KINDS,
  PAIN_STAGE_KINDS,
  SPASTICITY_STAGE_KINDS,
  type StageSegment,
  stageLabel,
  stageSegments,
} from '../../authoring/stageSegments.ts';
import { atWords } from '../../format/exerciseTime.ts';
import { CourseAlarms } from './CourseAlarms.tsx';
import { CourseStory } from './CourseStory.tsx';
import { type ChartLine, MiniChart } from './MiniChart.tsx';
import { ShadeKey, StageShading } from './StageShading.tsx';

/** The scales both courses share, so they compare at a glance. */
export interface CourseScales {
  readonly xMax: number;
  readonly reservoirMax: number;
  /** The top of the dose chart, in the lead drug's unit per day. */
  readonly doseMax: number;
  /** The top of the breathing chart (breaths a minute). */
  readonly breathingMax: number;
  readonly visitAt: number;
  readonly timeOfDayAtStart: number;
  /** The hidden faults, where they begin. */
  readonly hidden: readonly { readonly at: number; readonly words: string }[];
  /** "day 37": the end of the time axis. */
  readonly endLabel: string;
}

const one = (n: number | null | undefined) => (n === null || n === undefined ? 'not known' : n.toFixed(1));
/** A daily dose as the drug's unit reads it: 250.0 mcg/day, 0.65 mg/day. */
const dose = (n: number | null | undefined) =>
  n === null || n === undefined ? 'not known' : Math.abs(n) < 10 ? n.toFixed(2) : n.toFixed(1);

/** A chart of the patient over the course: one line, the stages met shaded behind it and named below. */
function PatientChart({
  title,
  unit,
  yMax,
  common,
  segments,
  when,
  line,
  testId,
}: {
  readonly title: string;
  readonly unit: string;
  readonly yMax: number;
  readonly common: Pick<Parameters<typeof MiniChart>[0], 'xMax' | 'visitAt' | 'hidden' | 'endLabel'>;
  readonly segments: readonly StageSegment[];
  readonly when: (at: number) => string;
  readonly line: Pick<ChartLine, 'label' | 'points'>;
  readonly testId?: string;
}) {
  return (
    <div data-testid={testId}>
      <MiniChart
        title={title}
        unit={unit}
        yMin={0}
        yMax={yMax}
        {...common}
        summary={
          segments.length === 0
            ? 'no danger stage'
            : segments.map((s) => `${stageLabel(s)} from ${when(s.from)}`).join('; ')
        }
        lines={[{ ...line, look: 'patient' }]}
      >
        {(box) => <StageShading segments={segments} box={box} />}
      </MiniChart>
      <ShadeKey segments={segments} />
    </div>
  );
}

/**
 * One preview course: the score it earns, the reservoir, the dose at the tip in the drug's own unit,
 * the patient (muscle tone for baclofen; pain and breathing for morphine or ziconotide; both for an
 * admixture) with the danger stages shaded, the alarms.
 */
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
  const when = (at: number) => atWords(at, scales.timeOfDayAtStart);
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
        unit={`${course.doseUnit}/day`}
        yMax={scales.doseMax}
        {...common}
        summary={`at the end ${dose(last?.tipDose)} ${course.doseUnit}/day reaches the spinal fluid; the pump is set to ${dose(last?.programmedDose)}`}
        lines={[
          { label: 'reaching the patient', look: 'real', points: samples.map((s) => ({ x: s.at, y: s.tipDose })) },
          { label: 'programmed', look: 'set', points: samples.map((s) => ({ x: s.at, y: s.programmedDose })) },
        ]}
      />
      {samples.some((s) => s.patient !== null) ? (
        <PatientChart
          title="The patient: muscle tone"
          unit="Modified Ashworth, 0-4"
          yMax={4}
          common={common}
          segments={stageSegments(samples, SPASTICITY_STAGE_KINDS)}
          when={when}
          line={{ label: 'Ashworth', points: samples.map((s) => ({ x: s.at, y: s.patient?.ashworth ?? null })) }}
        />
      ) : null}
      {samples.some((s) => s.pain !== null) ? (
        <>
          <PatientChart
            title="The patient: pain"
            unit="pain score, 0-10"
            yMax={10}
            common={common}
            segments={stageSegments(samples, PAIN_STAGE_KINDS)}
            when={when}
            line={{ label: 'pain score', points: samples.map((s) => ({ x: s.at, y: s.pain?.painScore ?? null })) }}
            testId={`${testId}-pain`}
          />
          <PatientChart
            title="The patient: breathing"
            unit="breaths a minute"
            yMax={scales.breathingMax}
            common={common}
            segments={stageSegments(samples, BREATHING_STAGE_KINDS)}
            when={when}
            line={{
              label: 'breaths a minute',
              points: samples.map((s) => ({ x: s.at, y: s.pain?.breathsPerMin ?? null })),
            }}
            testId={`${testId}-breathing`}
          />
        </>
      ) : null}
      <CourseAlarms course={course} timeOfDayAtStart={scales.timeOfDayAtStart} testId={`${testId}-alarms`} />
      <CourseStory course={course} timeOfDayAtStart={scales.timeOfDayAtStart} />
    </section>
  );
}
