import {
  applySettings,
  formatProblem,
  runScenario,
  type ScenarioLimits,
  type SweepRun,
  type SweepRunPlan,
  sweepRunOf,
  validateWithin,
} from '@itps/scenarios';

/** A batch of a sweep's runs for one pool worker: the document as read, and which runs to make of it. */
export interface SweepTask {
  readonly file: string;
  readonly root: unknown;
  readonly runs: readonly SweepRunPlan[];
  readonly observe: readonly string[];
  readonly events: readonly string[];
  readonly limits: ScenarioLimits;
}

/** Runs a batch of a sweep: each run's values set, validated like a file, run with its seed, kept small. */
export default function sweepWorker(task: SweepTask): SweepRun[] {
  return task.runs.map((plan) => {
    const invalid = (failures: string[]): SweepRun => ({
      ...plan,
      status: 'invalid',
      failures,
      observed: {},
      firstAt: {},
    });
    const doc = applySettings(task.root, plan.settings);
    if (!doc.ok) return invalid([doc.message]);
    const parsed = validateWithin(doc.value, task.file, task.limits);
    if (!parsed.ok) return invalid(parsed.problems.map(formatProblem));
    return sweepRunOf(
      plan,
      runScenario(parsed.scenario, { seed: plan.seed, series: false }),
      task.observe,
      task.events,
    );
  });
}
