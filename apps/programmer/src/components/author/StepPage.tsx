import { EDITOR_STEPS, type EditorStep } from '../../authoring/editorSteps.ts';
import { hrefOf } from '../../simulation/useRoute.ts';
import { BriefStep } from './BriefStep.tsx';
import { ObjectivesStep } from './ObjectivesStep.tsx';
import { PatientStep } from './PatientStep.tsx';
import { PumpStep } from './PumpStep.tsx';
import { TimelineStep } from './TimelineStep.tsx';

const PAGES: Record<EditorStep, () => React.JSX.Element> = {
  brief: BriefStep,
  patient: PatientStep,
  pump: PumpStep,
  timeline: TimelineStep,
  objectives: ObjectivesStep,
};

/** One step's page, with the way to the step before and after. */
export function StepPage({ step }: { readonly step: EditorStep }) {
  const i = EDITOR_STEPS.findIndex((s) => s.id === step);
  const Page = PAGES[step];
  const before = EDITOR_STEPS[i - 1];
  const after = EDITOR_STEPS[i + 1];
  return (
    <section className="panel author-step" aria-labelledby="step-title" data-testid={`step-${step}`}>
      <h2 id="step-title">
        Step {i + 1} of {EDITOR_STEPS.length}: {EDITOR_STEPS[i]?.title}
      </h2>
      <Page />
      <nav className="step-pager" aria-label="Step before and after">
        {before === undefined ? <span /> : <a href={hrefOf('author', before.id)}>← {before.title}</a>}
        {after === undefined ? <span /> : <a href={hrefOf('author', after.id)}>{after.title} →</a>}
      </nav>
    </section>
  );
}
