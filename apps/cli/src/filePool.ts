import { setMaxListeners } from 'node:events';
import { availableParallelism } from 'node:os';
import { type FileJob, type FileOutcome, runFile } from './runFiles.ts';

/**
 * Runs files on every core through a maintained worker pool (piscina) and hands each outcome to
 * `onOutcome` as soon as its file finishes, so results stream and nothing holds every report.
 * One file runs in this thread (no pool to start). With `stopEarly`, the first outcome for which
 * it says true stops the rest: queued files never start. Returns how many files finished.
 */
export async function runFilesStreaming(
  jobs: readonly FileJob[],
  onOutcome: (outcome: FileOutcome) => void,
  stopEarly: (outcome: FileOutcome) => boolean = () => false,
): Promise<number> {
  if (jobs.length === 1 && jobs[0] !== undefined) {
    onOutcome(runFile(jobs[0]));
    return 1;
  }
  // loaded only for a batch: a single file (the common case) starts faster without it
  const { Piscina } = await import('piscina');
  const pool = new Piscina<FileJob, FileOutcome>({
    filename: new URL('./scenarioWorker.mjs', import.meta.url).href,
    maxThreads: Math.max(1, Math.min(jobs.length, availableParallelism())),
    minThreads: 1,
    idleTimeout: 1000,
  });
  let finished = 0;
  let stopped = false;
  // A file aborted while it ran may still answer after --fail-fast stopped the rest; piscina then
  // emits 'error' on the pool, which with no listener would end the process mid-report.
  let poolError: unknown = null;
  pool.on('error', (error: unknown) => {
    if (!stopped) poolError ??= error;
  });
  const abort = new AbortController();
  // every queued file listens to the one signal
  setMaxListeners(jobs.length + 1, abort.signal);
  try {
    await Promise.all(
      jobs.map((job) =>
        pool.run(job, { signal: abort.signal }).then(
          (outcome) => {
            if (stopped) return;
            finished += 1;
            onOutcome(outcome);
            if (stopEarly(outcome)) {
              stopped = true;
              abort.abort();
            }
          },
          (error: unknown) => {
            if (!stopped) throw error;
          },
        ),
      ),
    );
  } finally {
    await pool.destroy();
  }
  if (poolError !== null) throw poolError;
  return finished;
}
