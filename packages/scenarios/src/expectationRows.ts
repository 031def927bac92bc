import { formatDuration } from './duration.ts';
import { meets } from './observe.ts';
import type { ScenarioReport } from './report.ts';

/** One thing an expectation checked, in words: which observable or event, when, expected, found. */
export interface ExpectationRow {
  /** The expectation's index in the file's `expect` list. */
  readonly index: number;
  /** The instant judged (ms), or null for an event that never happened. */
  readonly at: number | null;
  /** The observable (`pump.reservoirMl`) or event (`alarm.eos.raised`) checked. */
  readonly subject: string;
  readonly expected: string;
  readonly found: string;
  readonly passed: boolean;
}

const number = (x: number) => String(Math.round(x * 1e6) / 1e6);

/** An expected value as words: `near 1.98 ± 0.01`, `from 4.6 to 5`, `= active`. */
export function expectedWords(value: unknown): string {
  if (typeof value === 'object' && value !== null) {
    const v = value as Record<string, number>;
    if ('near' in v) return `near ${number(v.near ?? 0)} ± ${number(v.within ?? 0)}`;
    if ('min' in v) return `from ${number(v.min ?? 0)} to ${number(v.max ?? 0)}`;
  }
  return `= ${typeof value === 'number' ? number(value) : String(value)}`;
}

const foundWords = (value: unknown): string =>
  value === undefined ? 'nothing' : typeof value === 'number' ? number(value) : String(value);

/**
 * Every expectation of a report as rows, one per observable of a `that:` (each judged on its own,
 * so a failure names the key that failed), one per event expectation.
 */
export function expectationRows(report: ScenarioReport): ExpectationRow[] {
  return report.expectations.flatMap((e): ExpectationRow[] => {
    const expected = e.expected as Record<string, unknown>;
    if (typeof expected === 'object' && expected !== null && 'event' in expected) {
      const window = expected.between as [number, number] | undefined;
      const first = e.at;
      return [
        {
          index: e.index,
          at: first,
          subject: String(expected.event),
          expected:
            window === undefined
              ? 'never'
              : `first between ${formatDuration(window[0])} and ${formatDuration(window[1])}`,
          found: first === null ? 'never' : `first at ${formatDuration(first)}`,
          passed: e.passed,
        },
      ];
    }
    const actual = (e.actual ?? {}) as Record<string, unknown>;
    return Object.entries(expected).map(([key, want]) => ({
      index: e.index,
      at: e.at,
      subject: key,
      expected: expectedWords(want),
      found: foundWords(actual[key]),
      passed: meets(want, actual[key]),
    }));
  });
}

/** A failed row as one line: `expect[1] at P36DT1H: pump.reservoirMl: expected near 1.98 ± 0.01, found 2.5`. */
export const failureLine = (r: ExpectationRow): string =>
  `expect[${r.index}]${r.at === null ? '' : ` at ${formatDuration(r.at)}`}: ${r.subject}: expected ${r.expected}, found ${r.found}`;

/** A violated requirement as one line: `REQ-CONS-01 violated at P24DT5H: …`. */
export const violationLine = (v: ScenarioReport['violations'][number]): string =>
  `${v.requirement} violated at ${formatDuration(v.at)}: ${v.message}`;
