import { niceMax } from '../../authoring/chartGeometry.ts';
import type { PreviewState } from '../../authoring/usePreview.ts';
import { atWords } from '../../format/exerciseTime.ts';
import { PreviewCourseView } from './PreviewCourseView.tsx';

/**
 * The live preview: the exercise run headless, many times faster than real time, twice: the trainee
 * does nothing, and the trainee follows the right plan; side by side on the same scales.
 */
export function PreviewPanel({ state }: { readonly state: PreviewState }) {
  const { answer, running } = state;
  return (
    <aside className="panel author-preview" aria-labelledby="preview-title" data-testid="preview">
      <h2 id="preview-title">
        Preview <span className="muted">{running ? '(running…)' : ''}</span>
      </h2>
      {answer === null ? (
        <p role="status">Running the exercise…</p>
      ) : !answer.ok ? (
        <p role="status" data-testid="preview-waiting">
          {answer.why === 'invalid'
            ? 'The preview waits for the exercise to be complete: mend the fields marked in red.'
            : `The preview could not run: ${answer.message ?? 'an unexpected failure'}.`}
        </p>
      ) : (
        <Courses answer={answer} />
      )}
    </aside>
  );
}

function Courses({ answer }: { readonly answer: Extract<NonNullable<PreviewState['answer']>, { ok: true }> }) {
  const { idle, plan } = answer.preview;
  const courses = plan === null ? [idle] : [idle, plan];
  const samples = courses.flatMap((c) => c.samples);
  const scales = {
    xMax: answer.duration,
    reservoirMax: niceMax(samples.flatMap((s) => [s.truthReservoirMl, s.beliefReservoirMl])),
    doseMax: niceMax(
      samples.flatMap((s) => [s.tipDose ?? 0, s.programmedDose]),
      idle.doseUnit === 'mg' ? 0.1 : 1,
    ),
    // 20 a minute holds a calm patient's 16; withdrawal's faster breathing raises it by fives
    breathingMax: Math.max(20, Math.ceil(Math.max(0, ...samples.map((s) => s.pain?.breathsPerMin ?? 0)) / 5) * 5),
    visitAt: answer.visitAt,
    timeOfDayAtStart: answer.timeOfDayAtStart,
    hidden: answer.hidden,
    endLabel: atWords(answer.duration, answer.timeOfDayAtStart).replace(/, 00:00$/, ''),
  };
  return (
    <>
      <p className="muted">
        The dotted line marks the visit, a red triangle each hidden fault. Solid: the truth; dashed: what the pump
        believes or is set to.
      </p>
      <div className="preview-courses">
        <PreviewCourseView title="If the trainee does nothing" course={idle} scales={scales} testId="course-idle" />
        {plan === null ? (
          <section className="preview-course" data-testid="course-plan">
            <h3>If the trainee follows the right plan</h3>
            <p>No right plan yet: add its steps under Objectives and rubric to see the score it earns.</p>
          </section>
        ) : (
          <PreviewCourseView
            title="If the trainee follows the right plan"
            course={plan}
            scales={scales}
            testId="course-plan"
          />
        )}
      </div>
    </>
  );
}
