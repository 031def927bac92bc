import { type Milliseconds, MS_PER_HOUR } from '@itps/core';
import {
  coursePoint,
  createScenarioPlayer,
  createScenarioWorld,
  parseDuration,
  parseScenario,
  type ScenarioFile,
  scoreTraining,
  type TraineeAction,
  type TrainingDebrief,
  type TrainingRun,
  trainingOf,
  trainingRunOf,
} from '@itps/scenarios';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { useWorldHandle } from './SimulationProvider.tsx';
import {
  keepResult,
  loadResults,
  loadTraining,
  saveTraining,
  type TrainingResult,
  type TrainingState,
} from './trainingStore.ts';

/** The patient's course is sampled at most this often (simulated time). */
const COURSE_EVERY_MS = 15 * 60_000;
/** Course points after which the sampling spacing doubles. */
const MAX_COURSE = 2000;
/** Longest wait (real time) before the exercise in progress is written to storage. */
const SAVE_EVERY_MS = 500;

interface TrainingHandle {
  /** The exercise in progress or just finished, with its scenario; null when none. */
  readonly state: TrainingState | null;
  readonly scenario: ScenarioFile | null;
  readonly results: readonly TrainingResult[];
  /** Starts an exercise: a new world from the scenario, run unseen to the visit. */
  start(scenario: ScenarioFile): void;
  /** Records a clinical action (or anything the trainee did outside the programmer). */
  record(type: string, detail?: string): void;
  /** Scores the run and shows the debrief; the result is kept in this browser. */
  finish(): TrainingDebrief | null;
  /** Leaves the exercise (the world stays). */
  leave(): void;
  /** Replaces the exercise with one from a session file. */
  adopt(state: TrainingState | null): void;
}

const TrainingContext = createContext<TrainingHandle | null>(null);

const scenarioOf = (state: TrainingState | null): ScenarioFile | null => {
  if (state === null) return null;
  const parsed = parseScenario(state.scenario, 'training scenario');
  return parsed.ok ? parsed.scenario : null;
};

/**
 * The training layer of the app: the exercise, the trainee's actions (clinical actions recorded by
 * the training panel, programmer actions read from the session as it changes), the patient's course,
 * and scoring at the end. Everything saves itself in browser storage.
 */
export function TrainingProvider({ children }: { children: ReactNode }) {
  const { world, replace, advanceTo } = useWorldHandle();
  const [state, setState] = useState<TrainingState | null>(() => loadTraining());
  const [results, setResults] = useState<TrainingResult[]>(() => loadResults());
  const scenario = useMemo(() => scenarioOf(state), [state]);
  const stateRef = useRef(state);
  stateRef.current = state;
  // storage is written at most every SAVE_EVERY_MS of real time: at 1 day per second the course grows 96 points a second
  const saving = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(
    () => () => {
      if (saving.current !== null) clearTimeout(saving.current);
      saveTraining(stateRef.current);
    },
    [],
  );
  const update = useCallback((next: TrainingState | null, now = false) => {
    stateRef.current = next;
    setState(next);
    if (now) {
      if (saving.current !== null) clearTimeout(saving.current);
      saving.current = null;
      saveTraining(next);
    } else if (saving.current === null) {
      saving.current = setTimeout(() => {
        saving.current = null;
        saveTraining(stateRef.current);
      }, SAVE_EVERY_MS);
    }
  }, []);
  const append = useCallback(
    (action: TraineeAction) => {
      const s = stateRef.current;
      if (s === null || s.debrief !== null) return;
      update({ ...s, trainee: [...s.trainee, action] }, true);
    },
    [update],
  );

  // programmer actions, read from the session's changes
  useEffect(() => {
    let before = world.session.getSnapshot();
    const sub = world.session.subscribe((after) => {
      const at = world.simulation.now();
      const was = String(before.value);
      const is = String(after.value);
      if (was === 'disconnected' && is === 'connecting') append({ at, type: 'programmer.connect' });
      if (after.context.workflow !== null && after.context.workflow !== before.context.workflow)
        append({ at, type: 'programmer.workflow', detail: after.context.workflow });
      for (const code of after.context.acknowledged)
        if (!before.context.acknowledged.includes(code))
          append({ at, type: 'programmer.softLimitConfirmed', detail: code });
      if (is === 'sending' && was !== 'sending') append({ at, type: 'programmer.sent' });
      if (is === 'verifying' && was !== 'verifying') append({ at, type: 'programmer.verify' });
      before = after;
    });
    return () => sub.unsubscribe();
  }, [world, append]);

  // the patient's course, sampled as time runs
  useEffect(() => {
    const sub = world.simulation.pump.subscribe(() => {
      const s = stateRef.current;
      if (s === null || s.debrief !== null) return;
      const last = s.course[s.course.length - 1];
      const now = world.simulation.now();
      // the spacing doubles each time the course passes another MAX_COURSE points: years stay a few thousand
      const spacing = COURSE_EVERY_MS * 2 ** Math.floor(s.course.length / MAX_COURSE);
      if (last !== undefined && now - last.at < spacing) return;
      const point = coursePoint(world.simulation);
      if (point !== null) update({ ...s, course: [...s.course, point] });
    });
    return () => sub.unsubscribe();
  }, [world, update]);

  const handle: TrainingHandle = {
    state,
    scenario,
    results,
    start(s) {
      const next = createScenarioWorld(s, s.seed ?? 1);
      const player = createScenarioPlayer(s, next);
      // the story before the visit runs unseen; the debrief still shows the patient's course through it
      const visit = parseDuration(trainingOf(s).visitAt ?? 'PT0S') ?? 0;
      const course: TrainingRun['course'][number][] = [];
      for (let t = 0; ; t = Math.min(visit, t + MS_PER_HOUR)) {
        player.advanceTo(t as Milliseconds);
        const point = coursePoint(next.simulation);
        if (point !== null) course.push(point);
        if (t >= visit) break;
      }
      update({ format: 'itps-training/1', scenario: JSON.stringify(s), trainee: [], course, debrief: null }, true);
      replace(next, player);
    },
    record(type, detail) {
      append({ at: world.simulation.now(), type, ...(detail === undefined ? {} : { detail }) });
    },
    finish() {
      if (stateRef.current === null || scenario === null) return null;
      // the rest of the story: the scenario runs on to its end, so the debrief shows what followed
      const end = parseDuration(scenario.duration) ?? 0;
      for (let t = world.simulation.now() + MS_PER_HOUR; t < end; t += MS_PER_HOUR) advanceTo(t as Milliseconds);
      if (end > world.simulation.now()) advanceTo(end as Milliseconds);
      const s = stateRef.current;
      const incompleteSession = world.session.getSnapshot().context.incomplete;
      const run = trainingRunOf(scenario.name, world.simulation, s.trainee, {
        incompleteSession,
        course: s.course,
      });
      const debrief = scoreTraining(scenario, run);
      update({ ...s, debrief }, true);
      setResults(
        keepResult({
          finishedAt: new Date().toISOString(),
          scenario: scenario.name,
          scorePercent: debrief.scorePercent,
          passed: debrief.passed,
          debrief,
        }),
      );
      return debrief;
    },
    leave: () => update(null, true),
    adopt: (next) => update(next, true),
  };
  return <TrainingContext.Provider value={handle}>{children}</TrainingContext.Provider>;
}

/** The page's training handle. */
export function useTraining(): TrainingHandle {
  const handle = useContext(TrainingContext);
  if (handle === null) throw new Error('useTraining: no TrainingProvider above');
  return handle;
}
