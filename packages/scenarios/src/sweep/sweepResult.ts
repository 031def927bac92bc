import { expectationRows } from '../expectationRows.ts';
import type { ScenarioReport } from '../report.ts';

/** What one run of a sweep found: its verdict, the observables chosen, the first time of each event. */
export interface SweepRun {
  readonly index: number;
  readonly seed: number;
  readonly settings: Readonly<Record<string, string | number | boolean>>;
  readonly status: 'pass' | 'fail' | 'none' | 'invalid';
  /** What failed, in words (`expect[1] pump.reservoirMl: expected …, found …`), or the problems of an invalid run. */
  readonly failures: readonly string[];
  /** Each chosen observable's value at the end of the run. */
  readonly observed: Readonly<Record<string, number | string | null>>;
  /** Each chosen event's first occurrence (ms), or null when it never happened. */
  readonly firstAt: Readonly<Record<string, number | null>>;
}

/** A run's record from its report: small, whatever the run's length (no series, no log). */
export function sweepRunOf(
  plan: { index: number; seed: number; settings: SweepRun['settings'] },
  report: ScenarioReport,
  observe: readonly string[],
  events: readonly string[],
): SweepRun {
  const final: Record<string, unknown> = {
    ...report.final.belief,
    ...report.final.truth,
    ...(report.final.patient ?? {}),
  };
  const failures = [
    ...expectationRows(report)
      .filter((r) => !r.passed)
      .map((r) => `expect[${r.index}] ${r.subject}: expected ${r.expected}, found ${r.found}`),
    ...report.violations.map((v) => `${v.requirement} violated: ${v.message}`),
  ];
  return {
    ...plan,
    status: !report.passed ? 'fail' : report.expectations.length === 0 && report.checks.length === 0 ? 'none' : 'pass',
    failures,
    observed: Object.fromEntries(
      observe.map((name) => {
        const v = final[name];
        return [name, typeof v === 'number' || typeof v === 'string' ? v : null];
      }),
    ),
    firstAt: Object.fromEntries(events.map((name) => [name, report.events.find((e) => e.type === name)?.at ?? null])),
  };
}

/** A distribution of numbers: how many, the extremes, percentiles, the mean and a histogram. */
export interface Distribution {
  readonly count: number;
  readonly min: number;
  readonly p5: number;
  readonly p50: number;
  readonly p95: number;
  readonly max: number;
  readonly mean: number;
  /** Equal-width bins from min to max: each bin's lower edge and how many values fell in it. */
  readonly histogram: readonly { readonly from: number; readonly count: number }[];
}

const round = (x: number) => Math.round(x * 1e6) / 1e6;

/** The distribution of some values (nearest-rank percentiles), with `bins` histogram bins; null when empty. */
export function distributionOf(values: readonly number[], bins = 20): Distribution | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  /* v8 ignore start -- @preserve `??` here only satisfies the index type: the index is always within the list */
  const rank = (p: number) =>
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? 0;
  const min = sorted[0] ?? 0;
  const max = sorted[sorted.length - 1] ?? 0;
  /* v8 ignore stop */
  const width = (max - min) / bins;
  const counts = new Array<number>(width === 0 ? 1 : bins).fill(0);
  for (const v of sorted) {
    const bin = width === 0 ? 0 : Math.min(bins - 1, Math.floor((v - min) / width));
    /* v8 ignore next -- @preserve `??` here only satisfies the index type: the index is always within the list */
    counts[bin] = (counts[bin] ?? 0) + 1;
  }
  return {
    count: sorted.length,
    min: round(min),
    p5: round(rank(5)),
    p50: round(rank(50)),
    p95: round(rank(95)),
    max: round(max),
    mean: round(sorted.reduce((a, b) => a + b, 0) / sorted.length),
    histogram: counts.map((count, i) => ({ from: round(min + i * width), count })),
  };
}

/** The result of a sweep or of merged shards (format `itps-sweep/1`): deterministic, byte for byte. */
export interface SweepResult {
  readonly format: 'itps-sweep/1';
  readonly notice: string;
  readonly scenario: string;
  readonly file: string;
  readonly seeds: string;
  readonly settings: readonly string[];
  readonly observe: readonly string[];
  readonly events: readonly string[];
  /** The shards this result holds, such as `1/4` or `all`. */
  readonly shard: string;
  /** How many runs the whole sweep has, over every shard. */
  readonly plannedRuns: number;
  readonly totals: { readonly pass: number; readonly fail: number; readonly none: number; readonly invalid: number };
  /** Seeds (and settings) of every run that failed or was invalid. */
  readonly failed: readonly {
    readonly index: number;
    readonly seed: number;
    readonly settings: SweepRun['settings'];
  }[];
  readonly distributions: {
    /** Each observable's value at the end, over the runs where it was a number. */
    readonly observed: Readonly<Record<string, Distribution | null>>;
    /** Each event's first occurrence (ms), over the runs where it happened, and in how many it did. */
    readonly firstAt: Readonly<Record<string, { readonly happened: number; readonly times: Distribution | null }>>;
  };
  readonly runs: readonly SweepRun[];
}

/** A sweep's result from its runs (in any order: they are sorted by index). */
export function sweepResultOf(
  head: Pick<SweepResult, 'scenario' | 'file' | 'seeds' | 'settings' | 'observe' | 'events' | 'shard' | 'plannedRuns'>,
  notice: string,
  runs: readonly SweepRun[],
): SweepResult {
  const sorted = [...runs].sort((a, b) => a.index - b.index);
  const totals = { pass: 0, fail: 0, none: 0, invalid: 0 };
  for (const r of sorted) totals[r.status] += 1;
  return {
    format: 'itps-sweep/1',
    notice,
    ...head,
    totals,
    failed: sorted
      .filter((r) => r.status === 'fail' || r.status === 'invalid')
      .map((r) => ({ index: r.index, seed: r.seed, settings: r.settings })),
    distributions: {
      observed: Object.fromEntries(
        head.observe.map((name) => [
          name,
          distributionOf(sorted.map((r) => r.observed[name]).filter((v): v is number => typeof v === 'number')),
        ]),
      ),
      firstAt: Object.fromEntries(
        head.events.map((name) => {
          const times = sorted.map((r) => r.firstAt[name]).filter((v): v is number => typeof v === 'number');
          return [name, { happened: times.length, times: distributionOf(times) }];
        }),
      ),
    },
    runs: sorted,
  };
}
