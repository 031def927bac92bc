import { scenarioJsonSchema } from '@itps/scenarios';
import type { Command } from 'commander';
import { writeFiles } from '../fileSystem.ts';
import type { CommandContext } from './context.ts';

/** `itps schema`: scenario format 1 as JSON Schema, for editors that complete and validate YAML and JSON. */
export function schemaCommand(program: Command, ctx: CommandContext): void {
  program
    .command('schema')
    .description(
      'print scenario format 1 as JSON Schema (for editors: name it with $schema or a yaml-language-server comment)',
    )
    .option('--out <file>', 'write it to a file instead of standard output')
    .action((o: { out?: string }) => {
      const text = `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
      if (o.out === undefined) {
        ctx.out(text);
        ctx.exit(0);
        return;
      }
      const slash = o.out.lastIndexOf('/');
      const written = writeFiles(slash === -1 ? '.' : o.out.slice(0, slash) || '/', ctx.cwd, [
        [o.out.slice(slash + 1), text],
      ]);
      if (!written.ok) {
        ctx.err(`itps schema: could not write ${written.failure.path}: ${written.failure.reason}\n`);
        ctx.exit(2);
        return;
      }
      ctx.out(`wrote ${o.out}\n`);
      ctx.exit(0);
    });
}
