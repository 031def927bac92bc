import { formatProblem } from '@itps/scenarios';
import { readScenarioText } from './fileSystem.ts';

/** The most a saved report or sweep may be: a seven-year report with its series is about 5 MB. */
export const MAX_JSON_BYTES = 256_000_000;

/** Reads a JSON file the CLI wrote (a report, a sweep), naming the file and what is wrong when it cannot. */
export function readJsonFile(file: string, cwd: string): { ok: true; root: unknown } | { ok: false; message: string } {
  const read = readScenarioText(file, cwd, MAX_JSON_BYTES);
  if (!read.ok) return { ok: false, message: formatProblem(read.problem) };
  try {
    return { ok: true, root: JSON.parse(read.text) };
  } catch (error) {
    return {
      ok: false,
      message: formatProblem({
        file,
        path: '',
        expected: 'a JSON file written by itps',
        found: String(error).slice(0, 120),
      }),
    };
  }
}
