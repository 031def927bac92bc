import { exerciseFromYaml, exerciseMeta, exerciseTitle } from '@itps/scenarios';
import type { MetaOf } from './exerciseLibrary.ts';

/** The title, topics and difficulty the browser's library lists an exercise by, read from its YAML. */
export const exerciseMetaOf: MetaOf = (yaml) => {
  const parsed = exerciseFromYaml(yaml, 'library');
  if (!parsed.ok) return null;
  const meta = exerciseMeta(parsed.scenario);
  return { name: exerciseTitle(meta.title), topics: meta.topics, difficulty: meta.difficulty };
};
