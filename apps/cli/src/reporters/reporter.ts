import type { FileOutcome, Totals } from '../runFiles.ts';

/** Where a reporter writes: results to `out`, errors (bad input, the system's refusals) to `err`. */
export interface Streams {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

/** How a batch's results are written, file by file as each finishes, then its totals. */
export interface Reporter {
  start(total: number): void;
  file(outcome: FileOutcome): void;
  end(totals: Totals, total: number): void;
}

/** The reporters `--reporter` names. */
export const REPORTERS = ['human', 'json', 'junit', 'tap'] as const;
export type ReporterName = (typeof REPORTERS)[number];

/** The totals in one line: `3 passed, 1 failed, 1 without expectations, 0 invalid (5 files)`. */
export const totalsLine = (t: Totals, total: number): string =>
  `${t.pass} passed, ${t.fail} failed, ${t.none} without expectations, ${t.invalid} invalid (${total} file${total === 1 ? '' : 's'}${t.pass + t.fail + t.none + t.invalid < total ? `, ${total - t.pass - t.fail - t.none - t.invalid} not run` : ''})`;
