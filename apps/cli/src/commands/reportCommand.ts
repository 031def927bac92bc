import { printable } from '@itps/scenarios';
import type { Command } from 'commander';
import { type LimitOptions, limitsOf, withLimitFlags } from '../limitFlags.ts';
import { summarize } from '../reporters/humanReporter.ts';
import { exitCodeOf, runFile, statusOf } from '../runFiles.ts';
import { writeReport } from '../writeReport.ts';
import type { CommandContext } from './context.ts';
import { parseSeed } from './optionParsers.ts';
import { collect, SET_HELP, settingsOf } from './settingOptions.ts';

/** `itps report FILE --out DIR`: runs one scenario and writes its report files. */
export function reportCommand(program: Command, ctx: CommandContext): void {
  withLimitFlags(
    program
      .command('report')
      .description('run a scenario and write report.html (plots, PNG export), series.csv, events.csv and report.json')
      .argument('<file>', 'scenario file (YAML or JSON)')
      .requiredOption('--out <dir>', 'folder to write into (created if needed)')
      .option('--seed <n>', 'override the scenario seed', parseSeed)
      .option('--set <path=value>', SET_HELP, collect),
  ).action((file: string, o: LimitOptions & { out: string; seed?: number; set?: string[] }) => {
    const settings = settingsOf(o.set);
    const outcome = runFile({
      file,
      cwd: ctx.cwd,
      limits: limitsOf(o),
      ...(o.set === undefined ? {} : { settings }),
      ...(o.seed === undefined ? {} : { seed: o.seed }),
    });
    if (outcome.kind === 'invalid') {
      ctx.err(`${summarize(outcome)}\n`);
      ctx.exit(2);
      return;
    }
    const written = writeReport(outcome.report, o.out, ctx.cwd);
    if (!written.ok) {
      ctx.err(`itps report: could not write ${written.failure.path}: ${written.failure.reason}\n`);
      ctx.exit(2);
      return;
    }
    ctx.out(`${summarize(outcome)}\n`);
    for (const path of written.written) ctx.out(`wrote ${printable(path)}\n`);
    const status = statusOf(outcome);
    ctx.exit(exitCodeOf({ pass: 0, fail: 0, none: 0, invalid: 0, [status]: 1 }));
  });
}
