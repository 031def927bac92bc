import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { type Problem, parseScenario, runScenario, type ScenarioReport } from '@itps/scenarios';

/** What happened to one file: it ran (with its report), or it was bad input. */
export type FileOutcome =
  | { readonly file: string; readonly kind: 'ran'; readonly report: ScenarioReport }
  | { readonly file: string; readonly kind: 'invalid'; readonly problems: readonly Problem[] };

/** Reads and parses a file given on the command line, relative to the directory it was typed in. */
export function loadScenario(file: string, cwd: string) {
  let text: string;
  try {
    text = readFileSync(resolve(cwd, file), 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : String(error);
    return { ok: false as const, problems: [{ file, path: '', expected: 'a readable scenario file', found: reason }] };
  }
  return parseScenario(text, file);
}

/** Validates and runs one file. */
export function runFile(file: string, cwd: string, seed: number | undefined): FileOutcome {
  const parsed = loadScenario(file, cwd);
  if (!parsed.ok) return { file, kind: 'invalid', problems: parsed.problems };
  return { file, kind: 'ran', report: runScenario(parsed.scenario, seed === undefined ? {} : { seed }) };
}

/** The contract's exit code for a set of outcomes: 2 for any bad input, else 1 for any failed expectation, else 0. */
export function exitCode(outcomes: readonly FileOutcome[]): 0 | 1 | 2 {
  if (outcomes.some((o) => o.kind === 'invalid')) return 2;
  return outcomes.every((o) => o.kind === 'ran' && o.report.passed) ? 0 : 1;
}
