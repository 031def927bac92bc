import type { ScenarioFile, TrainingDebrief, TrainingRecord, TrainingSession } from '@itps/scenarios';
import { useMemo } from 'react';
import { keepResult, type TrainingResult } from './savedSessions.ts';
import { useResults, useWorldStore, useWorldVersion } from './WorldProvider.tsx';
import { type LoadedScenario, trainingStage } from './worldStore.ts';

/** The page's training: the exercise running (if any), what it has recorded, and its controls. */
export interface TrainingHandle {
  readonly session: TrainingSession | null;
  readonly scenario: ScenarioFile | null;
  /** What the exercise has recorded so far (trainee actions, course, debrief once finished). */
  readonly record: TrainingRecord | null;
  readonly results: readonly TrainingResult[];
  /** Starts an exercise: a new world from the scenario, run unseen to the visit. */
  start(loaded: LoadedScenario): void;
  /** Records a clinical action through the exercise's door. */
  act(action: string, detail?: string): void;
  /** Scores the run and shows the debrief; the result is kept in this browser. */
  finish(): TrainingDebrief | null;
  /** Leaves the exercise; the world stays as it is, free. */
  leave(): void;
}

/** The page's training handle. */
export function useTraining(): TrainingHandle {
  const store = useWorldStore();
  const version = useWorldVersion();
  const [results, setResults] = useResults();
  const session = store.stage.training;
  // biome-ignore lint/correctness/useExhaustiveDependencies: the record changes with the store's version
  const record = useMemo(() => session?.record() ?? null, [session, version]);
  return {
    session,
    scenario: session?.scenario ?? null,
    record,
    results,
    start: (loaded) => store.replace(trainingStage(loaded)),
    act: (action, detail) =>
      void store.apply({ type: 'clinical.act', action, ...(detail === undefined ? {} : { detail }) }),
    finish() {
      const debrief = store.finishTraining();
      if (debrief !== null)
        void keepResult({
          finishedAt: new Date().toISOString(),
          scenario: debrief.scenario,
          scorePercent: debrief.scorePercent,
          passed: debrief.passed,
          debrief,
        }).then(setResults);
      return debrief;
    },
    leave() {
      const { world } = store.stage;
      store.replace({ world, scenario: null, player: null, training: null });
    },
  };
}
