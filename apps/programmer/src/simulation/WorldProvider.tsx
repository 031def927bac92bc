import {
  type BedsideView,
  bedsideView,
  type CommandResult,
  type InstructorView,
  instructorView,
  type ProgrammerView,
  programmerView,
  type WorldCommand,
  type WorldState,
} from '@itps/core';
import { formatProblem } from '@itps/scenarios';
import { createContext, type ReactNode, useContext, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { clearSession, loadResults, loadSession, saveSession, type TrainingResult } from './savedSessions.ts';
import { freeStage, restoredStage, type Stage, WorldStore } from './worldStore.ts';

/** Real milliseconds between two saves while time runs (a command a person gives is saved at once). */
const SAVE_EVERY_MS = 1000;

interface WorldContextValue {
  readonly store: WorldStore;
  /** What the page must tell the user about the saved session it found (an old or unreadable one). */
  readonly notice: string | null;
  readonly results: readonly TrainingResult[];
  readonly setResults: (results: readonly TrainingResult[]) => void;
}

const WorldContext = createContext<WorldContextValue | null>(null);

/** Saves the store's session when it changes: at once after a command, at most every second while time runs. */
function persistChanges(store: WorldStore): () => void {
  let saving = false;
  let again = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const flush = async () => {
    if (saving) {
      again = true;
      return;
    }
    saving = true;
    do {
      again = false;
      await saveSession(store.session());
    } while (again);
    saving = false;
  };
  const unsubscribe = store.subscribe((kind) => {
    if (kind === 'act') {
      if (timer !== null) clearTimeout(timer);
      timer = null;
      void flush();
    } else if (timer === null) {
      timer = setTimeout(() => {
        timer = null;
        void flush();
      }, SAVE_EVERY_MS);
    }
  });
  const onHide = () => void flush();
  addEventListener('pagehide', onHide);
  return () => {
    unsubscribe();
    removeEventListener('pagehide', onHide);
    if (timer !== null) clearTimeout(timer);
  };
}

/**
 * The page's one world, restored from the browser's saved session when there is a sound one. Until
 * the saved session is read (IndexedDB answers asynchronously) nothing else renders, so no command
 * can reach a world about to be replaced.
 */
export function WorldProvider({ children }: { children: ReactNode }) {
  const [value, setValue] = useState<Omit<WorldContextValue, 'setResults'> | null>(null);
  const [results, setResults] = useState<readonly TrainingResult[]>([]);
  useEffect(() => {
    let live = true;
    void (async () => {
      const [{ stored, notice }, kept] = await Promise.all([loadSession(), loadResults()]);
      let stage: Stage = freeStage();
      let told = notice;
      if (stored?.ok === true) stage = restoredStage(stored.session, stored.scenario);
      else if (stored?.ok === false) {
        told = `The saved session could not be restored, so a new session started: ${stored.problems.map(formatProblem).join('; ')}`;
        await clearSession();
      }
      if (!live) return;
      setResults(kept);
      setValue({ store: new WorldStore(stage), notice: told, results: kept });
    })();
    return () => {
      live = false;
    };
  }, []);
  const store = value?.store ?? null;
  useEffect(() => (store === null ? undefined : persistChanges(store)), [store]);
  if (value === null)
    return (
      <p className="loading" role="status">
        Loading the saved session…
      </p>
    );
  return <WorldContext.Provider value={{ ...value, results, setResults }}>{children}</WorldContext.Provider>;
}

function useWorldContext(): WorldContextValue {
  const value = useContext(WorldContext);
  if (value === null) throw new Error('useWorldContext: no WorldProvider above');
  return value;
}

/** The page's world store: apply commands, replace the stage, read the session. */
export const useWorldStore = (): WorldStore => useWorldContext().store;

/** What the page must tell the user about the session it found at start. */
export const useStartNotice = (): string | null => useWorldContext().notice;

/** The finished exercises kept in this browser, and how to replace them. */
export function useResults(): [readonly TrainingResult[], (results: readonly TrainingResult[]) => void] {
  const { results, setResults } = useWorldContext();
  return [results, setResults];
}

/** The store's version: re-renders the caller at every change. */
export function useWorldVersion(): number {
  const store = useWorldStore();
  return useSyncExternalStore(store.subscribe, () => store.version);
}

/**
 * A value selected from the world's state, re-rendering the caller only when it changes (by
 * `equal`, `Object.is` unless said otherwise).
 */
export function useWorldSelector<T>(select: (state: WorldState) => T, equal: (a: T, b: T) => boolean = Object.is): T {
  const store = useWorldStore();
  const cache = useRef<{ version: number; value: T } | null>(null);
  const read = (): T => {
    const cached = cache.current;
    if (cached !== null && cached.version === store.version) return cached.value;
    const value = select(store.state());
    cache.current = {
      version: store.version,
      value: cached !== null && equal(cached.value, value) ? cached.value : value,
    };
    return cache.current.value;
  };
  return useSyncExternalStore(store.subscribe, read);
}

/** Whether two plain objects hold the same values, field by field (`Object.is`). */
export function shallowEqual<T extends object>(a: T, b: T): boolean {
  const keys = Object.keys(a) as (keyof T)[];
  return keys.length === Object.keys(b).length && keys.every((k) => Object.is(a[k], b[k]));
}

/** The door, for components: applies a command and returns its result. */
export function useApply(): (command: WorldCommand) => CommandResult {
  const store = useWorldStore();
  return (command) => store.apply(command);
}

/** What the trainee's programmer shows. */
export const useProgrammerView = (): ProgrammerView => useWorldSelector(programmerView, shallowEqual);
/** What the trainee sees and hears at the bedside. */
export const useBedsideView = (): BedsideView => useWorldSelector(bedsideView);
/** Truth beside belief, for the instructor's console. */
export const useInstructorView = (): InstructorView => useWorldSelector(instructorView);
