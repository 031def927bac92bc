import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { FileOutcome } from './runFiles.ts';

/**
 * Runs scenario files in a pool of worker threads (one per core at most) and returns their
 * outcomes in the order given. `onDone` is told after each file.
 */
export function runInWorkers(
  files: readonly string[],
  cwd: string,
  seed: number | undefined,
  onDone: (done: number, total: number) => void,
): Promise<FileOutcome[]> {
  const outcomes: FileOutcome[] = new Array(files.length);
  const size = Math.max(1, Math.min(files.length, availableParallelism()));
  let next = 0;
  let done = 0;
  return new Promise((resolve, reject) => {
    const workers = Array.from({ length: size }, () => new Worker(new URL('./scenarioWorker.mjs', import.meta.url)));
    const feed = (worker: Worker) => {
      if (next >= files.length) {
        void worker.terminate();
        return;
      }
      const index = next;
      next += 1;
      worker.postMessage({ index, file: files[index], cwd, seed });
    };
    for (const worker of workers) {
      worker.on('message', (m: { index: number; outcome: FileOutcome }) => {
        outcomes[m.index] = m.outcome;
        done += 1;
        onDone(done, files.length);
        if (done === files.length) resolve(outcomes);
        feed(worker);
      });
      worker.on('error', reject);
      feed(worker);
    }
  });
}

/** A progress bar on a terminal's standard error; nothing when it is not a terminal. */
export function progressBar(stream: NodeJS.WriteStream): (done: number, total: number) => void {
  if (!stream.isTTY) return () => {};
  return (done, total) => {
    const width = 30;
    const filled = Math.round((done / total) * width);
    stream.write(`\r[${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${done}/${total} scenarios`);
    if (done === total) stream.write('\n');
  };
}
