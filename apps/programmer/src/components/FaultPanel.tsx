import type { CatheterFaultKind } from '@itps/core';
import { FAULT_CHOICES as CHOICES } from '@itps/scenarios';
import { useRef, useState } from 'react';
import { useApply } from '../simulation/WorldProvider.tsx';

/** Instructor console: inject a fault at the current simulated instant, or end one. */
export function FaultPanel() {
  const apply = useApply();
  const [log, setLog] = useState<{ id: number; text: string }[]>([]);
  const counter = useRef(0);
  const note = (text: string) => {
    counter.current += 1;
    const id = counter.current;
    setLog((l) => [{ id, text }, ...l].slice(0, 5));
  };
  return (
    <section className="panel" aria-labelledby="fault-title">
      <h2 id="fault-title">Inject a fault (instructor)</h2>
      <ul className="faults">
        {CHOICES.map((c) => (
          <li key={c.label}>
            <button
              type="button"
              onClick={async () => {
                const result = await apply(c.start);
                note(result.ok ? `Started: ${c.label}` : `Refused: ${c.label}: ${result.refusal.message}`);
              }}
            >
              {c.label}
            </button>
            {c.end !== undefined && (
              <button
                type="button"
                className="secondary"
                aria-label={`End: ${c.label}`}
                onClick={() => {
                  void apply({ type: 'fault.end', kind: c.end as CatheterFaultKind });
                  note(`Ended: ${c.label}`);
                }}
              >
                End
              </button>
            )}
          </li>
        ))}
      </ul>
      <ul aria-live="polite" className="fault-log" data-testid="fault-log">
        {log.map((l) => (
          <li key={l.id}>{l.text}</li>
        ))}
      </ul>
    </section>
  );
}
