import type { TraineeAction, TrainingDebrief, TrainingRun } from '@itps/scenarios';

/** A training exercise in progress or finished: the scenario (as its file's JSON), what the trainee did, the patient's course. */
export interface TrainingState {
  readonly format: 'itps-training/1';
  /** The scenario file, as JSON text (re-validated on load like any scenario). */
  readonly scenario: string;
  readonly trainee: readonly TraineeAction[];
  readonly course: TrainingRun['course'];
  readonly debrief: TrainingDebrief | null;
}

/** A finished exercise kept in this browser. */
export interface TrainingResult {
  /** Wall-clock time the trainee finished (the app's own label; the simulation never reads a clock). */
  readonly finishedAt: string;
  readonly scenario: string;
  readonly scorePercent: number;
  readonly passed: boolean;
  readonly debrief: TrainingDebrief;
}

/** Where the exercise in progress lives in the browser. */
export const TRAINING_KEY = 'itps.training.v1';
/** Where finished exercises are kept. */
export const RESULTS_KEY = 'itps.training.results.v1';

/** Whether a value read from storage or a session file is a training state this version understands. */
export function isTrainingState(value: unknown): value is TrainingState {
  if (value === null || typeof value !== 'object') return false;
  const v = value as Partial<TrainingState>;
  return v.format === 'itps-training/1' && typeof v.scenario === 'string' && Array.isArray(v.trainee);
}

const read = (key: string): unknown => {
  try {
    const text = localStorage.getItem(key);
    return text === null ? null : JSON.parse(text);
  } catch {
    return null;
  }
};
const write = (key: string, value: unknown) => {
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // storage full or disabled: the exercise still runs, it just will not survive a reload
  }
};

/** The saved exercise, if there is a readable one. */
export function loadTraining(): TrainingState | null {
  const value = read(TRAINING_KEY);
  return isTrainingState(value) ? value : null;
}

/** Saves the exercise now, or forgets it. */
export const saveTraining = (state: TrainingState | null): void => write(TRAINING_KEY, state);

/** The results kept in this browser, newest last. */
export function loadResults(): TrainingResult[] {
  const value = read(RESULTS_KEY);
  return Array.isArray(value) ? (value as TrainingResult[]) : [];
}

/** Adds a finished exercise to the kept results. */
export function keepResult(result: TrainingResult): TrainingResult[] {
  const results = [...loadResults(), result];
  write(RESULTS_KEY, results);
  return results;
}
