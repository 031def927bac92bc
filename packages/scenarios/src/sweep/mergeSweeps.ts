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
 * The shards `k/n` a set of sweep files does not hold, when they all name the same `n` (a
 * partial merge names its shards `1/4+3/4`); empty when their `n` differ or cannot be read.
 */
export function missingShards(shards: readonly string[]): string[] {
  const held = new Set<number>();
  let count: number | null = null;
  for (const part of shards.flatMap((s) => s.split('+'))) {
    const m = /^(\d{1,6})\/(\d{1,6})$/.exec(part);
    if (m === null) return [];
    const n = Number(m[2]);
    if (count !== null && n !== count) return [];
    count = n;
    held.add(Number(m[1]));
  }
  const missing: string[] = [];
  for (let k = 1; count !== null && k <= count; k += 1) if (!held.has(k)) missing.push(`${k}/${count}`);
  return missing;
}

/**
 * Shards of one sweep merged into one result, the same byte for byte as the sweep run whole when
 * every shard is there. Refuses shards of different sweeps, a run that two shards both hold, and
 * (unless `partial`) a merge that misses runs of the sweep, naming the shards missing.
 */
export function mergeSweeps(
  parts: readonly { readonly file: string; readonly sweep: SweepResult }[],
  options: { readonly partial?: boolean } = {},
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
  if (!complete && options.partial !== true) {
    const missing = missingShards(parts.map((p) => p.sweep.shard));
    return {
      ok: false,
      message: `expected every shard of the sweep (${first.sweep.plannedRuns} runs), found ${runs.length} runs in ${parts
        .map((p) => p.sweep.shard)
        .join(
          ', ',
        )}${missing.length === 0 ? '' : `: missing shard${missing.length === 1 ? '' : 's'} ${missing.slice(0, 20).join(', ')}${missing.length > 20 ? ', ...' : ''}`} (merge them all, or say --partial)`,
    };
  }
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
