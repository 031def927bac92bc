import type { Command } from 'commander';
import { runFilesStreaming } from '../filePool.ts';
import { type LimitOptions, limitsOf, withLimitFlags } from '../limitFlags.ts';
import { humanReporter } from '../reporters/humanReporter.ts';
import { jsonReporter } from '../reporters/jsonReporter.ts';
import { junitReporter } from '../reporters/junitReporter.ts';
import { REPORTERS, type Reporter, type ReporterName } from '../reporters/reporter.ts';
import { tapReporter } from '../reporters/tapReporter.ts';
import { exitCodeOf, statusOf, type Totals } from '../runFiles.ts';
import type { CommandContext } from './context.ts';
import { parseSeed, reporterName } from './optionParsers.ts';
import { collect, SET_HELP, settingsOf } from './settingOptions.ts';

interface RunOptions extends LimitOptions {
  readonly json?: boolean;
  readonly reporter?: ReporterName;
  readonly seed?: number;
  readonly set?: string[];
  readonly failFast?: boolean;
  readonly quiet?: boolean;
}

/** `itps run FILE...`: runs scenarios on every core, reporting each as it finishes. */
export function runCommand(program: Command, ctx: CommandContext): void {
  withLimitFlags(
    program
      .command('run')
      .description(
        'run scenarios and check their expectations (several files run on every core, reported as each finishes)',
      )
      .argument('<files...>', 'scenario files (YAML or JSON)')
      .option('--json', 'the same as --reporter json: each report (itps-report/1) on standard output')
      .option('--reporter <name>', `how to write results: ${REPORTERS.join(', ')} (default human)`, reporterName)
      .option('--seed <n>', 'override every scenario seed', parseSeed)
      .option('--set <path=value>', SET_HELP, collect)
      .option('--fail-fast', 'stop at the first file that fails, checks nothing or is invalid')
      .option('--quiet', 'print only what did not pass, and the totals'),
  ).action(async (files: string[], o: RunOptions) => {
    const settings = settingsOf(o.set);
    const name: ReporterName = o.reporter ?? (o.json ? 'json' : 'human');
    const reporter: Reporter =
      name === 'json'
        ? jsonReporter(ctx)
        : name === 'junit'
          ? junitReporter(ctx)
          : name === 'tap'
            ? tapReporter(ctx)
            : humanReporter(ctx, o.quiet === true);
    const totals: Totals = { pass: 0, fail: 0, none: 0, invalid: 0 };
    const limits = limitsOf(o);
    reporter.start(files.length);
    await runFilesStreaming(
      files.map((file) => ({
        file,
        cwd: ctx.cwd,
        limits,
        full: name === 'json',
        ...(o.set === undefined ? {} : { settings }),
        ...(o.seed === undefined ? {} : { seed: o.seed }),
      })),
      (outcome) => {
        totals[statusOf(outcome)] += 1;
        reporter.file(outcome);
      },
      (outcome) => o.failFast === true && statusOf(outcome) !== 'pass',
    );
    reporter.end(totals, files.length);
    ctx.exit(exitCodeOf(totals));
  });
}
