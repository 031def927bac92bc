import { useEffect, useState } from 'react';
import { getAt } from '../../authoring/draftPath.ts';
import { dayAndClockOf, durationAt } from '../../format/exerciseTime.ts';
import { useDraft } from './DraftContext.tsx';
import { FieldFrame } from './FieldFrame.tsx';

/** A length of time in whole days (`P400D` in the file); emptied, it is left out. */
export function DaysField({
  path,
  label,
  hint,
}: {
  readonly path: string;
  readonly label: string;
  readonly hint?: string;
}) {
  const { doc, set } = useDraft();
  const value = getAt(doc, path);
  const days = dayAndClockOf(value)?.day;
  const [text, setText] = useState(days === undefined ? '' : String(days));
  useEffect(() => {
    if (days !== undefined) setText(String(days));
  }, [days]);
  const change = (t: string) => {
    setText(t);
    const trimmed = t.trim();
    if (trimmed === '') return set(path, undefined);
    set(path, /^\d+$/.test(trimmed) ? durationAt({ day: Number(trimmed), minutes: 0 }) : `${trimmed} days`);
  };
  return (
    <FieldFrame path={path} label={`${label} (days)`} hint={hint}>
      {({ id, describedBy, invalid }) => (
        <span className="with-unit">
          <input
            id={id}
            inputMode="numeric"
            value={text}
            aria-describedby={describedBy}
            aria-invalid={invalid}
            onChange={(e) => change(e.target.value)}
          />
          <span aria-hidden="true">days</span>
        </span>
      )}
    </FieldFrame>
  );
}
