import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatProblem, type LibraryRef, parseScenario } from '@itps/scenarios';
import type { ClassExercise } from './seat.ts';

/** The training exercises shipped with @itps/scenarios (reached through this package's own dependency). */
export const TRAINING_DIR = fileURLToPath(new URL('../../node_modules/@itps/scenarios/training/', import.meta.url));

/** Reads and checks every exercise in `dir`, by file name; an exercise that does not parse is an error at start. */
export async function loadExercises(dir: string = TRAINING_DIR): Promise<Map<string, ClassExercise>> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.scenario.yaml')).sort();
  const exercises = new Map<string, ClassExercise>();
  for (const file of files) {
    const exercise = exerciseOf(file, await readFile(join(dir, file), 'utf8'));
    if (exercise.scenario.patient !== undefined) exercises.set(file, exercise);
  }
  return exercises;
}

/**
 * An exercise from its text (a file read now, the text a class was opened with, a library
 * exercise's saved version, named by `library`); throws when it does not parse.
 */
export function exerciseOf(file: string, text: string, library?: LibraryRef): ClassExercise {
  const parsed = parseScenario(text, file);
  if (!parsed.ok) throw new Error(parsed.problems.map(formatProblem).join('\n'));
  const version = createHash('sha256').update(text).digest('hex').slice(0, 12);
  return { file, text, version, scenario: parsed.scenario, ...(library === undefined ? {} : { library }) };
}
