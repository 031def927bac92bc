import type { ProgrammerView } from '@itps/core';

/** Each workflow's steps as the programmer names them; the last two are the same for all. */
const STEPS: Readonly<Record<string, readonly string[]>> = {
  doseChange: ['New dose'],
  refill: ['Aspirate', 'Fill and enter'],
  flexSchedule: ['Schedule'],
  bridgeBolus: ['Bridge bolus'],
  bolus: ['Choose and enter'],
  replacement: ['Read the old pump', 'Read and fill the new pump', 'Program and prime'],
};

/** Which step a session is at: 0-based, or null when no workflow is open. */
export function currentStep(context: ProgrammerView, refillAspirated: boolean): number | null {
  const first = STEPS[context.workflow ?? ''];
  if (first === undefined) return null;
  switch (context.session) {
    case 'editing':
      return context.workflow === 'refill' && refillAspirated ? 1 : 0;
    case 'finish':
      return first.length;
    case 'sending':
    case 'verifying':
      return first.length + 1;
    default:
      return null;
  }
}

/**
 * Where the clinician is in a workflow, as the device's wizard shows it: the steps, the current one
 * marked (for screen readers too), those done ticked. Back is on each step's own screen.
 */
export function WorkflowProgress({ context, refillAspirated }: { context: ProgrammerView; refillAspirated: boolean }) {
  const step = currentStep(context, refillAspirated);
  const first = STEPS[context.workflow ?? ''];
  if (step === null || first === undefined) return null;
  const steps = [...first, 'Review', 'Send and verify'];
  return (
    <ol className="wizard-steps" aria-label={`Step ${step + 1} of ${steps.length}`} data-testid="wizard-steps">
      {steps.map((name, i) => (
        <li
          key={name}
          className={`wizard-step${i < step ? ' done' : i === step ? ' current' : ''}`}
          aria-current={i === step ? 'step' : undefined}
        >
          <span className="step-number">{i < step ? '✓' : i + 1}</span> {name}
        </li>
      ))}
    </ol>
  );
}
