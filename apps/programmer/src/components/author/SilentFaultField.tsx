import { getAt } from '../../authoring/draftPath.ts';
import { OBJECTIVE_EVENT_WORDS } from '../../authoring/exerciseWords.ts';
import { ChoiceField } from './ChoiceField.tsx';
import { useDraft } from './DraftContext.tsx';
import { WhenField } from './WhenField.tsx';

/** The hidden fault the trainee should find, and the finding that counts as finding it (scored by how soon). */
export function SilentFaultField() {
  const { doc, set } = useDraft();
  const silent = getAt(doc, 'training.silentFault');
  const firstFault = (Array.isArray(doc.timeline) ? (doc.timeline as Record<string, unknown>[]) : []).find(
    (a) => a.action === 'fault',
  );
  return (
    <section className="silent-fault" aria-labelledby="silent-title">
      <h3 id="silent-title">The hidden fault to find</h3>
      <p className="muted">
        Scored by how soon it is found: 20 points within a day of its start, 10 within three days, 5 later, none never.
      </p>
      {silent === undefined ? (
        <button
          type="button"
          className="secondary"
          onClick={() =>
            set('training.silentFault', { at: firstFault?.at ?? 'P0D', detectedBy: 'clinical.suspectCatheter' })
          }
        >
          Score finding a hidden fault
        </button>
      ) : (
        <>
          <WhenField path="training.silentFault.at" label="The hidden fault starts" />
          <ChoiceField
            path="training.silentFault.detectedBy"
            label="Found when the trainee"
            choices={OBJECTIVE_EVENT_WORDS}
          />
          <button type="button" className="secondary" onClick={() => set('training.silentFault', undefined)}>
            Do not score a hidden fault
          </button>
        </>
      )}
    </section>
  );
}
