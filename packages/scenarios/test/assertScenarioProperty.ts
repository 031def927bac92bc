import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { formatProblem, type ScenarioFile, type ScenarioSource, validateScenario } from '../src/index.ts';

/** Where counterexamples are written, relative to this package. */
export const COUNTEREXAMPLE_DIR = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  'test-results',
  'counterexamples',
);
const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/**
 * `fc.assert` for properties over whole scenarios, drawn as files are written and validated as the
 * CLI validates them (a drawn file the format refuses fails the property). On failure it writes the
 * shrunk scenario as a format-1 file (headed by the seed, path and replay command) that
 * `pnpm itps run` replays to the same failure and the programmer app loads, then fails with
 * fast-check's report and the file's path. Returns the written file's path, or null when it held.
 */
export function assertScenarioProperty(
  id: string,
  arb: fc.Arbitrary<ScenarioSource>,
  predicate: (scenario: ScenarioFile) => boolean,
  parameters: fc.Parameters<[ScenarioSource]> = {},
  options: { readonly throwOnFailure?: boolean } = {},
): string | null {
  const validated = (source: ScenarioSource): boolean => {
    const parsed = validateScenario(source, `${id}.scenario.yaml`);
    if (!parsed.ok) throw new Error(`a drawn scenario is invalid:\n${parsed.problems.map(formatProblem).join('\n')}`);
    return predicate(parsed.scenario);
  };
  const details = fc.check(fc.property(arb, validated), parameters);
  if (!details.failed || details.counterexample === null) return null;
  const [scenario] = details.counterexample;
  mkdirSync(COUNTEREXAMPLE_DIR, { recursive: true });
  const file = join(COUNTEREXAMPLE_DIR, `${id}-seed${details.seed}.scenario.yaml`);
  const shown = relative(REPO_ROOT, file);
  const header = [
    `# Counterexample to ${id}, shrunk by fast-check after ${details.numRuns} runs.`,
    `# Reproduce the property: FC_SEED=${details.seed} (path ${details.counterexamplePath})`,
    `# Replay this file: pnpm itps run ${shown}`,
  ].join('\n');
  writeFileSync(file, `${header}\n${stringify({ ...scenario, name: `${id} counterexample (seed ${details.seed})` })}`);
  if (options.throwOnFailure === false) return file;
  throw new Error(
    `${fc.defaultReportMessage(details)}\n\nShrunk scenario written to ${shown}\nReplay: pnpm itps run ${shown}`,
  );
}
