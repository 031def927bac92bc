import type { TrainingDebrief } from '@itps/scenarios';
import { keepResult, type TrainingResult } from './savedSessions.ts';
import { useDoor, useResults, useStageInfo } from './WorldProvider.tsx';
import type { ExerciseRecordView, ScenarioSourceText } from './worldDoor.ts';

/** The page's training: the exercise running (if any), what it has recorded, and its controls. */
export interface TrainingHandle {
  /** The exercise's name and brief; null when none runs. */
  readonly exercise: {
    readonly name: string;
    readonly brief: string;
    readonly phase: 'screening' | 'implanted' | 'theatre';
  } | null;
  /** What the exercise has recorded so far (trainee actions, course, debrief once finished). */
  readonly record: ExerciseRecordView | null;
  /** Whether this device sits in a class (the instructor chose the exercise; it cannot be left or swapped here). */
  readonly inClass: boolean;
  readonly results: readonly TrainingResult[];
  /** Starts an exercise: a new world from the scenario, run unseen to the visit; resolves with problems. */
  start(source: ScenarioSourceText): Promise<readonly string[]>;
  /** Records a clinical action through the exercise's door. */
  act(action: string, detail?: string): void;
  /** Scores the run and shows the debrief; the result is kept in this browser. */
  finish(): Promise<TrainingDebrief | null>;
  /** Leaves the exercise; the world stays as it is, free. */
  leave(): void;
}

/** The page's training handle. */
export function useTraining(): TrainingHandle {
  const door = useDoor();
  const { training } = useStageInfo();
  const [results, setResults] = useResults();
  return {
    exercise: training === null ? null : { name: training.name, brief: training.brief, phase: training.phase },
    record: training?.record ?? null,
    inClass: door.classroom !== null,
    results,
    start: (source) => door.startExercise(source),
    act: (action, detail) =>
      void door.apply({ type: 'clinical.act', action, ...(detail === undefined ? {} : { detail }) }),
    async finish() {
      const debrief = await door.finishExercise();
      // in a class the server keeps the record; this browser keeps only what it ran itself
      if (debrief !== null && door.classroom === null)
        setResults(
          await keepResult({
            finishedAt: new Date().toISOString(),
            scenario: debrief.scenario,
            scorePercent: debrief.scorePercent,
            passed: debrief.passed,
            debrief,
          }),
        );
      return debrief;
    },
    leave: () => void door.leaveExercise(),
  };
}
