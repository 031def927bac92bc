import { useEffect, useState } from 'react';
import { getAt } from '../../authoring/draftPath.ts';
import { clockWords, dayAndClockOf, durationAt } from '../../format/exerciseTime.ts';
import { useDraft } from './DraftContext.tsx';
import { FieldFrame } from './FieldFrame.tsx';

/**
 * An instant of the exercise as a day of the run and a clock time (the file keeps the time since
 * the start); with `optional`, emptying the day leaves it out.
 */
export function WhenField({
  path,
  label,
  hint,
  optional = false,
}: {
  readonly path: string;
  readonly label: string;
  readonly hint?: string | undefined;
  readonly optional?: boolean;
}) {
  const { doc, set, timeOfDayAtStart } = useDraft();
  const value = getAt(doc, path);
  const at = dayAndClockOf(value, timeOfDayAtStart);
  const [day, setDay] = useState(at === null ? '' : String(at.day));
  const [clock, setClock] = useState(at === null ? '' : clockWords(at.minutes));
  // the exercise changed from elsewhere (a drag on the timeline, a template): show its instant
  const day0 = at?.day ?? null;
  const minutes0 = at?.minutes ?? null;
  useEffect(() => {
    if (day0 === null || minutes0 === null) return;
    setDay(String(day0));
    setClock(clockWords(minutes0));
  }, [day0, minutes0]);
  const write = (d: string, c: string) => {
    setDay(d);
    setClock(c);
    if (optional && d.trim() === '') return set(path, undefined);
    const m = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(c.trim());
    const days = Number(d);
    const text =
      /^\d+$/.test(d.trim()) && m !== null
        ? durationAt({ day: days, minutes: Number(m[1]) * 60 + Number(m[2]) }, timeOfDayAtStart)
        : null;
    set(path, text ?? `day ${d.trim() || '?'} at ${c.trim() || '?'}`);
  };
  return (
    <FieldFrame path={path} label={label} hint={hint}>
      {({ id, describedBy, invalid }) => (
        <span className="when-inputs">
          <span>day</span>
          <input
            id={id}
            className="day-input"
            inputMode="numeric"
            aria-label={`${label}: day`}
            aria-describedby={describedBy}
            aria-invalid={invalid}
            value={day}
            onChange={(e) => write(e.target.value, clock === '' ? '00:00' : clock)}
          />
          <span>at</span>
          <input
            className="clock-input"
            inputMode="numeric"
            placeholder="HH:MM"
            maxLength={5}
            aria-label={`${label}: clock time`}
            aria-describedby={describedBy}
            value={clock}
            onChange={(e) => write(day === '' ? '0' : day, e.target.value)}
          />
        </span>
      )}
    </FieldFrame>
  );
}
