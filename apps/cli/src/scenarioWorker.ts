import { type FileJob, type FileOutcome, runFile } from './runFiles.ts';

/** A pool worker's task (piscina): validate and run one file. */
export default function scenarioWorker(job: FileJob): FileOutcome {
  return runFile(job);
}
