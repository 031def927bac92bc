import { availableParallelism } from 'node:os';
import {
  EVENT_NAMES,
  formatDuration,
  formatProblem,
  parseScenarioDocument,
  parseSeeds,
  parseSetting,
  parseShard,
  planSweep,
  printable,
  REPORT_NOTICE,
  replayCommand,
  type SweepResult,
  type SweepRun,
  type SweepSetting,
  sweepHtml,
  sweepResultOf,
} from '@itps/scenarios';
import type { Command } from 'commander';
import { chartAssets } from '../chartAssets.ts';
import { checkWritable, readScenarioText, writeFiles } from '../fileSystem.ts';
import { type LimitOptions, limitsOf, limitWords, withLimitFlags } from '../limitFlags.ts';
import type { SweepTask } from '../sweepWorker.ts';
import { type CommandContext, UsageError } from './context.ts';
import { collect } from './settingOptions.ts';

const orFail = <T>(r: { ok: true; value: T } | { ok: false; message: string }): T => {
  if (!r.ok) throw new UsageError(r.message);
  return r.value;
};
const BATCH = 20;
/** The most replay commands a summary prints (sweep.json lists every failed run). */
const REPLAYS_SHOWN = 20;
const SWEEP_FILES = ['sweep.json', 'sweep.html'] as const;

/**
 * A sweep's summary in a few lines for a terminal: totals, the failed seeds, the command that
 * replays each failed run (with `flags`, the limits the sweep ran with), and the distributions.
 */
export function sweepSummary(result: SweepResult, flags: readonly string[] = []): string {
  const t = result.totals;
  const lines = [
    `${printable(result.scenario)}: ${result.runs.length} of ${result.plannedRuns} runs (shard ${result.shard}): ${t.pass} passed, ${t.fail} failed, ${t.none} without expectations, ${t.invalid} invalid`,
  ];
  if (result.failed.length > 0)
    lines.push(
      `  failed seeds: ${result.failed
        .slice(0, 50)
        .map((f) => `${f.seed}${Object.keys(f.settings).length === 0 ? '' : ` ${JSON.stringify(f.settings)}`}`)
        .join(', ')}${result.failed.length > 50 ? ', ...' : ''}`,
    );
  for (const f of result.failed.slice(0, REPLAYS_SHOWN))
    lines.push(`  replay: ${replayCommand(result.file, f, flags)}`);
  if (result.failed.length > REPLAYS_SHOWN)
    lines.push(`  ... and ${result.failed.length - REPLAYS_SHOWN} more failed runs (each in sweep.json under failed)`);
  for (const [name, d] of Object.entries(result.distributions.observed))
    if (d !== null) lines.push(`  ${name}: min ${d.min}, p5 ${d.p5}, median ${d.p50}, p95 ${d.p95}, max ${d.max}`);
  for (const [name, e] of Object.entries(result.distributions.firstAt))
    lines.push(
      `  ${name}: in ${e.happened} of ${result.runs.length} runs${e.times === null ? '' : `, first at p5 ${formatDuration(Math.round(e.times.p5))}, median ${formatDuration(Math.round(e.times.p50))}, p95 ${formatDuration(Math.round(e.times.p95))}`}`,
    );
  return `${lines.join('\n')}\n`;
}

/** Writes sweep.json and sweep.html, or says why not. */
export function writeSweep(result: SweepResult, out: string, ctx: CommandContext): boolean {
  const written = writeFiles(out, ctx.cwd, [
    [SWEEP_FILES[0], `${JSON.stringify(result, null, 1)}\n`],
    [SWEEP_FILES[1], sweepHtml(result, chartAssets())],
  ]);
  if (!written.ok) {
    ctx.err(`itps: could not write ${written.failure.path}: ${written.failure.reason}\n`);
    return false;
  }
  for (const path of written.written) ctx.out(`wrote ${printable(path)}\n`);
  return true;
}

interface SweepOptions extends LimitOptions {
  readonly seeds: string;
  readonly set?: string[];
  readonly observe?: string[];
  readonly event?: string[];
  readonly shard?: string;
  readonly out: string;
}

