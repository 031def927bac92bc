import type { ScenarioFile } from '../scenarioSchema.ts';
import type { TrainingDifficulty, TrainingTopic } from '../training/trainingTopics.ts';

/** What the library lists and searches an exercise by. */
export interface ExerciseMeta {
  readonly title: string;
  /** Its topics, in the order written (empty when it names none). */
  readonly topics: readonly TrainingTopic[];
  /** Null when it does not say. */
  readonly difficulty: TrainingDifficulty | null;
  /** The trainee's brief (empty for a plain scenario), for text search. */
  readonly brief: string;
}

/** An exercise's title, topics, difficulty and brief (`name`, `training.topic`, `training.difficulty`). Pure. */
export function exerciseMeta(scenario: ScenarioFile): ExerciseMeta {
  const topic = scenario.training?.topic;
  return {
    title: scenario.name,
    topics: topic === undefined ? [] : typeof topic === 'string' ? [topic] : [...topic],
    difficulty: scenario.training?.difficulty ?? null,
    brief: scenario.training?.brief ?? '',
  };
}
