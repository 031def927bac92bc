import type { DeviceProfileId } from '@itps/core';
import { useId, useState } from 'react';
import { parseDecimal } from '../format/parseDecimal.ts';
import { useTraining } from '../simulation/useTraining.ts';
import { useDoor } from '../simulation/WorldProvider.tsx';

const MODELS: readonly { readonly id: DeviceProfileId; readonly label: string }[] = [
  { id: 'synchromed-ii-20', label: 'SynchroMed-like, 20 mL' },
  { id: 'synchromed-ii-40', label: 'SynchroMed-like, 40 mL' },
  { id: 'prometra-ii-20', label: 'Prometra-like, 20 mL' },
];

/**
 * In theatre: what the surgeon does at a pump replacement, on the clinician's word. The new pump
 * goes into the pocket (kept or new catheter); a kept catheter is connected once the new pump's
 * tubing is primed. The world refuses a replacement the pump gives no reason for, or one while the
 * programmer is in another session with the old pump, and says why.
 */
export function TheatrePanel() {
  const training = useTraining();
  const door = useDoor();
  const [model, setModel] = useState<DeviceProfileId>('synchromed-ii-20');
  const [catheter, setCatheter] = useState<'kept' | 'new'>('kept');
  const [lengthCm, setLengthCm] = useState('');
  const [said, setSaid] = useState<{ readonly ok: boolean; readonly text: string } | null>(null);
  const ids = { model: useId(), length: useId() };
  const record = training.record;
  // only in an exercise set in theatre (`training.phase: theatre`), where a replacement is the task
  if (training.exercise?.phase !== 'theatre' || record === null || record.debrief !== null) return null;
  const replace = async () => {
    let newCatheterVolume: number | undefined;
    if (catheter === 'new') {
      const l = parseDecimal('New catheter length', lengthCm, { min: 1, max: 200, unit: 'cm' });
      if (!l.ok) {
        setSaid({ ok: false, text: l.message });
        return;
      }
      // 0.0026 mL/cm, the catheter figure every model uses
      newCatheterVolume = Math.round(l.value * 2_600);
    }
    const result = await door.apply({
      type: 'pump.replace',
      replacement: {
        profileId: model,
        catheter,
        ...(newCatheterVolume === undefined ? {} : { newCatheterVolume: newCatheterVolume as never }),
      },
    });
    setSaid(
      result.ok
        ? { ok: true, text: 'The new pump is in the pocket. Read it on the programmer, fill it and set it up.' }
        : { ok: false, text: result.refusal.message },
    );
  };
  const connect = async () => {
    const result = await door.apply({ type: 'pump.connect' });
    setSaid(
      result.ok
        ? { ok: true, text: 'The surgeon has connected the catheter to the new pump.' }
        : { ok: false, text: result.refusal.message },
    );
  };
  return (
    <section className="panel theatre" aria-labelledby="theatre-title">
      <h2 id="theatre-title">In theatre: the surgeon</h2>
      <div className="field">
        <label htmlFor={ids.model}>New pump</label>{' '}
        <select id={ids.model} value={model} onChange={(e) => setModel(e.target.value as DeviceProfileId)}>
          {MODELS.map((m) => (
            <option key={m.id} value={m.id}>
              {m.label}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="speeds">
        <legend>Catheter</legend>
        <label>
          <input
            type="radio"
            name="theatre-catheter"
            checked={catheter === 'kept'}
            onChange={() => setCatheter('kept')}
          />{' '}
          Keep the implanted catheter
        </label>
        <label>
          <input
            type="radio"
            name="theatre-catheter"
            checked={catheter === 'new'}
            onChange={() => setCatheter('new')}
          />{' '}
          Place a new catheter
        </label>
        {catheter === 'new' && (
          <div className="field">
            <label htmlFor={ids.length}>Implanted length (cm)</label>
            <input id={ids.length} inputMode="decimal" value={lengthCm} onChange={(e) => setLengthCm(e.target.value)} />
          </div>
        )}
      </fieldset>
      <div className="buttons">
        <button type="button" onClick={() => void replace()}>
          Surgeon: replace the pump
        </button>
        <button type="button" className="secondary" onClick={() => void connect()}>
          Surgeon: connect the catheter
        </button>
      </div>
      {said !== null && (
        <p className={said.ok ? 'ok' : 'error'} role={said.ok ? 'status' : 'alert'} data-testid="theatre-said">
          {said.text}
        </p>
      )}
    </section>
  );
}
