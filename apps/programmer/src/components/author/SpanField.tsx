import { MS_PER_DAY, MS_PER_HOUR } from '@itps/core';
import { formatDuration, parseDuration } from '@itps/scenarios';
import { useEffect, useState } from 'react';
import { getAt } from '../../authoring/draftPath.ts';
import { useDraft } from './DraftContext.tsx';
import { FieldFrame } from './FieldFrame.tsx';

const UNIT_MS = { days: MS_PER_DAY, hours: MS_PER_HOUR } as const;

/** A length of time in whole days or hours (`P400D`, `PT12H` in the file); emptied, it is left out. */
export function SpanField({
  path,
  label,
  unit,
  hint,
}: {
  readonly path: string;
  readonly label: string;
  readonly unit: 'days' | 'hours';
  readonly hint?: string | undefined;
}) {
  const { doc, set } = useDraft();
  const value = getAt(doc, path);
  const ms = typeof value === 'string' ? parseDuration(value) : null;
  const whole = ms !== null && ms % UNIT_MS[unit] === 0 ? ms / UNIT_MS[unit] : null;
  const [text, setText] = useState(whole === null ? (typeof value === 'string' ? value : '') : String(whole));
  useEffect(() => {
    if (whole !== null) setText(String(whole));
  }, [whole]);
  const change = (t: string) => {
    setText(t);
    const trimmed = t.trim();
    if (trimmed === '') return set(path, undefined);
    set(path, /^\d+$/.test(trimmed) ? formatDuration(Number(trimmed) * UNIT_MS[unit]) : `${trimmed} ${unit}`);
  };
  return (
    <FieldFrame path={path} label={`${label} (${unit})`} hint={hint}>
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
          <span aria-hidden="true">{unit}</span>
        </span>
      )}
    </FieldFrame>
  );
}
