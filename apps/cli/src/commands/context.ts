import type { Streams } from '../reporters/reporter.ts';

/** What every command is given: where the user typed it, where to write, and where to set the exit code. */
export interface CommandContext extends Streams {
  readonly cwd: string;
  exit(code: 0 | 1 | 2): void;
}

/** Bad words on the command line found while a command runs (a sweep's seeds, a shard): printed, exit 2. */
export class UsageError extends Error {}
