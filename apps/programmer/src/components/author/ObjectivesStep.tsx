import { getAt } from '../../authoring/draftPath.ts';
import { useDraft } from './DraftContext.tsx';
import { ObjectiveRow } from './ObjectiveRow.tsx';
import { PlanEditor } from './PlanEditor.tsx';
import { SilentFaultField } from './SilentFaultField.tsx';

/**
 * Step 5: what the trainee must do, by when, for how many points, each line in plain words; the
 * hidden fault to detect; and the right plan the preview follows.
 */
export function ObjectivesStep() {
  const { doc, set } = useDraft();
  const objectives = getAt(doc, 'training.objectives');
  const count = Array.isArray(objectives) ? objectives.length : 0;
  return (
    <>
      <h3>Objectives</h3>
      <p className="muted">
        Each is worth its points when met (10 unless you say otherwise). The score is the points earned over the points
        available; 70 % passes. The rubric also takes points off for what goes wrong (a pump left stopped, an entry
        error that reached the pump, withdrawal or overdose after the visit).
      </p>
      <ol className="objectives">
        {Array.from({ length: count }, (_, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: an objective is its place in the list
          <ObjectiveRow key={i} index={i} />
        ))}
      </ol>
      <div className="buttons">
        <button
          type="button"
          className="secondary"
          onClick={() =>
            set(`training.objectives.${count}`, { text: 'Interrogate the pump', event: 'pump.interrogated' })
          }
        >
          Add something the trainee must do
        </button>
        <button
          type="button"
          className="secondary"
          onClick={() =>
            set(`training.objectives.${count}`, {
              text: 'Keep the patient out of moderate withdrawal',
              never: 'patient.withdrawal.moderate',
            })
          }
        >
          Add something that must never happen
        </button>
      </div>
      <SilentFaultField />
      <PlanEditor />
    </>
  );
}
