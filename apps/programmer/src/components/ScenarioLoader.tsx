import { createScenarioPlayer, createScenarioWorld } from '@itps/scenarios';
import { useWorldHandle } from '../simulation/SimulationProvider.tsx';
import { type BundledScenario, ScenarioSource } from './ScenarioSource.tsx';

// the scenario library, bundled as text
const library = import.meta.glob('../../../../packages/scenarios/scenarios/*.scenario.{yaml,json}', {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;
const entries: BundledScenario[] = Object.entries(library)
  .map(([path, text]) => {
    const file = path.split('/').pop() ?? path;
    return { file, label: file, text };
  })
  .sort((a, b) => a.file.localeCompare(b.file));

/** Instructor console: load a scenario from the library or a file; its timeline plays as time runs. */
export function ScenarioLoader() {
  const { replace, player } = useWorldHandle();
  return (
    <section className="panel" aria-labelledby="scenario-title">
      <h2 id="scenario-title">Scenario (instructor)</h2>
      <p data-testid="scenario-loaded">
        {player === null ? 'No scenario loaded: a free session.' : `Loaded: ${player.scenario.name}`}
      </p>
      <ScenarioSource
        entries={entries}
        listLabel="From the library"
        openLabel="Load scenario"
        fileLabel="From a file (YAML or JSON)"
        testId="scenario-problems"
        onOpen={(s) => {
          const world = createScenarioWorld(s, s.seed ?? 1);
          replace(world, createScenarioPlayer(s, world));
        }}
      />
    </section>
  );
}
