import { useId } from 'react';

/**
 * Typing a value again after a tenfold change: the field, "Check re-entry", and the confirmation
 * once the session found the re-entry matches.
 */
export function ReentryField({
  label,
  value,
  onChange,
  onCheck,
  matched,
}: {
  readonly label: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly onCheck: () => void;
  readonly matched: boolean;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} inputMode="decimal" value={value} onChange={(e) => onChange(e.target.value)} />
      <button type="button" onClick={onCheck}>
        Check re-entry
      </button>
      {matched && <p className="ok">Re-entry matches.</p>}
    </div>
  );
}
