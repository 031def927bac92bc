import type { TrainingDebrief } from '../training/scoreTraining.ts';
import type { TrainingRecord } from '../training/trainingSession.ts';

/** One finished exercise, as the classroom server's records list it (and its API sends it). */
export interface RecordSummary {
  readonly id: string;
  readonly traineeId: string;
  readonly traineeName: string;
  readonly classId: string | null;
  readonly exerciseFile: string;
  readonly exerciseName: string;
  readonly exerciseVersion: string;
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly scorePercent: number;
  readonly passed: boolean;
}

/** One finished exercise whole: its summary, the debrief (rubric, timeline) and the record to replay it. */
export interface StoredRecord extends RecordSummary {
  readonly debrief: TrainingDebrief;
  readonly record: TrainingRecord;
}

/** A class as the records know it. */
export interface ClassRow {
  readonly id: string;
  readonly exerciseFile: string;
  readonly exerciseName: string;
  readonly exerciseVersion: string;
  readonly createdAt: string;
  readonly endedAt: string | null;
}

/** An exercise's name as a list shows it: without the "Training: " every exercise name starts with. */
export const exerciseTitle = (name: string): string => name.replace(/^Training: /, '');
