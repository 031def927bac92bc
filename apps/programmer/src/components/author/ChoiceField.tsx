import { getAt } from '../../authoring/draftPath.ts';
import { useDraft } from './DraftContext.tsx';
import { FieldFrame } from './FieldFrame.tsx';

/** One of a few values, each in words; `unset` names the choice that leaves the field out. */
export function ChoiceField({
  path,
  label,
  choices,
  unset,
  hint,
}: {
  readonly path: string;
  readonly label: string;
  readonly choices: readonly (readonly [value: string, words: string])[];
  readonly unset?: string;
  readonly hint?: string | undefined;
}) {
  const { doc, set } = useDraft();
  const value = getAt(doc, path);
  const current = value === undefined ? '' : String(value);
  return (
    <FieldFrame path={path} label={label} hint={hint}>
      {({ id, describedBy, invalid }) => (
        <select
          id={id}
          value={current}
          aria-describedby={describedBy}
          aria-invalid={invalid}
          onChange={(e) => set(path, e.target.value === '' ? undefined : e.target.value)}
        >
          {unset === undefined && current !== '' ? null : <option value="">{unset ?? 'choose…'}</option>}
          {choices.map(([v, words]) => (
            <option key={v} value={v}>
              {words}
            </option>
          ))}
          {current !== '' && !choices.some(([v]) => v === current) ? <option value={current}>{current}</option> : null}
        </select>
      )}
    </FieldFrame>
  );
}
