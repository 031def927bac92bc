import { relative } from 'node:path';
import fc from 'fast-check';
import { expect } from 'vitest';

// FC_SEED pins every property to one seed (for Stryker and for reproducing a failure); FC_PATH,
// with it, replays exactly the failing case fast-check printed (its run and its shrinking), however
// many runs a property asks for; FC_RUNS scales every property's number of runs. A failure says
// the command that replays it.
const seed = process.env.FC_SEED;
const path = process.env.FC_PATH;
const runs = process.env.FC_RUNS;

/** The command that replays one failure exactly: its seed, its path, its test file and name. */
export function replayCommand(details: { seed: number; counterexamplePath: string | null }): string {
  const state = expect.getState();
  const file = state.testPath === undefined ? '' : ` ${relative(process.cwd(), state.testPath)}`;
  // vitest reads -t as a pattern: the test's name with its pattern characters escaped
  const title = state.currentTestName
    ?.split(' > ')
    .pop()
    ?.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const name = title === undefined ? '' : ` -t ${JSON.stringify(title)}`;
  return `FC_SEED=${details.seed} FC_PATH=${details.counterexamplePath ?? ''} pnpm exec vitest run${file}${name}`;
}

const report = (details: fc.RunDetails<unknown>) => {
  if (!details.failed) return;
  // the failing check's own words (what the oracle and the product disagreed on), beside the counterexample
  const cause = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
  throw new Error(
    `${fc.defaultReportMessage(details) ?? 'Property failed'}\n\nFailed with: ${cause}\n\nReplay exactly: ${replayCommand(details)}`,
  );
};

fc.configureGlobal({
  ...fc.readConfigureGlobal(),
  ...(seed !== undefined && seed !== '' ? { seed: Number(seed) } : {}),
  ...(seed !== undefined && seed !== '' && path !== undefined && path !== '' ? { path, endOnFailure: true } : {}),
  ...(runs !== undefined && runs !== '' ? { numRuns: Number(runs) } : {}),
  reporter: report,
});
