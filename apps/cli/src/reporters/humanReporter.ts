import {
  expectationRows,
  failureLine,
  formatDuration,
  formatProblem,
  printable,
  quoteShort,
  violationLine,
} from '@itps/scenarios';
import { type FileOutcome, statusOf } from '../runFiles.ts';
import { type Reporter, type Streams, totalsLine } from './reporter.ts';

const LABEL = { pass: 'PASS', fail: 'FAIL', none: 'NONE', invalid: 'INVALID' } as const;

/** At most `SHOWN` lines of a kind, then how many more there are (the JSON report has them all). */
const SHOWN = 20;
const capped = (lines: readonly string[], what: string): string[] =>
  lines.length <= SHOWN
    ? [...lines]
    : [...lines.slice(0, SHOWN), `  ... and ${lines.length - SHOWN} more ${what} (see --reporter json)`];

/** A short human summary of one file's outcome; for a failure, one line per observable that failed. */
export function summarize(outcome: FileOutcome): string {
  if (outcome.kind === 'invalid') return outcome.problems.map(formatProblem).join('\n');
  const { report } = outcome;
  const status = statusOf(outcome);
  const name =
    // biome-ignore lint/suspicious/noControlCharactersInRegex: a name with control characters is shown quoted and escaped
    report.name.length <= 80 && !/[\u0000-\u001f\u007f]/.test(report.name) ? report.name : quoteShort(report.name, 80);
  const held = report.expectations.filter((e) => e.passed).length;
  const counts =
    status === 'none'
      ? 'no expectations and no checks: nothing was checked'
      : `${held}/${report.expectations.length} expectations held${report.checks.length > 0 ? `, ${report.checks.length - report.violations.length}/${report.checks.length} checks held` : ''}`;
  const head = `${LABEL[status]} ${printable(outcome.file)}: ${name} (seed ${report.seed}, ${formatDuration(report.durationMs)}, ${counts})`;
  const lines = expectationRows(report)
    .filter((r) => !r.passed)
    .map((r) => `  ${failureLine(r)}`);
  const violations = report.violations.map((v) => `  ${violationLine(v)}`);
  const refusals = report.refusals.map(
    (r) => `  timeline[${r.action}] refused at ${formatDuration(r.at)}: ${r.message}`,
  );
  return [head, ...capped(lines, 'failures'), ...violations, ...capped(refusals, 'refused actions')].join('\n');
}

/** Human lines: results on standard output, bad input on standard error; `quiet` prints only what did not pass. */
export function humanReporter(streams: Streams, quiet: boolean): Reporter {
  return {
    start() {},
    file(outcome) {
      const status = statusOf(outcome);
      if (status === 'invalid') streams.err(`${summarize(outcome)}\n`);
      else if (!quiet || status !== 'pass') streams.out(`${summarize(outcome)}\n`);
    },
    end(totals, total) {
      if (total > 1 || quiet) streams.out(`${totalsLine(totals, total)}\n`);
    },
  };
}
