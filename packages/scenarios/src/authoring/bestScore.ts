import { MS_PER_HOUR } from '@itps/core';
import type { ScenarioFile } from '../scenarioSchema.ts';
import { DETECTION_POINTS, trainingOf } from '../training/scoreTraining.ts';

/**
 * Full marks for an exercise: the most points any trainee can earn (every objective met; the silent
 * fault detected as soon as the trainee can, at the visit, when it began before), beside the most
 * the rubric counts. A trainee who meets the patient two days after the fault began can earn the
 * detection's 10 points at best, never its 20.
 */
export function bestScore(s: ScenarioFile): { readonly best: number; readonly max: number } {
  const training = trainingOf(s);
  const objectives = training.objectives.reduce((sum, o) => sum + (o.points ?? 10), 0);
  const fault = training.silentFault;
  if (fault === undefined) return { best: objectives, max: objectives };
  const late = Math.max(0, (training.visitAt ?? 0) - fault.at);
  const detection =
    late <= 24 * MS_PER_HOUR
      ? DETECTION_POINTS.withinDay
      : late <= 72 * MS_PER_HOUR
        ? DETECTION_POINTS.withinThreeDays
        : DETECTION_POINTS.later;
  return { best: objectives + detection, max: objectives + DETECTION_POINTS.withinDay };
}
