/// <reference lib="webworker" />
import { type FieldProblem, previewExercise, unpassableProblems, validateScenario } from '@itps/scenarios';
import { orderedTimeline } from './orderedTimeline.ts';
import type { PreviewAnswer, PreviewAsk } from './previewMessages.ts';
import { actionWords } from './timelineItems.ts';

// The exercise run headless, off the page's thread: both courses, and what makes it unpassable.
self.onmessage = (e: MessageEvent<PreviewAsk>) => {
  const { id, doc } = e.data;
  const { doc: ordered, editingPath } = orderedTimeline(doc);
  const parsed = validateScenario(ordered, 'exercise');
  let answer: PreviewAnswer;
  if (!parsed.ok) answer = { id, ok: false, why: 'invalid' };
  else {
    try {
      const preview = previewExercise(parsed.scenario);
      const unpassable: FieldProblem[] = unpassableProblems(parsed.scenario, { preview }).map((p) => ({
        ...p,
        path: editingPath(p.path),
      }));
      const slim = (c: typeof preview.idle) => ({ ...c, run: undefined });
      answer = {
        id,
        ok: true,
        preview: { idle: slim(preview.idle), plan: preview.plan === null ? null : slim(preview.plan) },
        unpassable,
        visitAt: parsed.scenario.training?.visitAt ?? 0,
        hidden: (parsed.scenario.timeline ?? []).flatMap((a) =>
          a.action === 'fault' ? [{ at: a.at, words: actionWords(a).words }] : [],
        ),
        duration: parsed.scenario.duration,
        timeOfDayAtStart: parsed.scenario.timeOfDayAtStart,
      };
    } catch (error) {
      answer = { id, ok: false, why: 'failed', message: String(error) };
    }
  }
  (self as unknown as DedicatedWorkerGlobalScope).postMessage(answer);
};
