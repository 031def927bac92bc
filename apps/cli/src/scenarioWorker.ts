import { parentPort } from 'node:worker_threads';
import { runFile } from './runFiles.ts';

/** A job for a worker: one file to validate and run. */
export interface Job {
  readonly index: number;
  readonly file: string;
  readonly cwd: string;
  readonly seed: number | undefined;
}

parentPort?.on('message', (job: Job) => {
  parentPort?.postMessage({ index: job.index, outcome: runFile(job.file, job.cwd, job.seed) });
});
