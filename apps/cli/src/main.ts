import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { UsageError } from './commands/context.ts';
import { diffCommand } from './commands/diffCommand.ts';
import { mergeCommand } from './commands/mergeCommand.ts';
import { reportCommand } from './commands/reportCommand.ts';
import { runCommand } from './commands/runCommand.ts';
import { schemaCommand } from './commands/schemaCommand.ts';
import { sweepCommand } from './commands/sweepCommand.ts';
import { validateCommand } from './commands/validateCommand.ts';

const version = (): string =>
  (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;

/**
 * The `itps` command line: a shell over @itps/scenarios. Results go to standard output, errors to
 * standard error; the exit code is 0 when everything held, 1 when an expectation failed or a file
 * checked nothing, 2 for bad input (a file, an argument, a path the system refused), 3 for a
 * defect of itps itself.
 */
export async function main(argv: readonly string[], cwd: string): Promise<number> {
  let code: 0 | 1 | 2 = 0;
  const ctx = {
    cwd,
    out: (s: string) => process.stdout.write(s),
    err: (s: string) => process.stderr.write(s),
    exit: (c: 0 | 1 | 2) => {
      code = c;
    },
  };
  const program = new Command()
    .name('itps')
    .description('ITPS intrathecal pump simulator: scenarios from the command line. Not for clinical use.')
    .version(version(), '--version', 'print the version')
    .exitOverride()
    .showHelpAfterError('(itps --help lists the commands; itps help COMMAND explains one)')
    .configureOutput({ writeErr: ctx.err, writeOut: ctx.out });
  for (const add of [
    runCommand,
    reportCommand,
    validateCommand,
    schemaCommand,
    sweepCommand,
    mergeCommand,
    diffCommand,
  ])
    add(program, ctx);
  try {
    await program.parseAsync(['node', 'itps', ...argv]);
  } catch (error) {
    // commander has already said what was wrong with the words typed
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    if (error instanceof UsageError) {
      ctx.err(`itps: ${error.message.slice(0, 500)}\n`);
      return 2;
    }
    // not the input's fault: a defect of itps or of the machine, said as such
    ctx.err(`itps: internal error, please report it with the command you typed: ${String(error).slice(0, 500)}\n`);
    return 3;
  }
  return code;
}

// a reader that stops early (itps run ... | head) closes the pipe: stop quietly, as other tools do
for (const stream of [process.stdout, process.stderr])
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });

process.exitCode = await main(process.argv.slice(2), process.env.INIT_CWD ?? process.cwd());
