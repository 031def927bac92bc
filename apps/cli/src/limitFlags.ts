import { DEFAULT_LIMITS, formatDuration, HARD_LIMITS, parseDuration, type ScenarioLimits } from '@itps/scenarios';
import { type Command, InvalidArgumentError } from 'commander';

const whole = (name: keyof ScenarioLimits) => (value: string) => {
  if (!/^\d+$/.test(value))
    throw new InvalidArgumentError(`expected a whole number, found ${JSON.stringify(value.slice(0, 40))}`);
  const n = Number(value);
  if (n < 1 || n > HARD_LIMITS[name])
    throw new InvalidArgumentError(
      `expected a whole number from 1 to ${HARD_LIMITS[name]}, found ${value.slice(0, 40)}`,
    );
  return n;
};

const duration = (value: string) => {
  const ms = parseDuration(value);
  if (ms === null || ms <= 0 || ms > HARD_LIMITS.maxDurationMs)
    throw new InvalidArgumentError(
      `expected an ISO 8601 duration up to ${formatDuration(HARD_LIMITS.maxDurationMs)}, found ${JSON.stringify(value.slice(0, 40))}`,
    );
  return ms;
};

/** The options the limit flags add to a command. */
export interface LimitOptions {
  readonly maxBytes?: number;
  readonly maxDepth?: number;
  readonly maxTimeline?: number;
  readonly maxExpectations?: number;
  readonly maxDuration?: number;
}

/** Adds a flag per limit to a command, each with its default and the most it may be raised to. */
export function withLimitFlags(command: Command): Command {
  return command
    .option('--max-bytes <n>', `largest file read, in bytes (default ${DEFAULT_LIMITS.maxBytes})`, whole('maxBytes'))
    .option(
      '--max-depth <n>',
      `deepest nesting of mappings and lists (default ${DEFAULT_LIMITS.maxDepth})`,
      whole('maxDepth'),
    )
    .option('--max-timeline <n>', `most timeline actions (default ${DEFAULT_LIMITS.maxTimeline})`, whole('maxTimeline'))
    .option(
      '--max-expectations <n>',
      `most expectations (default ${DEFAULT_LIMITS.maxExpectations})`,
      whole('maxExpectations'),
    )
    .option(
      '--max-duration <iso>',
      `longest simulated time (default ${formatDuration(DEFAULT_LIMITS.maxDurationMs)})`,
      duration,
    );
}

/** The limits a command runs with: the defaults, raised or lowered by its flags. */
export const limitsOf = (o: LimitOptions): ScenarioLimits => ({
  maxBytes: o.maxBytes ?? DEFAULT_LIMITS.maxBytes,
  maxDepth: o.maxDepth ?? DEFAULT_LIMITS.maxDepth,
  maxTimeline: o.maxTimeline ?? DEFAULT_LIMITS.maxTimeline,
  maxExpectations: o.maxExpectations ?? DEFAULT_LIMITS.maxExpectations,
  maxDurationMs: o.maxDuration ?? DEFAULT_LIMITS.maxDurationMs,
});

/**
 * The limit flags a command was given, as words to repeat on another command line (a sweep's
 * replay commands carry them, so a run the sweep could make is one `itps run` can make).
 */
export function limitWords(o: LimitOptions): string[] {
  const words: string[] = [];
  if (o.maxBytes !== undefined) words.push('--max-bytes', String(o.maxBytes));
  if (o.maxDepth !== undefined) words.push('--max-depth', String(o.maxDepth));
  if (o.maxTimeline !== undefined) words.push('--max-timeline', String(o.maxTimeline));
  if (o.maxExpectations !== undefined) words.push('--max-expectations', String(o.maxExpectations));
  if (o.maxDuration !== undefined) words.push('--max-duration', formatDuration(o.maxDuration));
  return words;
}
