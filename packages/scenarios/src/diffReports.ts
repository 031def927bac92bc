import { formatDuration } from './duration.ts';
import type { ScenarioReport } from './report.ts';

/** One thing that moved between two reports: what, from, to, and by how much when it is a number. */
export interface ReportChange {
  /** `final.truth.deliveredMcg`, `event alarm.lowReservoir.raised`, `expect[2]`, `passed`… */
  readonly what: string;
  readonly before: string;
  readonly after: string;
  /** after - before, for numbers and event times (ms). */
  readonly by?: number;
}

/** What a diff forgives: numbers within `value` (absolute), event times within `timeMs`. */
export interface DiffTolerance {
  readonly value: number;
  readonly timeMs: number;
}

const show = (v: unknown) => (v === undefined ? 'nothing' : typeof v === 'string' ? v : JSON.stringify(v));

/**
 * Everything that moved from report A to report B beyond the tolerance: the verdict, each
 * expectation's outcome, each final observable (belief, truth, patient), each event's first time
 * and count, the refusals and the violations. Empty when they agree.
 */
export function diffReports(a: ScenarioReport, b: ScenarioReport, tolerance: DiffTolerance): ReportChange[] {
  const changes: ReportChange[] = [];
  const add = (what: string, before: unknown, after: unknown, by?: number) =>
    changes.push({ what, before: show(before), after: show(after), ...(by === undefined ? {} : { by }) });
  for (const key of ['name', 'seed', 'durationMs', 'passed'] as const) if (a[key] !== b[key]) add(key, a[key], b[key]);
  const expectations = Math.max(a.expectations.length, b.expectations.length);
  for (let i = 0; i < expectations; i += 1) {
    const x = a.expectations[i];
    const y = b.expectations[i];
    if (x?.passed !== y?.passed)
      add(
        `expect[${y?.index ?? x?.index ?? i}]`,
        x === undefined ? undefined : x.passed ? 'held' : 'failed',
        y === undefined ? undefined : y.passed ? 'held' : 'failed',
      );
  }
  for (const part of ['belief', 'truth', 'patient'] as const) {
    const x = (a.final[part] ?? {}) as Record<string, unknown>;
    const y = (b.final[part] ?? {}) as Record<string, unknown>;
    for (const key of [...new Set([...Object.keys(x), ...Object.keys(y)])].sort()) {
      const before = x[key];
      const after = y[key];
      if (typeof before === 'number' && typeof after === 'number') {
        if (Math.abs(after - before) > tolerance.value)
          add(`final.${part}.${key}`, before, after, Math.round((after - before) * 1e6) / 1e6);
      } else if (JSON.stringify(before) !== JSON.stringify(after)) add(`final.${part}.${key}`, before, after);
    }
  }
  const eventsOf = (r: ScenarioReport) => {
    const m = new Map<string, { first: number; count: number }>();
    for (const e of r.events) {
      const seen = m.get(e.type);
      if (seen === undefined) m.set(e.type, { first: e.at, count: 1 });
      else seen.count += 1;
    }
    return m;
  };
  const ea = eventsOf(a);
  const eb = eventsOf(b);
  for (const type of [...new Set([...ea.keys(), ...eb.keys()])].sort()) {
    const x = ea.get(type);
    const y = eb.get(type);
    if (x === undefined || y === undefined) {
      add(
        `event ${type}`,
        x === undefined ? 'never' : `first at ${formatDuration(x.first)}`,
        y === undefined ? 'never' : `first at ${formatDuration(y.first)}`,
      );
      continue;
    }
    if (Math.abs(y.first - x.first) > tolerance.timeMs)
      add(`event ${type} first`, formatDuration(x.first), formatDuration(y.first), y.first - x.first);
    if (x.count !== y.count) add(`event ${type} count`, x.count, y.count, y.count - x.count);
  }
  const list = (items: readonly { message: string }[]) => items.map((i) => i.message).join(' | ');
  if (list(a.refusals) !== list(b.refusals)) add('refusals', list(a.refusals) || 'none', list(b.refusals) || 'none');
  if (list(a.violations) !== list(b.violations))
    add('violations', list(a.violations) || 'none', list(b.violations) || 'none');
  return changes;
}
