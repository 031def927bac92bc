import { parseSetting } from '@itps/scenarios';
import { UsageError } from './context.ts';

/** Collects a repeatable option's words in order. */
export const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

/** The `--set` option's help, the same words on `run` and `report`. */
export const SET_HELP =
  'set a field before the run, as a sweep run does: pump.therapy.doseMcgPerDay=200 (repeatable; one value each)';

/**
 * `--set PATH=VALUE` words of `itps run` and `itps report`, read by the sweep's own parser
 * (`parseSetting`: the same paths, the same values, the same messages), each with one value: a
 * list of values is a sweep's, and is refused here with the command that takes it.
 */
export function settingsOf(words: readonly string[] = []): Record<string, string | number | boolean> {
  const settings: Record<string, string | number | boolean> = {};
  for (const word of words) {
    const parsed = parseSetting(word);
    if (!parsed.ok) throw new UsageError(parsed.message);
    const { path, values } = parsed.value;
    if (values.length !== 1 || values[0] === undefined)
      throw new UsageError(
        `--set: expected one value for ${path} (several values are a sweep: itps sweep FILE --seeds N --set ${path}=V1,V2), found ${values.length}`,
      );
    if (path in settings) throw new UsageError(`--set: expected each path once, found ${path} twice`);
    settings[path] = values[0];
  }
  return settings;
}
