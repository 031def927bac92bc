import { SCENARIO_LIBRARY } from '../library.ts';
import { useDoor, useStageInfo, useWorldInUse } from '../simulation/WorldProvider.tsx';
import { ScenarioSource } from './ScenarioSource.tsx';

/** Instructor console: load a scenario from the library or a file; its timeline plays as time runs. */
export function ScenarioLoader() {
  const door = useDoor();
  const loaded = useStageInfo().scenario;
  const inUse = useWorldInUse();
  return (
    <section className="panel" aria-labelledby="scenario-title">
      <h2 id="scenario-title">Scenario (instructor)</h2>
      <p data-testid="scenario-loaded">
        {loaded === null ? 'No scenario loaded: a free session.' : `Loaded: ${loaded.name}`}
      </p>
      <ScenarioSource
        entries={SCENARIO_LIBRARY}
        listLabel="From the library"
        openLabel="Load scenario"
        fileLabel="From a file (YAML or JSON)"
        testId="scenario-problems"
        onOpen={(source) => door.loadScenario(source)}
        replaces={
          inUse ? 'Load this scenario? The world running now (its time, pump and programmer) is replaced.' : null
        }
      />
    </section>
  );
}
