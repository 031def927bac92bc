import {
  diffReports,
  formatDuration,
  formatProblem,
  parseDuration,
  readReport,
  type ScenarioReport,
} from '@itps/scenarios';
import { type Command, InvalidArgumentError } from 'commander';
import { readJsonFile } from '../readJsonFile.ts';
import type { CommandContext } from './context.ts';
import { parseTolerance } from './optionParsers.ts';

const timeTolerance = (value: string) => {
  const ms = parseDuration(value);
  if (ms === null)
    throw new InvalidArgumentError(
      `expected an ISO 8601 duration such as PT1M, found ${JSON.stringify(value.slice(0, 40))}`,
    );
  return ms;
};

/** `itps diff A.json B.json`: every observable and event that moved between two reports. */
export function diffCommand(program: Command, ctx: CommandContext): void {
  program
    .command('diff')
    .description(
      'compare two reports (report.json or run --json), or a report against a golden one: what moved, by how much',
    )
    .argument('<a>', 'the first report (the golden one)')
    .argument('<b>', 'the second report')
    .option(
      '--tolerance <x>',
      'numbers that differ by at most this much have not moved (default 0.000001)',
      parseTolerance,
    )
    .option(
      '--time-tolerance <iso>',
      'event times that differ by at most this much have not moved (default PT0S)',
      timeTolerance,
    )
    .action((a: string, b: string, o: { tolerance?: number; timeTolerance?: number }) => {
      const reports: ScenarioReport[] = [];
      for (const file of [a, b]) {
        const read = readJsonFile(file, ctx.cwd);
        if (!read.ok) {
          ctx.err(`${read.message}\n`);
          ctx.exit(2);
          return;
        }
        const report = readReport(read.root, file);
        if (!report.ok) {
          ctx.err(`${report.problems.slice(0, 10).map(formatProblem).join('\n')}\n`);
          ctx.exit(2);
          return;
        }
        reports.push(report.report);
      }
      const [x, y] = reports as [ScenarioReport, ScenarioReport];
      const changes = diffReports(x, y, { value: o.tolerance ?? 1e-6, timeMs: o.timeTolerance ?? 0 });
      for (const c of changes)
        ctx.out(
          `${c.what}: ${c.before} -> ${c.after}${c.by === undefined ? '' : ` (${c.what.startsWith('event') && c.what.endsWith('first') ? `${c.by < 0 ? '-' : '+'}${formatDuration(Math.abs(c.by))}` : `${c.by > 0 ? '+' : ''}${c.by}`})`}\n`,
        );
      ctx.out(
        changes.length === 0
          ? `${a} and ${b} agree\n`
          : `${changes.length} difference${changes.length === 1 ? '' : 's'}\n`,
      );
      ctx.exit(changes.length === 0 ? 0 : 1);
    });
}
