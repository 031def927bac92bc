import { exerciseTitle, parseScenario } from '@itps/scenarios';
import type { BundledScenario } from './components/ScenarioSource.tsx';

// The scenario library and the training exercises, bundled as text from the @itps/scenarios package
// (reached through the app's own dependency, never by a path into the repository).
const scenarioFiles = import.meta.glob('/node_modules/@itps/scenarios/scenarios/*.scenario.{yaml,json}', {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;
const trainingFiles = import.meta.glob('/node_modules/@itps/scenarios/training/*.scenario.yaml', {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;

const nameOf = (path: string) => path.split('/').pop() ?? path;

/** The scenario library, by file name. */
export const SCENARIO_LIBRARY: readonly BundledScenario[] = Object.entries(scenarioFiles)
  .map(([path, text]) => ({ file: nameOf(path), label: nameOf(path), text }))
  .sort((a, b) => a.file.localeCompare(b.file));

/** The training exercises, by the name they give themselves. */
export const TRAINING_LIBRARY: readonly BundledScenario[] = Object.entries(trainingFiles)
  .map(([path, text]) => {
    const file = nameOf(path);
    const parsed = parseScenario(text, file);
    return { file, text, label: parsed.ok ? exerciseTitle(parsed.scenario.name) : file };
  })
  .sort((a, b) => a.label.localeCompare(b.label));
