import {
  type BedsideView,
  type CommandResult,
  type InstructorView,
  instructorView,
  type ProgrammerView,
  type TraineeView,
  type WorldCommand,
  type WorldState,
} from '@itps/core';
import { formatProblem } from '@itps/scenarios';
import { createContext, type ReactNode, useContext, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { ClassDoor } from '../classroom/classDoor.ts';
import { type ClassSeat, leaveClass } from '../classroom/classSeat.ts';
import { freeStage, LocalDoor, restoredStage, type Stage } from './localDoor.ts';
import { RemoteDoor } from './remoteDoor.ts';
import { renderSubscribe } from './renderSubscribe.ts';
import { clearSession, loadResults, loadSession, saveSession, type TrainingResult } from './savedSessions.ts';
import { serveDoor } from './serveDoor.ts';
import type { StageInfo, WorldDoor } from './worldDoor.ts';

/** Real milliseconds between two saves while time runs (a command a person gives is saved at once). */
const SAVE_EVERY_MS = 1000;
/** The lock the window holding the world keeps while it lives; the channel the windows talk on. */
const HOST_LOCK = 'itps-world-host';
const CHANNEL = 'itps-world';

interface WorldContextValue {
  readonly door: WorldDoor;
  /** Whether this window holds the world (the others reach it through it). */
  readonly holder: boolean;
  /** What the page must tell the user about the saved session it found (an old or unreadable one). */
  readonly notice: string | null;
  readonly results: readonly TrainingResult[];
  readonly setResults: (results: readonly TrainingResult[]) => void;
}

const WorldContext = createContext<WorldContextValue | null>(null);

/** Saves the world's session when it changes: at once after a command, at most every second while time runs. */
function persistChanges(door: LocalDoor): () => void {
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
      await saveSession(door.sessionNow());
    } while (again);
    saving = false;
  };
  const unsubscribe = door.subscribe((kind) => {
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

/** The world from the browser's saved session when there is a sound one, a new free one otherwise. */
async function openSavedWorld(): Promise<{ door: LocalDoor; notice: string | null }> {
  const { stored, notice } = await loadSession();
  let stage: Stage = freeStage();
  let told = notice;
  if (stored?.ok === true) stage = restoredStage(stored.session, stored.scenario);
  else if (stored?.ok === false) {
    told = `The saved session could not be restored, so a new session started: ${stored.problems.map(formatProblem).join('; ')}`;
    await clearSession();
  }
  return { door: new LocalDoor(stage), notice: told };
}

type Opened = Omit<WorldContextValue, 'results' | 'setResults'>;

/**
 * The page's one world. The first window of the browser to open holds it (restored from the
 * browser's saved session) and serves it to the others, which reach it through a channel; when that
 * window closes, another takes the world over from the saved session. Nothing renders until the
 * world is there, so no command can reach a world about to be replaced.
 */
export function WorldProvider({ children, seat = null }: { children: ReactNode; seat?: ClassSeat | null }) {
  const [opened, setOpened] = useState<Opened | null>(null);
  const [results, setResults] = useState<readonly TrainingResult[]>([]);
  const [lost, setLost] = useState<string | null>(null);
  useEffect(() => {
    if (seat === null) return;
    // a trainee's device in a class: the world is on the classroom server
    let live = true;
    const door = new ClassDoor(seat);
    void door.ready().then((problem) => {
      if (!live) return;
      if (problem === null) setOpened({ door, holder: false, notice: null });
      else setLost(problem);
    });
    return () => {
      live = false;
      door.close();
    };
  }, [seat]);
  useEffect(() => {
    if (seat !== null) return;
    let live = true;
    const channel = new BroadcastChannel(CHANNEL);
    const stops: (() => void)[] = [];
    const forever = new Promise<void>(() => {});
    const hold = async () => {
      const { door, notice } = await openSavedWorld();
      if (!live) return;
      stops.push(serveDoor(door, channel), persistChanges(door));
      setOpened({ door, holder: true, notice });
    };
    void loadResults().then((kept) => live && setResults(kept));
    if (!('locks' in navigator)) void hold();
    else
      void navigator.locks.request(HOST_LOCK, { ifAvailable: true }, async (lock) => {
        if (lock !== null) {
          await hold();
          return forever;
        }
        // another window holds the world (or is letting it go, as on a reload): take it over when it
        // is free, and meanwhile reach it through the channel
        let holding = false;
        void navigator.locks.request(HOST_LOCK, async () => {
          holding = true;
          await hold();
          return forever;
        });
        const remote = new RemoteDoor(channel);
        await remote.ready();
        if (live && !holding) setOpened({ door: remote, holder: false, notice: null });
      });
    return () => {
      live = false;
      for (const stop of stops) stop();
      channel.close();
    };
  }, [seat]);
  if (lost !== null)
    return (
      <main className="home">
        <h1>The class seat could not be taken up</h1>
        <p role="alert" data-testid="seat-lost">
          {lost}
        </p>
        <p>
          <button type="button" onClick={() => leaveClass()}>
            Leave the class and join again
          </button>
        </p>
      </main>
    );
  if (opened === null)
    return (
      <p className="loading" role="status">
        {seat === null ? 'Loading the saved session…' : `Joining class ${seat.code}…`}
      </p>
    );
  // a window that takes the world over starts its surfaces afresh on the world it now holds
  return (
    <WorldContext.Provider key={opened.holder ? 'holder' : 'reaching'} value={{ ...opened, results, setResults }}>
      {children}
    </WorldContext.Provider>
  );
}

function useWorldContext(): WorldContextValue {
  const value = useContext(WorldContext);
  if (value === null) throw new Error('useWorldContext: no WorldProvider above');
  return value;
}

/** The page's door into the world: commands in, state and stage out. */
export const useDoor = (): WorldDoor => useWorldContext().door;

/** What the page must tell the user about the session it found at start. */
export const useStartNotice = (): string | null => useWorldContext().notice;

/** The finished exercises kept in this browser, and how to replace them. */
export function useResults(): [readonly TrainingResult[], (results: readonly TrainingResult[]) => void] {
  const { results, setResults } = useWorldContext();
  return [results, setResults];
}

/** The door's version: re-renders the caller at every change. */
export function useWorldVersion(): number {
  const door = useDoor();
  return useSyncExternalStore(renderSubscribe(door), () => door.version);
}

/** What plays onto the world (scenario, exercise, next timeline step), re-read at every change. */
export function useStageInfo(): StageInfo {
  const door = useDoor();
  const cache = useRef<{ version: number; info: StageInfo } | null>(null);
  return useSyncExternalStore(renderSubscribe(door), () => {
    if (cache.current?.version !== door.version) {
      const info = door.info();
      const last = cache.current?.info;
      // the same object while nothing in it changed: the clock moving alone re-renders no reader
      const same =
        last !== undefined &&
        last.scenario?.name === info.scenario?.name &&
        (last.training === info.training ||
          (last.training !== null &&
            info.training !== null &&
            last.training.name === info.training.name &&
            last.training.brief === info.training.brief &&
            last.training.phase === info.training.phase &&
            last.training.record === info.training.record)) &&
        last.nextStepAt === info.nextStepAt;
      cache.current = { version: door.version, info: same ? last : info };
    }
    return cache.current.info;
  });
}

/**
 * A value selected from the world's state, re-rendering the caller only when it changes (by
 * `equal`, `Object.is` unless said otherwise).
 */
export function useWorldSelector<T>(select: (state: WorldState) => T, equal: (a: T, b: T) => boolean = Object.is): T {
  const door = useDoor();
  const cache = useRef<{ version: number; value: T } | null>(null);
  const read = (): T => {
    const cached = cache.current;
    if (cached !== null && cached.version === door.version) return cached.value;
    const value = select(door.state());
    cache.current = {
      version: door.version,
      value: cached !== null && equal(cached.value, value) ? cached.value : value,
    };
    return cache.current.value;
  };
  return useSyncExternalStore(renderSubscribe(door), read);
}

/** Whether two plain objects hold the same values, field by field (`Object.is`). */
export function shallowEqual<T extends object>(a: T, b: T): boolean {
  const keys = Object.keys(a) as (keyof T)[];
  return keys.length === Object.keys(b).length && keys.every((k) => Object.is(a[k], b[k]));
}

/** The door, for components: applies a command and resolves with its result. */
export function useApply(): (command: WorldCommand) => Promise<CommandResult> {
  const door = useDoor();
  return (command) => door.apply(command);
}

/**
 * A value selected from what the trainee's surfaces show, re-rendering the caller only when it
 * changes. The trainee's surfaces read the world only through this: in a class it is all their
 * device is sent.
 */
export function useTraineeSelector<T>(select: (view: TraineeView) => T, equal: (a: T, b: T) => boolean = Object.is): T {
  const door = useDoor();
  const cache = useRef<{ view: TraineeView; value: T } | null>(null);
  const read = (): T => {
    const view = door.trainee();
    const cached = cache.current;
    if (cached !== null && cached.view === view) return cached.value;
    const value = select(view);
    cache.current = { view, value: cached !== null && equal(cached.value, value) ? cached.value : value };
    return cache.current.value;
  };
  return useSyncExternalStore(renderSubscribe(door), read);
}

/** What the trainee's programmer shows. */
export const useProgrammerView = (): ProgrammerView => useTraineeSelector((v) => v.programmer, shallowEqual);
/** What the trainee sees and hears at the bedside. */
export const useBedsideView = (): BedsideView => useTraineeSelector((v) => v.bedside);

const noSubscription = () => () => {};

/** What the trainee's surfaces show, or null where no world is behind the page (the class console, the records). */
export function useOptionalTraineeView(): TraineeView | null {
  const door = useContext(WorldContext)?.door ?? null;
  return useSyncExternalStore(door === null ? noSubscription : renderSubscribe(door), () => door?.trainee() ?? null);
}
/** Truth beside belief, for the instructor's console. */
export const useInstructorView = (): InstructorView => useWorldSelector(instructorView);

/** Whether the world has been used (time moved, a scenario or exercise loaded): replacing it loses something. */
export function useWorldInUse(): boolean {
  const door = useDoor();
  const info = useStageInfo();
  // a class's world is on the server and always in use; a browser's is read here
  const moved = useSyncExternalStore(renderSubscribe(door), () => {
    if (door.classroom !== null) return true;
    const s = door.state();
    return s.now > 0 || s.pump.log.length > 0;
  });
  return moved || info.scenario !== null || info.training !== null;
}
