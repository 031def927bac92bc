import {
  applySettings,
  DEFAULT_LIMITS,
  type Problem,
  parseScenario,
  parseScenarioDocument,
  runScenario,
  type ScenarioFile,
  type ScenarioLimits,
  type ScenarioReport,
  validateWithin,
} from '@itps/scenarios';
import { readScenarioText } from './fileSystem.ts';

/** What happened to one file: it ran (with its report), or it was bad input (nothing ran). */
export type FileOutcome =
  | { readonly file: string; readonly kind: 'ran'; readonly report: ScenarioReport }
  | { readonly file: string; readonly kind: 'invalid'; readonly problems: readonly Problem[] };

/** A file's verdict: held, failed, checked nothing, or could not run. */
export type FileStatus = 'pass' | 'fail' | 'none' | 'invalid';

/** One file to run: where it is, and how. */
export interface FileJob {
  readonly file: string;
  readonly cwd: string;
  readonly seed?: number;
  readonly limits?: ScenarioLimits;
  /** Fields set over the file's own (`--set PATH=VALUE`), as a sweep's run sets them, before validation. */
  readonly settings?: Readonly<Record<string, string | number | boolean>>;
  /** Keep the series, events and daily figures (for JSON reports); otherwise only the verdict's parts travel. */
  readonly full?: boolean;
}

/** Reads and parses a file given on the command line, within the limits, before anything runs. */
export function loadScenario(
  file: string,
  cwd: string,
  limits: ScenarioLimits = DEFAULT_LIMITS,
  settings: Readonly<Record<string, string | number | boolean>> = {},
): { ok: true; scenario: ScenarioFile } | { ok: false; problems: readonly Problem[] } {
  const read = readScenarioText(file, cwd, limits.maxBytes);
  if (!read.ok) return { ok: false, problems: [read.problem] };
  if (Object.keys(settings).length === 0) return parseScenario(read.text, file, limits);
  // as a sweep's run: the document read, its values set, then validated like any file
  const doc = parseScenarioDocument(read.text, file, limits);
  if (!doc.ok) return doc;
  const set = applySettings(doc.root, settings);
  if (!set.ok)
    return {
      ok: false,
      problems: [{ file, path: '', expected: 'a --set path naming a field the file can hold', found: set.message }],
    };
  return validateWithin(set.value, file, limits);
}

/** Validates and runs one file. */
export function runFile(job: FileJob): FileOutcome {
  const parsed = loadScenario(job.file, job.cwd, job.limits, job.settings);
  if (!parsed.ok) return { file: job.file, kind: 'invalid', problems: parsed.problems };
  const report = runScenario(parsed.scenario, {
    ...(job.seed === undefined ? {} : { seed: job.seed }),
    series: job.full !== false,
  });
  return { file: job.file, kind: 'ran', report: job.full === false ? trimmed(report) : report };
}

/** A report without what only plots and logs need, so a batch's memory stays flat. */
const trimmed = (report: ScenarioReport): ScenarioReport => ({
  ...report,
  series: [],
  events: [],
  daily: [],
  interrogations: [],
});

/** A file's verdict. A run with no expectations and no checks checked nothing: it is not a pass. */
export function statusOf(outcome: FileOutcome): FileStatus {
  if (outcome.kind === 'invalid') return 'invalid';
  const { report } = outcome;
  if (!report.passed) return 'fail';
  return report.expectations.length === 0 && report.checks.length === 0 ? 'none' : 'pass';
}

/** Counts of each verdict. */
export type Totals = Record<FileStatus, number>;

/** The exit code for a set of verdicts: 2 for any bad input, else 1 when anything failed or checked nothing, else 0. */
export function exitCodeOf(totals: Totals): 0 | 1 | 2 {
  if (totals.invalid > 0) return 2;
  return totals.fail > 0 || totals.none > 0 ? 1 : 0;
}
