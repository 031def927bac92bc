import { exerciseFromYaml, exerciseMeta, exerciseTitle, exerciseToYaml } from '@itps/scenarios';
import type { CopyOf, MetaOf } from './exerciseLibrary.ts';

/** The title, topics and difficulty the browser's library lists an exercise by, read from its YAML. */
export const exerciseMetaOf: MetaOf = (yaml) => {
  const parsed = exerciseFromYaml(yaml, 'library');
  if (!parsed.ok) return null;
  const meta = exerciseMeta(parsed.scenario);
  return { name: exerciseTitle(meta.title), topics: meta.topics, difficulty: meta.difficulty };
};

/** A copy of an exercise for the browser's library, as the server makes one: its title marked "(copy)". */
export const copyOfExercise: CopyOf = (yaml) => {
  const parsed = exerciseFromYaml(yaml, 'library');
  return parsed.ok ? exerciseToYaml({ ...parsed.scenario, name: `${parsed.scenario.name} (copy)` }) : yaml;
};
