import { formatDuration, parseDuration } from '@itps/scenarios';

const msOf = (value: unknown): number | null => (typeof value === 'string' ? parseDuration(value) : null);

/**
 * After the visit moved: the right plan moved so that it starts at the visit again, and the
 * objectives' windows (not before, by) moved by the same time, everything keeping its spacing.
 * Null when there is nothing to move (no plan, or a plan that starts at the visit already); the
 * time moved, in milliseconds (later is positive), beside the new document.
 */
export function moveToVisit(
  doc: Readonly<Record<string, unknown>>,
): { readonly doc: Record<string, unknown>; readonly byMs: number } | null {
  const training = doc.training as Record<string, unknown> | undefined;
  const visit = msOf(training?.visitAt) ?? 0;
  const plan = Array.isArray(training?.plan) ? (training.plan as Record<string, unknown>[]) : [];
  const starts = plan.map((step) => msOf(step.at)).filter((ms): ms is number => ms !== null);
  if (training === undefined || starts.length === 0) return null;
  const byMs = visit - Math.min(...starts);
  if (byMs === 0) return null;
  const moved = (value: unknown): unknown => {
    const ms = msOf(value);
    return ms === null ? value : formatDuration(Math.max(0, ms + byMs));
  };
  const objectives = Array.isArray(training.objectives) ? (training.objectives as Record<string, unknown>[]) : [];
  return {
    byMs,
    doc: {
      ...doc,
      training: {
        ...training,
        plan: plan.map((step) => ({ ...step, at: moved(step.at) })),
        objectives: objectives.map((o) => ({
          ...o,
          ...(o.after === undefined ? {} : { after: moved(o.after) }),
          ...(o.before === undefined ? {} : { before: moved(o.before) }),
        })),
      },
    },
  };
}
