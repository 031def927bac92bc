import type { TrainingDebrief } from '../training/scoreTraining.ts';
import type { TraineeAction } from '../training/traineeActions.ts';
import type { TrainingRecord } from '../training/trainingSession.ts';

/** An exercise of the classroom server's library, at one saved version. */
export interface LibraryRef {
  readonly id: string;
  readonly version: number;
}

/** One finished exercise, as the classroom server's records list it (and its API sends it). */
export interface RecordSummary {
  readonly id: string;
  readonly traineeId: string;
  readonly traineeName: string;
  readonly classId: string | null;
  readonly exerciseFile: string;
  readonly exerciseName: string;
  readonly exerciseVersion: string;
  /**
   * The library exercise and the version of it the class was opened with; null for a shipped
   * exercise (and absent in records kept before the library was).
   */
  readonly library?: LibraryRef | null;
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly scorePercent: number;
  readonly passed: boolean;
  /** The seat of the class it was done in (null for records kept before seats were, or outside a class). */
  readonly seatId?: string | null;
  /** What the class did to it (exports and lists carry it; absent in records kept before it was). */
  readonly events?: readonly ClassEvent[];
  /** What the trainee did, as the exercise recorded it (exports carry it). */
  readonly actions?: readonly TraineeAction[];
}

/** What the class did to one trainee's exercise, beside what the trainee did (kept in the record). */
export type ClassEventKind = 'join' | 'leave' | 'back' | 'run' | 'pause' | 'fault' | 'finish' | 'end' | 'remove';

/**
 * Something that happened in a class to one trainee's exercise: the instructor ran, paused or ended
 * the class, injected a fault into it or removed the seat, the trainee's device left or came back, the exercise was
 * finished. Kept with the record, shown in the debrief, written to the CSV and the xAPI.
 */
export interface ClassEvent {
  /** The exercise's simulated time when it happened (ms since the scenario's t = 0). */
  readonly at: number;
  /** The real instant, ISO 8601. */
  readonly when: string;
  readonly by: 'instructor' | 'trainee';
  readonly kind: ClassEventKind;
  /** The fault's name, the clock's speed in simulated ms a real ms; null when there is nothing more to say. */
  readonly detail: string | null;
  /** Whether the world took it (a fault the pump refused in its state is kept, refused). */
  readonly ok: boolean;
}

/** One finished exercise whole: its summary, the debrief (rubric, timeline) and the record to replay it. */
export interface StoredRecord extends RecordSummary {
  readonly debrief: TrainingDebrief;
  readonly record: TrainingRecord;
  readonly seatId: string | null;
  /** What the class did to it: the instructor's actions, faults injected, the device leaving and coming back. */
  readonly events: readonly ClassEvent[];
}

/** A class as the records know it. */
export interface ClassRow {
  readonly id: string;
  readonly exerciseFile: string;
  readonly exerciseName: string;
  readonly exerciseVersion: string;
  /** The library exercise and version the class was opened with; null for a shipped exercise. */
  readonly library?: LibraryRef | null;
  readonly createdAt: string;
  readonly endedAt: string | null;
}

/** An exercise's name as a list shows it: without the "Training: " every exercise name starts with. */
export const exerciseTitle = (name: string): string => name.replace(/^Training: /, '');
