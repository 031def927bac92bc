import { expectationRows, failureLine, formatProblem, printable, violationLine } from '@itps/scenarios';
import { type FileOutcome, statusOf } from '../runFiles.ts';
import { type Reporter, type Streams, totalsLine } from './reporter.ts';

const yamlString = (s: string) => JSON.stringify(s);
/** A test point's description: one line (control characters escaped), `#` escaped so no directive can be forged. */
const description = (s: string) => printable(s).replaceAll('\\', '\\\\').replaceAll('#', '\\#');

/** TAP version 14 on standard output: the plan, then a test point per file as it finishes, with a YAML block for what failed. */
export function tapReporter(streams: Streams): Reporter {
  let n = 0;
  return {
    start(total) {
      streams.out(`TAP version 14\n1..${total}\n`);
    },
    file(outcome: FileOutcome) {
      n += 1;
      const status = statusOf(outcome);
      const title = description(
        `${outcome.file}${outcome.kind === 'ran' ? `: ${outcome.report.name.slice(0, 80)}` : ''}`,
      );
      if (status === 'pass') {
        streams.out(`ok ${n} - ${title}\n`);
        return;
      }
      const lines =
        outcome.kind === 'invalid'
          ? outcome.problems.map(formatProblem)
          : status === 'none'
            ? ['no expectations and no checks: nothing was checked']
            : [
                ...expectationRows(outcome.report)
                  .filter((r) => !r.passed)
                  .map(failureLine),
                ...outcome.report.violations.map(violationLine),
              ];
      streams.out(
        `not ok ${n} - ${title}\n  ---\n  status: ${status}\n  failures:\n${lines.map((l) => `    - ${yamlString(l)}`).join('\n')}\n  ...\n`,
      );
    },
    end(totals, total) {
      if (n < total) streams.out(`Bail out! Stopped after ${n} of ${total} files (--fail-fast)\n`);
      streams.out(`# ${totalsLine(totals, total)}\n`);
    },
  };
}
