/**
 * What an exercise teaches (`training.topic`, one or a list): the words an instructor searches the
 * library by. Extension of format 1 (docs/training.md).
 */
export const TRAINING_TOPICS = [
  'screening',
  'titration',
  'refill',
  'concentration',
  'programming',
  'catheter',
  'withdrawal',
  'overdose',
  'alarms',
  'battery',
  'mri',
  'priming',
  'replacement',
  'pain',
  'opioids',
  'ziconotide',
  'admixture',
  'ptm',
] as const;

/** One topic of {@link TRAINING_TOPICS}. */
export type TrainingTopic = (typeof TRAINING_TOPICS)[number];

/** How hard an exercise is (`training.difficulty`), from a first exercise to one for the experienced. */
export const TRAINING_DIFFICULTIES = ['introductory', 'intermediate', 'advanced'] as const;

/** One difficulty of {@link TRAINING_DIFFICULTIES}. */
export type TrainingDifficulty = (typeof TRAINING_DIFFICULTIES)[number];
