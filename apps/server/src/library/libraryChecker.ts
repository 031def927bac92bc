import { Piscina } from 'piscina';
import { checkLibraryYaml, type LibraryCheck } from './checkLibraryYaml.ts';

/** How long one exercise's check may take before it is refused: twice a 20-year exercise on a loaded machine. */
export const LIBRARY_CHECK_TIMEOUT_MS = 30_000;

/** Checks exercises for the library away from the thread that runs the class clocks. */
export interface LibraryChecker {
  check(yaml: string): Promise<LibraryCheck>;
  close(): Promise<void>;
}

/**
 * A checker on a worker thread (a maintained pool, one thread): a save runs the exercise headless
 * twice (doing nothing, and the right plan), which takes seconds for a long exercise; on the
 * server's own thread that would stall every class's clock and socket for as long. A check that
 * outlasts `timeoutMs` is refused with a problem, and the pool carries on.
 */
export function workerLibraryChecker(timeoutMs = LIBRARY_CHECK_TIMEOUT_MS): LibraryChecker {
  const pool = new Piscina<string, LibraryCheck>({
    filename: new URL('./libraryCheckWorker.mjs', import.meta.url).href,
    minThreads: 0,
    maxThreads: 1,
    idleTimeout: 30_000,
  });
  return {
    async check(yaml) {
      try {
        return await pool.run(yaml, { signal: AbortSignal.timeout(timeoutMs) });
      } catch (error) {
        if ((error as Error).name !== 'AbortError' && (error as Error).name !== 'TimeoutError') throw error;
        return {
          ok: false,
          problems: [
            {
              path: '',
              message: `The exercise: expected its check (two runs, doing nothing and the right plan) to finish within ${timeoutMs / 1000} s; it did not. Shorten the exercise's duration.`,
              severity: 'error',
            },
          ],
        };
      }
    },
    close: () => pool.destroy(),
  };
}

/** A checker on the calling thread, for tests that build many servers. */
export const inlineLibraryChecker: LibraryChecker = {
  check: async (yaml) => checkLibraryYaml(yaml),
  close: async () => {},
};
