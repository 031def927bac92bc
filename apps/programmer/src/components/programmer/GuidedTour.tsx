import { useEffect, useState } from 'react';
import { useProgrammerView } from '../../simulation/WorldProvider.tsx';

/** Where the browser remembers that the guide was finished or skipped. */
const DONE_KEY = 'itps.guide/1';

interface Step {
  readonly title: string;
  readonly text: string;
  /** Why Next is not offered yet; null when it is. */
  readonly waitFor?: (session: string) => string | null;
}

const STEPS: readonly Step[] = [
  {
    title: 'Connect to the pump',
    text: 'This is the clinician programmer as it runs on the tablet. It knows only what the pump tells it by telemetry. Hold the communicator over the pump and choose "Connect and interrogate".',
    waitFor: (session) =>
      session === 'ready' ? null : 'Connect and interrogate first: the guide goes on when the status shows.',
  },
  {
    title: 'Read the status',
    text: 'The tiles are what the pump reported: the drug and its concentration, the therapy, the dose now, whether it is running, and the reservoir volume the pump has calculated from what it delivered. A calculated volume is not a measurement: a refill shows what is really there.',
  },
  {
    title: 'The dates that matter',
    text: 'Below the tiles: when the low-reservoir alarm is expected, the date to refill by, and when the battery reaches its elective replacement indicator (ERI) and the date to replace the pump by. Book the next refill before the alarm date.',
  },
  {
    title: 'Alarms',
    text: 'An alarm the pump reported appears above the tiles, with its name, its tone (two tones for critical, one for non-critical) and what to do about it.',
  },
  {
    title: 'Workflows, step by step',
    text: 'Change dose, Refill, Flex schedule, Bridge bolus and the others each go step by step, with the steps shown at the top. Nothing reaches the pump before you have reviewed every change, old beside new, and confirmed it; the programmer then reads the pump back to verify it. Choose "End session" when you are done.',
  },
];

/**
 * The guide a trainee meets the first time they open the programmer: connecting and reading the
 * status, one step at a time. It can be skipped and opened again at any time ("Show the guide").
 */
export function GuidedTour() {
  const { session } = useProgrammerView();
  const [step, setStep] = useState<number | null>(() => (readDone() ? null : 0));
  // the first step is done by doing it: the guide moves on once the pump is connected
  useEffect(() => {
    if (step === 0 && session === 'ready') setStep(1);
  }, [step, session]);
  const close = () => {
    writeDone();
    setStep(null);
  };
  if (step === null)
    return (
      <div className="buttons guide-reopen">
        <button type="button" className="secondary" onClick={() => setStep(0)}>
          Show the guide
        </button>
      </div>
    );
  const current = STEPS[step] ?? STEPS[0];
  if (current === undefined) return null;
  const waiting = current.waitFor?.(session) ?? null;
  const last = step === STEPS.length - 1;
  return (
    <aside className="guide" aria-labelledby="guide-title" data-testid="guide">
      <p className="guide-count">
        Guide, step {step + 1} of {STEPS.length}
      </p>
      <h3 id="guide-title">{current.title}</h3>
      <p aria-live="polite">{current.text}</p>
      <div className="buttons">
        {step > 0 && (
          <button type="button" className="secondary" onClick={() => setStep(step - 1)}>
            Back
          </button>
        )}
        {waiting === null && (
          <button type="button" onClick={() => (last ? close() : setStep(step + 1))}>
            {last ? 'Finish the guide' : 'Next'}
          </button>
        )}
        <button type="button" className="secondary" onClick={close}>
          Skip the guide
        </button>
      </div>
      {waiting !== null && (
        <p className="muted" data-testid="guide-waiting">
          {waiting}
        </p>
      )}
    </aside>
  );
}

function readDone(): boolean {
  try {
    return localStorage.getItem(DONE_KEY) === 'done';
  } catch {
    return false;
  }
}

function writeDone(): void {
  try {
    localStorage.setItem(DONE_KEY, 'done');
  } catch {
    // storage refused (a private window): the guide just shows again next time
  }
}
