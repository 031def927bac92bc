import { createWorld } from '@itps/core';
import {
  createScenarioPlayer,
  formatProblem,
  parseScenario,
  scenarioPatient,
  scenarioPumpInput,
} from '@itps/scenarios';
import { type ChangeEvent, useId, useState } from 'react';
import { useWorldHandle } from '../simulation/SimulationProvider.tsx';

// the scenario library, bundled as text
const library = import.meta.glob('../../../../packages/scenarios/scenarios/*.scenario.{yaml,json}', {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;
const entries = Object.entries(library)
  .map(([path, text]) => ({ file: path.split('/').pop() ?? path, text }))
  .sort((a, b) => a.file.localeCompare(b.file));

/** Instructor console: load a scenario from the library or a file; its timeline plays as time runs. */
export function ScenarioLoader() {
  const { replace, player } = useWorldHandle();
  const [choice, setChoice] = useState(entries[0]?.file ?? '');
  const [problems, setProblems] = useState<string[]>([]);
  const selectId = useId();
  const fileId = useId();
  const load = (text: string, file: string) => {
    const parsed = parseScenario(text, file);
    if (!parsed.ok) {
      setProblems(parsed.problems.map(formatProblem));
      return;
    }
    setProblems([]);
    const s = parsed.scenario;
    const seed = s.seed ?? 1;
    const patient = scenarioPatient(s, seed);
    const world = createWorld({
      pump: scenarioPumpInput(s, seed),
      origin: s.patient?.origin ?? 'spinal',
      ...(patient === null ? {} : { patient }),
    });
    replace(world, createScenarioPlayer(s, world));
  };
  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    if (file !== undefined) load(await file.text(), file.name);
  };
  return (
    <section className="panel" aria-labelledby="scenario-title">
      <h2 id="scenario-title">Scenario (instructor)</h2>
      <p data-testid="scenario-loaded">
        {player === null ? 'No scenario loaded: a free session.' : `Loaded: ${player.scenario.name}`}
      </p>
      <div className="field">
        <label htmlFor={selectId}>From the library</label>
        <select id={selectId} value={choice} onChange={(e) => setChoice(e.target.value)}>
          {entries.map((e) => (
            <option key={e.file} value={e.file}>
              {e.file}
            </option>
          ))}
        </select>
        <button
          type="button"
          onClick={() => {
            const entry = entries.find((e) => e.file === choice);
            if (entry) load(entry.text, entry.file);
          }}
        >
          Load scenario
        </button>
      </div>
      <div className="field">
        <label htmlFor={fileId}>From a file (YAML or JSON)</label>
        <input id={fileId} type="file" accept=".yaml,.yml,.json" onChange={onFile} />
      </div>
      {problems.length > 0 && (
        <ul className="error" role="alert" data-testid="scenario-problems">
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
