import { useEffect, useState } from 'react';
import { getAt } from '../../authoring/draftPath.ts';
import { useDraft } from './DraftContext.tsx';
import { FieldFrame } from './FieldFrame.tsx';

/**
 * A number with its unit. What is typed goes into the exercise as a number when it reads as one,
 * as the text itself when not (so the checks name what was found); emptied, it is left out.
 */
export function NumberField({
  path,
  label,
  unit,
  hint,
}: {
  readonly path: string;
  readonly label: string;
  readonly unit: string;
  readonly hint?: string | undefined;
}) {
  const { doc, set } = useDraft();
  const value = getAt(doc, path);
  const shown = value === undefined ? '' : String(value);
  const [text, setText] = useState(shown);
  // the exercise changed from elsewhere (a template, an import): show its value
  useEffect(() => {
    setText((t) => (Number(t) === value || t === shown ? t : shown));
  }, [shown, value]);
  const change = (t: string) => {
    setText(t);
    const trimmed = t.trim();
    set(path, trimmed === '' ? undefined : Number.isFinite(Number(trimmed)) ? Number(trimmed) : trimmed);
  };
  return (
    <FieldFrame path={path} label={`${label} (${unit})`} hint={hint}>
      {({ id, describedBy, invalid }) => (
        <span className="with-unit">
          <input
            id={id}
            inputMode="decimal"
            value={text}
            aria-describedby={describedBy}
            aria-invalid={invalid}
            onChange={(e) => change(e.target.value)}
          />
          <span aria-hidden="true">{unit}</span>
        </span>
      )}
    </FieldFrame>
  );
}