/** `itps sweep FILE --seeds 1..1000`: one scenario over many seeds and parameter values, on every core. */
export function sweepCommand(program: Command, ctx: CommandContext): void {
  withLimitFlags(
    program
      .command('sweep')
      .description('run one scenario over many seeds and parameter values; distributions, histograms and failing seeds')
      .argument('<file>', 'scenario file (YAML or JSON)')
      .requiredOption('--seeds <list>', 'seeds: 1..1000, or 1,2,7')
      .option(
        '--set <path=values>',
        'vary a field: pump.therapy.doseMcgPerDay=100,150 (repeatable; every combination runs)',
        collect,
      )
      .option(
        '--observe <name>',
        'an observable to collect at the end (repeatable; default truth.deliveredMcg, truth.reservoirMl)',
        collect,
      )
      .option(
        '--event <name>',
        'an event whose first time to collect (repeatable; default every alarm raised)',
        collect,
      )
      .option('--shard <k/n>', 'run only shard k of n (merge the shards with itps merge)')
      .requiredOption('--out <dir>', 'folder for sweep.json and sweep.html'),
  ).action(async (file: string, o: SweepOptions) => {
    const seeds = orFail(parseSeeds(o.seeds));
    const settings: SweepSetting[] = (o.set ?? []).map((s) => orFail(parseSetting(s)));
    const shard = o.shard === undefined ? { index: 1, count: 1 } : orFail(parseShard(o.shard));
    const all = orFail(planSweep(seeds, settings));
    const runs = orFail(planSweep(seeds, settings, shard));
    const limits = limitsOf(o);
    const read = readScenarioText(file, ctx.cwd, limits.maxBytes);
    if (!read.ok) {
      ctx.err(`${formatProblem(read.problem)}\n`);
      ctx.exit(2);
      return;
    }
    const doc = parseScenarioDocument(read.text, file, limits);
    if (!doc.ok) {
      ctx.err(`${doc.problems.map(formatProblem).join('\n')}\n`);
      ctx.exit(2);
      return;
    }
    const observe = o.observe ?? ['truth.deliveredMcg', 'truth.reservoirMl'];
    const events = o.event ?? EVENT_NAMES.filter((n) => n.startsWith('alarm.') && n.endsWith('.raised'));
    const unknown = events.filter((e) => !EVENT_NAMES.includes(e));
    if (unknown.length > 0) throw new UsageError(`expected event names of the format, found ${unknown.join(', ')}`);
    const writable = checkWritable(o.out, ctx.cwd, SWEEP_FILES);
    if (!writable.ok) {
      ctx.err(`itps sweep: cannot write ${writable.failure.path}: ${writable.failure.reason}; nothing was run\n`);
      ctx.exit(2);
      return;
    }
    const name = (doc.root as { name?: unknown }).name;
    const { Piscina } = await import('piscina');
    const pool = new Piscina<SweepTask, SweepRun[]>({
      filename: new URL('./sweepWorker.mjs', import.meta.url).href,
      maxThreads: availableParallelism(),
    });
    const results: SweepRun[] = [];
    let done = 0;
    try {
      const batches: SweepTask[] = [];
      for (let i = 0; i < runs.length; i += BATCH)
        batches.push({ file, root: doc.root, runs: runs.slice(i, i + BATCH), observe, events, limits });
      await Promise.all(
        batches.map((task) =>
          pool.run(task).then((batch) => {
            results.push(...batch);
            done += batch.length;
            if (process.stderr.isTTY) process.stderr.write(`\r${done}/${runs.length} runs`);
          }),
        ),
      );
    } finally {
      await pool.destroy();
      if (process.stderr.isTTY) process.stderr.write('\n');
    }
    const result = sweepResultOf(
      {
        scenario: typeof name === 'string' ? name.slice(0, 200) : file,
        file,
        seeds: o.seeds,
        settings: o.set ?? [],
        observe,
        events,
        shard: `${shard.index}/${shard.count}`,
        plannedRuns: all.length,
      },
      REPORT_NOTICE,
      results,
    );
    ctx.out(sweepSummary(result, limitWords(o)));
    if (!writeSweep(result, o.out, ctx)) {
      ctx.exit(2);
      return;
    }
    ctx.exit(result.totals.invalid > 0 ? 2 : result.totals.fail > 0 ? 1 : 0);
  });
}
