import { getAt } from '../../authoring/draftPath.ts';
import { THERAPY_WORDS } from '../../authoring/exerciseWords.ts';
import { drugFields, drugOfDoc } from '../../authoring/withDrug.ts';
import { useDraft } from './DraftContext.tsx';
import { FieldFrame } from './FieldFrame.tsx';
import { FlexSteps } from './FlexSteps.tsx';
import { NumberField } from './NumberField.tsx';

/** A program: how the pump delivers (simple continuous, flex, minimum rate, stopped) and its doses. */
export function TherapyEditor({ path }: { readonly path: string }) {
  const { doc, set } = useDraft();
  const fields = drugFields(drugOfDoc(doc));
  const mode = String(getAt(doc, `${path}.mode`) ?? '');
  const choose = (next: string) => {
    const dose = getAt(doc, `${path}.${fields.dose}`);
    if (next === 'simple') set(path, { mode: 'simple', [fields.dose]: typeof dose === 'number' ? dose : 100 });
    else if (next === 'flex')
      set(path, { mode: 'flex', steps: [{ start: '00:00', [fields.dose]: typeof dose === 'number' ? dose : 100 }] });
    else set(path, { mode: next });
  };
  return (
    <>
      <FieldFrame path={`${path}.mode`} label="Mode">
        {({ id, describedBy }) => (
          <select id={id} value={mode} aria-describedby={describedBy} onChange={(e) => choose(e.target.value)}>
            {THERAPY_WORDS.map(([v, words]) => (
              <option key={v} value={v}>
                {words}
              </option>
            ))}
          </select>
        )}
      </FieldFrame>
      {mode === 'simple' ? (
        <NumberField path={`${path}.${fields.dose}`} label="Daily dose" unit={`${fields.unit}/day`} />
      ) : null}
      {mode === 'flex' ? <FlexSteps path={`${path}.steps`} /> : null}
    </>
  );
}
