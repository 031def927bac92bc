import { formatDuration, formatProblem } from '@itps/scenarios';
import type { FileOutcome } from './runFiles.ts';

/** A short human summary of one file's outcome. */
export function summarize(outcome: FileOutcome): string {
  if (outcome.kind === 'invalid') return outcome.problems.map(formatProblem).join('\n');
  const { report } = outcome;
  const failed = report.expectations.filter((e) => !e.passed);
  const head = `${report.passed ? 'PASS' : 'FAIL'} ${outcome.file}: ${report.name} (seed ${report.seed}, ${formatDuration(report.durationMs)}, ${report.expectations.length - failed.length}/${report.expectations.length} expectations held)`;
  const lines = failed.map(
    (e) =>
      `  expect[${e.index}]${e.at === null ? '' : ` at ${formatDuration(e.at)}`}: expected ${JSON.stringify(e.expected)}, found ${JSON.stringify(e.actual)}`,
  );
  const refusals = report.refusals.map(
    (r) => `  timeline[${r.action}] refused at ${formatDuration(r.at)}: ${r.message}`,
  );
  const violations = report.violations.map(
    (v) => `  ${v.requirement} violated at ${formatDuration(v.at)}: ${v.message}`,
  );
  return [head, ...lines, ...violations, ...refusals].join('\n');
}
