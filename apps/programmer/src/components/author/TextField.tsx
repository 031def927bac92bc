import { getAt } from '../../authoring/draftPath.ts';
import { useDraft } from './DraftContext.tsx';
import { FieldFrame } from './FieldFrame.tsx';

/** A line (or a paragraph) of words in the exercise; emptied, the field is left out of the file. */
export function TextField({
  path,
  label,
  hint,
  lines = 1,
}: {
  readonly path: string;
  readonly label: string;
  readonly hint?: string | undefined;
  readonly lines?: number;
}) {
  const { doc, set } = useDraft();
  const value = getAt(doc, path);
  const text = typeof value === 'string' ? value : value === undefined ? '' : String(value);
  const change = (t: string) => set(path, t === '' ? undefined : t);
  return (
    <FieldFrame path={path} label={label} hint={hint}>
      {({ id, describedBy, invalid }) =>
        lines > 1 ? (
          <textarea
            id={id}
            rows={lines}
            value={text}
            aria-describedby={describedBy}
            aria-invalid={invalid}
            onChange={(e) => change(e.target.value)}
          />
        ) : (
          <input
            id={id}
            className="text-input"
            value={text}
            aria-describedby={describedBy}
            aria-invalid={invalid}
            onChange={(e) => change(e.target.value)}
          />
        )
      }
    </FieldFrame>
  );
}
