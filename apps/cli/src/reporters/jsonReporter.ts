import { type FileOutcome, statusOf } from '../runFiles.ts';
import { summarize } from './humanReporter.ts';
import { type Reporter, type Streams, totalsLine } from './reporter.ts';

/** One file's outcome as JSON: its report (itps-report/1) with the file's path and verdict, or its problems. */
export const outcomeJson = (o: FileOutcome) =>
  o.kind === 'ran'
    ? { file: o.file, status: statusOf(o), ...o.report }
    : { file: o.file, status: 'invalid', problems: o.problems };

/**
 * JSON on standard output: one file's report as an object (the contract's `run FILE --json`), or
 * for several an array written element by element as files finish; problems also on standard error.
 */
export function jsonReporter(streams: Streams): Reporter {
  let total = 0;
  let written = 0;
  return {
    start(n) {
      total = n;
      if (total > 1) streams.out('[\n');
    },
    file(outcome) {
      const text = JSON.stringify(outcomeJson(outcome), null, 2);
      streams.out(total > 1 ? `${written > 0 ? ',\n' : ''}${text}` : `${text}\n`);
      written += 1;
      if (outcome.kind === 'invalid') streams.err(`${summarize(outcome)}\n`);
    },
    end(totals, n) {
      if (total > 1) streams.out('\n]\n');
      streams.err(`${totalsLine(totals, n)}\n`);
    },
  };
}
