import { getAt } from '../../authoring/draftPath.ts';
import { drugFields, drugOfDoc } from '../../authoring/withDrug.ts';
import { useDraft } from './DraftContext.tsx';
import { NumberField } from './NumberField.tsx';
import { TextField } from './TextField.tsx';

/** A flex schedule's steps: from what time of day, what daily dose; add and remove. */
export function FlexSteps({ path }: { readonly path: string }) {
  const { doc, set } = useDraft();
  const fields = drugFields(drugOfDoc(doc));
  const steps = getAt(doc, path);
  const list = Array.isArray(steps) ? steps : [];
  return (
    <div className="flex-steps">
      {list.map((_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a step is its place in the schedule
        <div key={i} className="flex-step">
          <TextField path={`${path}.${i}.start`} label={`Step ${i + 1} from (HH:MM)`} />
          <NumberField path={`${path}.${i}.${fields.dose}`} label="Daily dose" unit={`${fields.unit}/day`} />
          <button type="button" className="secondary" onClick={() => set(`${path}.${i}`, undefined)}>
            Remove step {i + 1}
          </button>
        </div>
      ))}
      <button
        type="button"
        className="secondary"
        onClick={() => set(`${path}.${list.length}`, { start: '12:00', [fields.dose]: 100 })}
      >
        Add a step
      </button>
    </div>
  );
}
