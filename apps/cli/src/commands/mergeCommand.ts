import { formatProblem, mergeSweeps, readSweep, type SweepResult } from '@itps/scenarios';
import type { Command } from 'commander';
import { readJsonFile } from '../readJsonFile.ts';
import type { CommandContext } from './context.ts';
import { sweepSummary, writeSweep } from './sweepCommand.ts';

/** `itps merge A/sweep.json B/sweep.json --out DIR`: a sweep's shards as one result. */
export function mergeCommand(program: Command, ctx: CommandContext): void {
  program
    .command('merge')
    .description('merge the shards of a sweep (their sweep.json files) into one result')
    .argument('<files...>', 'sweep.json files, one per shard')
    .requiredOption('--out <dir>', 'folder for the merged sweep.json and sweep.html')
    .option('--partial', 'merge shards that are not the whole sweep (refused otherwise, naming the missing shards)')
    .action((files: string[], o: { out: string; partial?: boolean }) => {
      const parts: { file: string; sweep: SweepResult }[] = [];
      for (const file of files) {
        const read = readJsonFile(file, ctx.cwd);
        if (!read.ok) {
          ctx.err(`${read.message}\n`);
          ctx.exit(2);
          return;
        }
        const sweep = readSweep(read.root, file);
        if (!sweep.ok) {
          ctx.err(`${sweep.problems.slice(0, 10).map(formatProblem).join('\n')}\n`);
          ctx.exit(2);
          return;
        }
        parts.push({ file, sweep: sweep.sweep });
      }
      const merged = mergeSweeps(parts, { partial: o.partial === true });
      if (!merged.ok) {
        ctx.err(`itps merge: ${merged.message}\n`);
        ctx.exit(2);
        return;
      }
      ctx.out(sweepSummary(merged.result));
      if (!writeSweep(merged.result, o.out, ctx)) {
        ctx.exit(2);
        return;
      }
      const t = merged.result.totals;
      ctx.exit(t.invalid > 0 ? 2 : t.fail > 0 ? 1 : 0);
    });
}
