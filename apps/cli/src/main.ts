import { Command, InvalidArgumentError } from 'commander';
import { exitCode, type FileOutcome, loadScenario, runFile } from './runFiles.ts';
import { progressBar, runInWorkers } from './runInWorkers.ts';
import { summarize } from './summary.ts';
import { writeReport } from './writeReport.ts';

const parseSeed = (value: string): number => {
  if (!/^-?\d+$/.test(value) || !Number.isSafeInteger(Number(value))) {
    throw new InvalidArgumentError(`expected a whole number, found "${value}"`);
  }
  return Number(value);
};

/** The `itps` command line: a shell over @itps/scenarios. Prints, sets exit codes; runs nothing itself. */
export async function main(argv: readonly string[], cwd: string): Promise<number> {
  let code = 0;
  const program = new Command()
    .name('itps')
    .description('ITPS intrathecal pump simulator: scenarios from the command line. Not for clinical use.')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s), writeOut: (s) => process.stdout.write(s) });

  program
    .command('run')
    .description('run scenarios and check their expectations')
    .argument('<files...>', 'scenario files (YAML or JSON)')
    .option('--json', 'print the report (itps-report/1) as JSON on standard output')
    .option('--seed <n>', 'override every scenario seed', parseSeed)
    .action(async (files: string[], options: { json?: boolean; seed?: number }) => {
      const outcomes: FileOutcome[] =
        files.length === 1
          ? files.map((f) => runFile(f, cwd, options.seed))
          : await runInWorkers(files, cwd, options.seed, progressBar(process.stderr));
      if (options.json) {
        const reports = outcomes.map((o) => (o.kind === 'ran' ? o.report : { file: o.file, problems: o.problems }));
        process.stdout.write(`${JSON.stringify(reports.length === 1 ? reports[0] : reports, null, 2)}\n`);
        for (const o of outcomes) if (o.kind === 'invalid') process.stderr.write(`${summarize(o)}\n`);
      } else {
        for (const o of outcomes) process.stdout.write(`${summarize(o)}\n`);
      }
      code = exitCode(outcomes);
    });

  program
    .command('report')
    .description('run a scenario and write report.html (plots), series.csv, events.csv and report.json')
    .argument('<file>', 'scenario file (YAML or JSON)')
    .requiredOption('--out <dir>', 'directory to write into (created if needed)')
    .option('--seed <n>', 'override the scenario seed', parseSeed)
    .action((file: string, options: { out: string; seed?: number }) => {
      const outcome = runFile(file, cwd, options.seed);
      process.stdout.write(`${summarize(outcome)}\n`);
      if (outcome.kind === 'ran') {
        for (const written of writeReport(outcome.report, options.out, cwd)) process.stdout.write(`wrote ${written}\n`);
      }
      code = exitCode([outcome]);
    });

  program
    .command('validate')
    .description('check files against the format without running them')
    .argument('<files...>', 'scenario files (YAML or JSON)')
    .action((files: string[]) => {
      let bad = false;
      for (const file of files) {
        const parsed = loadScenario(file, cwd);
        if (parsed.ok) process.stdout.write(`valid ${file}\n`);
        else {
          bad = true;
          process.stdout.write(`${summarize({ file, kind: 'invalid', problems: parsed.problems })}\n`);
        }
      }
      code = bad ? 2 : 0;
    });

  try {
    await program.parseAsync(['node', 'itps', ...argv]);
  } catch (error) {
    const exit = (error as { exitCode?: number }).exitCode;
    // --help and --version exit 0; any usage error is bad input
    return exit === 0 ? 0 : 2;
  }
  return code;
}

process.exitCode = await main(process.argv.slice(2), process.env.INIT_CWD ?? process.cwd());
