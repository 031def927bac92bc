import { printable } from '@itps/scenarios';
import type { Command } from 'commander';
import { type LimitOptions, limitsOf, withLimitFlags } from '../limitFlags.ts';
import { summarize } from '../reporters/humanReporter.ts';
import { loadScenario } from '../runFiles.ts';
import type { CommandContext } from './context.ts';

/** `itps validate FILE...`: checks files against the format and the limits without running them. */
export function validateCommand(program: Command, ctx: CommandContext): void {
  withLimitFlags(
    program
      .command('validate')
      .description('check files against the format (and the limits) without running them')
      .argument('<files...>', 'scenario files (YAML or JSON)'),
  ).action((files: string[], o: LimitOptions) => {
    let bad = 0;
    for (const file of files) {
      const parsed = loadScenario(file, ctx.cwd, limitsOf(o));
      if (parsed.ok) ctx.out(`valid ${printable(file)}\n`);
      else {
        bad += 1;
        ctx.err(`${summarize({ file, kind: 'invalid', problems: parsed.problems })}\n`);
      }
    }
    if (files.length > 1) ctx.out(`${files.length - bad} valid, ${bad} invalid\n`);
    ctx.exit(bad > 0 ? 2 : 0);
  });
}
