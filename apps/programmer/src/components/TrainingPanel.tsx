import type { Milliseconds } from '@itps/core';
import { CLINICAL_ACTIONS, type ClinicalAction, eventWords, type TraineeAction } from '@itps/scenarios';
import { TRAINING_LIBRARY } from '../library.ts';
import { download } from '../simulation/savedSessions.ts';
import { hrefOf } from '../simulation/useRoute.ts';
import { useTraining } from '../simulation/useTraining.ts';
import { useWhen } from '../simulation/useWhen.ts';
import { useWorldInUse } from '../simulation/WorldProvider.tsx';
import { ConfirmButton } from './ConfirmButton.tsx';
import { DebriefView } from './DebriefView.tsx';
import { ScenarioSource } from './ScenarioSource.tsx';

/** The bedside actions that make sense before any pump is implanted. */
const BEFORE_IMPLANT: ReadonlySet<string> = new Set(['clinical.suspectOverdose', 'clinical.emergencyCare']);

/**
 * Training: choose an exercise, read the brief, look after the patient with the programmer and the
 * clinical actions here, then finish for a score and a debrief. Any scenario file (a failing
 * property's counterexample included) can be opened as an exercise too.
 */
export function TrainingPanel() {
  const training = useTraining();
  const inUse = useWorldInUse();
  const { record: state, exercise } = training;
  const acted = new Set(state?.trainee.map((t) => t.type));
  return (
    <section className="panel training" aria-labelledby="training-title">
      <h2 id="training-title">Training</h2>
      {state === null || exercise === null ? (
        <>
          <ScenarioSource
            entries={TRAINING_LIBRARY}
            listLabel="Exercise"
            openLabel="Start exercise"
            fileLabel="Or open a scenario file as an exercise"
            testId="training-problems"
            onOpen={(source) => training.start(source)}
            replaces={
              inUse ? 'Start this exercise? The world running now (its time, pump and programmer) is replaced.' : null
            }
          />
          <Results />
        </>
      ) : state.debrief !== null ? (
        <>
          <DebriefView debrief={state.debrief} course={state.course} screens={state.screens ?? []} />
          {training.inClass ? (
            <p>
              Your record is kept by the class: <a href={hrefOf('records')}>your records</a>.
            </p>
          ) : (
            <>
              <div className="buttons">
                <button type="button" onClick={() => training.leave()}>
                  Choose another exercise
                </button>
              </div>
              <Results />
            </>
          )}
        </>
      ) : (
        <>
          <h3 data-testid="training-name">{exercise.name}</h3>
          <p className="brief" data-testid="training-brief">
            {exercise.brief}
          </p>
          <fieldset className="clinical">
            <legend>At the bedside: what you conclude and do</legend>
            <div className="buttons">
              {(Object.entries(CLINICAL_ACTIONS) as [ClinicalAction, string][])
                // before an implant only what concerns the patient applies; examinations, with their
                // findings, are recorded in the screening panel
                .filter(([type]) => exercise.phase !== 'screening' || BEFORE_IMPLANT.has(type))
                .map(([type, label]) => (
                  <button
                    key={type}
                    type="button"
                    className={acted.has(type) ? 'done' : 'secondary'}
                    aria-pressed={acted.has(type)}
                    onClick={() => training.act(type)}
                  >
                    {label}
                  </button>
                ))}
            </div>
          </fieldset>
          <p className="muted" data-testid="training-actions">
            {state.trainee.length} action{state.trainee.length === 1 ? '' : 's'} recorded.
          </p>
          <ActionTimeline actions={state.trainee} />
          <div className="buttons">
            <button type="button" onClick={() => training.finish()}>
              Finish and debrief
            </button>
            {training.inClass ? null : (
              <ConfirmButton
                label="Abandon exercise"
                className="secondary"
                question="Abandon the exercise? What you did is not scored; the pump and patient stay as they are."
                confirmLabel="Yes, abandon it"
                onConfirm={() => training.leave()}
              />
            )}
          </div>
        </>
      )}
    </section>
  );
}

/** The trainee's actions as they happen, newest first, in clinical words and clock times (the last 12). */
function ActionTimeline({ actions }: { readonly actions: readonly TraineeAction[] }) {
  const when = useWhen();
  if (actions.length === 0) return null;
  const shown = actions.slice(-12).reverse();
  return (
    <ol className="action-timeline" aria-label="Actions so far, newest first" data-testid="action-timeline">
      {shown.map((a, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: actions at the same instant may repeat; the list only grows
        <li key={`${a.at}-${a.type}-${i}`}>
          <span className="muted">{when(a.at as Milliseconds)}</span> {eventWords(a.type)}
          {a.detail !== undefined && !a.type.startsWith('programmer.') ? `: ${a.detail}` : ''}
        </li>
      ))}
    </ol>
  );
}

function Results() {
  const { results } = useTraining();
  if (results.length === 0) return null;
  return (
    <div className="results">
      <h3>Your results in this browser</h3>
      <table className="data" data-testid="training-results">
        <thead>
          <tr>
            <th>Exercise</th>
            <th>Score</th>
            <th>Result</th>
          </tr>
        </thead>
        <tbody>
          {results.map((r) => (
            <tr key={`${r.finishedAt}-${r.scenario}`}>
              <td>{r.scenario}</td>
              <td>{r.scorePercent} %</td>
              <td>{r.passed ? 'passed' : 'not passed'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <button
        type="button"
        className="secondary"
        onClick={() => download('itps-training-results.json', JSON.stringify(results, null, 2), 'application/json')}
      >
        Export results
      </button>
    </div>
  );
}
