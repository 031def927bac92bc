import { CLINICAL_ACTIONS, type ClinicalAction, formatProblem, parseScenario, trainingOf } from '@itps/scenarios';
import { type ChangeEvent, useId, useState } from 'react';
import { download } from '../simulation/savedWorld.ts';
import { useTraining } from '../simulation/TrainingProvider.tsx';
import { DebriefView } from './DebriefView.tsx';

// the training library, bundled as text
const library = import.meta.glob('../../../../packages/scenarios/training/*.scenario.yaml', {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;
const entries = Object.entries(library)
  .map(([path, text]) => {
    const file = path.split('/').pop() ?? path;
    const parsed = parseScenario(text, file);
    return { file, text, name: parsed.ok ? parsed.scenario.name.replace(/^Training: /, '') : file };
  })
  .sort((a, b) => a.name.localeCompare(b.name));

/**
 * Training: choose an exercise, read the brief, look after the patient with the programmer and the
 * clinical actions here, then finish for a score and a debrief. Any scenario file (a failing
 * property's counterexample included) can be opened as an exercise too.
 */
export function TrainingPanel() {
  const training = useTraining();
  const [choice, setChoice] = useState(entries[0]?.file ?? '');
  const [problems, setProblems] = useState<string[]>([]);
  const selectId = useId();
  const fileId = useId();
  const open = (text: string, file: string) => {
    const parsed = parseScenario(text, file);
    if (!parsed.ok) {
      setProblems(parsed.problems.map(formatProblem));
      return;
    }
    if (parsed.scenario.patient === undefined) {
      setProblems([`${file}: patient: expected a patient (patient.origin) for an exercise, found none`]);
      return;
    }
    setProblems([]);
    training.start(parsed.scenario);
  };
  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    if (file !== undefined) open(await file.text(), file.name);
  };
  const { state, scenario } = training;
  const brief = scenario === null ? null : trainingOf(scenario);
  const acted = new Set(state?.trainee.map((t) => t.type));
  return (
    <section className="panel training" aria-labelledby="training-title">
      <h2 id="training-title">Training</h2>
      {state === null || scenario === null || brief === null ? (
        <>
          <div className="field">
            <label htmlFor={selectId}>Exercise</label>
            <select id={selectId} value={choice} onChange={(e) => setChoice(e.target.value)}>
              {entries.map((e) => (
                <option key={e.file} value={e.file}>
                  {e.name}
                </option>
              ))}
            </select>
            <button
              type="button"
              onClick={() => {
                const entry = entries.find((e) => e.file === choice);
                if (entry) open(entry.text, entry.file);
              }}
            >
              Start exercise
            </button>
          </div>
          <div className="field">
            <label htmlFor={fileId}>Or open a scenario file as an exercise</label>
            <input id={fileId} type="file" accept=".yaml,.yml,.json" onChange={onFile} />
          </div>
          {problems.length > 0 && (
            <ul className="error" role="alert" data-testid="training-problems">
              {problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          )}
          <Results />
        </>
      ) : state.debrief !== null ? (
        <>
          <DebriefView debrief={state.debrief} course={state.course} />
          <div className="buttons">
            <button type="button" onClick={() => training.leave()}>
              Choose another exercise
            </button>
          </div>
          <Results />
        </>
      ) : (
        <>
          <h3 data-testid="training-name">{scenario.name}</h3>
          <p className="brief" data-testid="training-brief">
            {brief.brief}
          </p>
          <fieldset className="clinical">
            <legend>At the bedside: what you conclude and do</legend>
            <div className="buttons">
              {(Object.entries(CLINICAL_ACTIONS) as [ClinicalAction, string][]).map(([type, label]) => (
                <button
                  key={type}
                  type="button"
                  className={acted.has(type) ? 'done' : 'secondary'}
                  aria-pressed={acted.has(type)}
                  onClick={() => training.record(type)}
                >
                  {label}
                </button>
              ))}
            </div>
          </fieldset>
          <p className="muted" data-testid="training-actions">
            {state.trainee.length} action{state.trainee.length === 1 ? '' : 's'} recorded.
          </p>
          <div className="buttons">
            <button type="button" onClick={() => training.finish()}>
              Finish and debrief
            </button>
            <button type="button" className="secondary" onClick={() => training.leave()}>
              Abandon exercise
            </button>
          </div>
        </>
      )}
    </section>
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
