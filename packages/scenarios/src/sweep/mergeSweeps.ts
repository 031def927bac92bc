import * as z from 'zod';
import type { Problem } from '../problem.ts';
import { zodProblems } from '../zodProblems.ts';
import { type SweepResult, type SweepRun, sweepResultOf } from './sweepResult.ts';

const value = z.union([z.string(), z.number(), z.boolean()]);
const run = z.strictObject({
  index: z.number().int().min(0),
  seed: z.number().int(),
  settings: z.record(z.string(), value),
  status: z.enum(['pass', 'fail', 'none', 'invalid']),
  failures: z.array(z.string()),
  observed: z.record(z.string(), z.union([z.number(), z.string(), z.null()])),
  firstAt: z.record(z.string(), z.union([z.number(), z.null()])),
});

/** The parts of a saved sweep that merging reads; the rest is recomputed from the runs. */
const sweepFileSchema = z.looseObject({
  format: z.literal('itps-sweep/1'),
  notice: z.string(),
  scenario: z.string(),
  file: z.string(),
  seeds: z.string(),
  settings: z.array(z.string()),
  observe: z.array(z.string()),
  events: z.array(z.string()),
  shard: z.string(),
  plannedRuns: z.number().int().min(0),
  runs: z.array(run),
});

/** Reads a saved sweep (sweep.json) as plain data, or says what is wrong with it. */
export function readSweep(
  root: unknown,
  file: string,
): { ok: true; sweep: SweepResult } | { ok: false; problems: Problem[] } {
  const parsed = sweepFileSchema.safeParse(root);
  if (!parsed.success) return { ok: false, problems: zodProblems(file, root, parsed.error.issues) };
  return { ok: true, sweep: parsed.data as unknown as SweepResult };
}

/**
 * Shards of one sweep merged into one result, the same byte for byte as the sweep run whole when
 * every shard is there. Refuses shards of different sweeps, and a run that two shards both hold.
 */
export function mergeSweeps(
  parts: readonly { readonly file: string; readonly sweep: SweepResult }[],
): { ok: true; result: SweepResult } | { ok: false; message: string } {
  const first = parts[0];
  if (first === undefined) return { ok: false, message: 'no sweeps to merge' };
  const key = (s: SweepResult) =>
    JSON.stringify([s.scenario, s.file, s.seeds, s.settings, s.observe, s.events, s.plannedRuns]);
  for (const p of parts)
    if (key(p.sweep) !== key(first.sweep))
      return {
        ok: false,
        message: `${p.file} is a shard of another sweep than ${first.file} (scenario, file, seeds, settings, observables or events differ)`,
      };
  const seen = new Map<number, string>();
  const runs: SweepRun[] = [];
  for (const p of parts)
    for (const r of p.sweep.runs) {
      const other = seen.get(r.index);
      if (other !== undefined) return { ok: false, message: `run ${r.index} is in both ${other} and ${p.file}` };
      seen.set(r.index, p.file);
      runs.push(r);
    }
  const complete = runs.length === first.sweep.plannedRuns;
  const shard = complete ? '1/1' : parts.map((p) => p.sweep.shard).join('+');
  const s = first.sweep;
  return {
    ok: true,
    result: sweepResultOf(
      {
        scenario: s.scenario,
        file: s.file,
        seeds: s.seeds,
        settings: s.settings,
        observe: s.observe,
        events: s.events,
        shard,
        plannedRuns: s.plannedRuns,
      },
      s.notice,
      runs,
    ),
  };
}
