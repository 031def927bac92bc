import {
  debriefSchema,
  parseSavedSession,
  type SavedSession,
  type SessionLoad,
  type TrainingDebrief,
} from '@itps/scenarios';
import { createStore, del, get, set } from 'idb-keyval';

/** The browser's IndexedDB store for ITPS. */
const store = createStore('itps', 'sessions');
/** The key of the session in progress. */
const SESSION_KEY = 'session';
/** The key of the finished exercises kept in this browser. */
const RESULTS_KEY = 'results';
/** Keys an older version of ITPS used in localStorage: found, they are reported and removed. */
const OLD_KEYS = ['itps.world.v1', 'itps.scenario.v1', 'itps.training.v1', 'itps.training.results.v1'];

/** A finished exercise kept in this browser. */
export interface TrainingResult {
  /** Wall-clock time the trainee finished (the app's own label; the simulation never reads a clock). */
  readonly finishedAt: string;
  readonly scenario: string;
  readonly scorePercent: number;
  readonly passed: boolean;
  readonly debrief: TrainingDebrief;
}

/** What the browser held at start: a checked session, problems with it, or nothing. */
export type StoredSession = SessionLoad | null;

/**
 * Reads the saved session and checks it whole (see `parseSavedSession`); null when there is none.
 * A session saved by an older version (in localStorage) is reported and removed, never half-read.
 */
export async function loadSession(): Promise<{ readonly stored: StoredSession; readonly notice: string | null }> {
  let notice: string | null = null;
  try {
    if (OLD_KEYS.some((k) => localStorage.getItem(k) !== null)) {
      for (const k of OLD_KEYS) localStorage.removeItem(k);
      notice =
        'A session saved by an older version of ITPS was found. It cannot be restored, so a new session started.';
    }
  } catch {
    // storage disabled: nothing old to find
  }
  try {
    const value: unknown = await get(SESSION_KEY, store);
    return { stored: value === undefined ? null : parseSavedSession(value, 'the saved session'), notice };
  } catch (error) {
    return {
      stored: {
        ok: false,
        problems: [
          { file: 'the saved session', path: '', expected: 'a readable browser database', found: String(error) },
        ],
      },
      notice,
    };
  }
}

/** Saves the session; failures (storage full, disabled) leave the session running unsaved. */
export async function saveSession(session: SavedSession): Promise<void> {
  try {
    await set(SESSION_KEY, session, store);
  } catch {
    // the session still runs; it just will not survive a reload
  }
}

/** Forgets the saved session. */
export async function clearSession(): Promise<void> {
  try {
    await del(SESSION_KEY, store);
  } catch {
    // nothing to forget
  }
}

const isResult = (value: unknown): value is TrainingResult => {
  if (value === null || typeof value !== 'object') return false;
  const r = value as Record<string, unknown>;
  return (
    typeof r.finishedAt === 'string' &&
    typeof r.scenario === 'string' &&
    typeof r.scorePercent === 'number' &&
    typeof r.passed === 'boolean' &&
    debriefSchema.safeParse(r.debrief).success
  );
};

/** The results kept in this browser, newest last; unreadable entries are left out. */
export async function loadResults(): Promise<TrainingResult[]> {
  try {
    const value: unknown = await get(RESULTS_KEY, store);
    return Array.isArray(value) ? value.filter(isResult) : [];
  } catch {
    return [];
  }
}

/** Adds a finished exercise to the kept results; returns them all. */
export async function keepResult(result: TrainingResult): Promise<TrainingResult[]> {
  const results = [...(await loadResults()), result];
  try {
    await set(RESULTS_KEY, results, store);
  } catch {
    // kept for this page only
  }
  return results;
}

/** Offers a text as a file download. */
export function download(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  URL.revokeObjectURL(url);
}
