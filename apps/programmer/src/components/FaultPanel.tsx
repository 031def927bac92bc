import { type CatheterFault, type CatheterFaultKind, hoursToMs, type Nanolitres, type WorldCommand } from '@itps/core';
import { useRef, useState } from 'react';
import { useApply } from '../simulation/WorldProvider.tsx';

interface FaultChoice {
  readonly label: string;
  readonly start: WorldCommand;
  readonly end?: CatheterFaultKind;
}

const catheter = (fault: CatheterFault): WorldCommand => ({ type: 'fault.inject', fault: { kind: 'catheter', fault } });

/** Everything an instructor can make happen, none of which the trainee is told about. */
const CHOICES: readonly FaultChoice[] = [
  {
    label: 'Catheter occlusion (full)',
    start: catheter({ kind: 'occlusion', blockedPpm: 1_000_000 }),
    end: 'occlusion',
  },
  { label: 'Catheter occlusion (half)', start: catheter({ kind: 'occlusion', blockedPpm: 500_000 }), end: 'occlusion' },
  {
    label: 'Intermittent kink (2 h in 6)',
    start: catheter({ kind: 'kink', periodMs: hoursToMs(6), kinkedMs: hoursToMs(2) }),
    end: 'kink',
  },
  { label: 'Catheter disconnected at the pump', start: catheter({ kind: 'disconnect' }), end: 'disconnect' },
  {
    label: 'Catheter fracture halfway',
    start: catheter({ kind: 'fracture', atVolume: 52_000 as Nanolitres }),
    end: 'fracture',
  },
  { label: 'Tip migrated: subdural', start: catheter({ kind: 'tipMigration', tip: 'subdural' }), end: 'tipMigration' },
  {
    label: 'Tip migrated: under the skin',
    start: catheter({ kind: 'tipMigration', tip: 'subcutaneous' }),
    end: 'tipMigration',
  },
  {
    label: 'Motor stall (random, seeded)',
    start: { type: 'fault.inject', fault: { kind: 'motorStall', recoversAt: 'drawn' } },
  },
  {
    label: 'MRI scan, 1 h at 1.5 T',
    start: { type: 'mri.scan', scan: { durationMs: hoursToMs(1), fieldMilliTesla: 1500, recoveryDelayMs: 'drawn' } },
  },
  { label: 'Low battery reset', start: { type: 'fault.inject', fault: { kind: 'lowBatteryReset' } } },
  { label: 'Pump memory error', start: { type: 'fault.inject', fault: { kind: 'memoryError' } } },
];

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
