import { exerciseTitle, parseTimeOfDay } from '@itps/scenarios';
import { useMemo } from 'react';
import type { EditorStep } from '../../authoring/editorSteps.ts';
import { fieldProblems, problemsAt } from '../../authoring/exerciseChecks.ts';
import type { ExerciseLibrary } from '../../authoring/exerciseLibrary.ts';
import { problemWords } from '../../authoring/problemWords.ts';
import type { ExerciseDraft } from '../../authoring/useExerciseDraft.ts';
import { usePreview } from '../../authoring/usePreview.ts';
import { useSettled } from '../../authoring/useSettled.ts';
import { DraftContext } from './DraftContext.tsx';
import { EditorToolbar } from './EditorToolbar.tsx';
import { PreviewPanel } from './PreviewPanel.tsx';
import { PreviewSummary } from './PreviewSummary.tsx';
import { ProblemSummary } from './ProblemSummary.tsx';
import { StepNav } from './StepNav.tsx';
import { StepPage } from './StepPage.tsx';

/** The exercise editor: the steps, the problems at the top and beside each field, the live preview beside. */
export function ExerciseEditor({
  draft,
  doc,
  step,
  library,
  token,
}: {
  readonly draft: ExerciseDraft;
  readonly doc: Readonly<Record<string, unknown>>;
  readonly step: EditorStep;
  readonly library: ExerciseLibrary;
  readonly token: string | null;
}) {
  // checked and previewed once typing settles
  const settled = useSettled(doc, 350);
  const startsAt = typeof doc.startsAt === 'string' ? parseTimeOfDay(doc.startsAt) : null;
  const tod = startsAt ?? 0;
  const preview = usePreview(settled);
  // every message in days and clock times, as the fields show them
  const fields = useMemo(
    () => fieldProblems(settled).map((p) => ({ ...p, message: problemWords(p.message, tod) })),
    [settled, tod],
  );
  // the last run's answer stays on screen while the next runs (Save waits for it: see `checking`)
  const unpassable = useMemo(
    () =>
      preview.answer?.ok === true
        ? preview.answer.unpassable.map((p) => ({ ...p, message: problemWords(p.message, tod) }))
        : [],
    [preview.answer, tod],
  );
  const all = useMemo(() => [...fields, ...unpassable], [fields, unpassable]);
  const { set } = draft;
  const context = useMemo(
    () => ({ doc, set, problemsAt: (path: string) => problemsAt(all, path), timeOfDayAtStart: startsAt ?? 0 }),
    [doc, set, all, startsAt],
  );
  const checking = settled !== doc || preview.running;
  const title = typeof doc.name === 'string' ? exerciseTitle(doc.name) : 'a new exercise';
  return (
    <DraftContext.Provider value={context}>
      <EditorToolbar
        title={title}
        draft={draft}
        doc={doc}
        problems={all}
        checking={checking}
        library={library}
        token={token}
      />
      <PreviewSummary state={preview} />
      <ProblemSummary unpassable={unpassable} fields={fields} />
      <StepNav current={step} problems={all} />
      <div className="author-columns">
        <StepPage step={step} />
        <PreviewPanel state={preview} />
      </div>
    </DraftContext.Provider>
  );
}
