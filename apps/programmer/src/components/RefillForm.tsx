import {
  baclofen,
  fluidAt,
  getDeviceProfile,
  mcgPerMl,
  mlToNanolitres,
  type Nanolitres,
  nanolitresToMl,
} from '@itps/core';
import { type FormEvent, useId, useState } from 'react';
import { parseDecimal } from '../format/parseDecimal.ts';
import { formatMl } from '../format/units.ts';
import { useApply, useWorldSelector } from '../simulation/WorldProvider.tsx';

/**
 * A refill at the pump: aspirate everything that can be withdrawn, inject a volume at a
 * concentration, record the new volume. All or nothing: a refused refill changes nothing.
 */
export function RefillForm() {
  const apply = useApply();
  const capacity = useWorldSelector((s) => getDeviceProfile(s.pump.profileId).capacity);
  const [volume, setVolume] = useState('18');
  const [concentration, setConcentration] = useState('500');
  const [errors, setErrors] = useState<{ volume?: string; concentration?: string; form?: string }>({});
  const [outcome, setOutcome] = useState<string | null>(null);
  const volumeId = useId();
  const concentrationId = useId();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setOutcome(null);
    const v = parseDecimal('Volume to inject', volume, { min: 0, max: nanolitresToMl(capacity), unit: 'mL' });
    const c = parseDecimal('Concentration', concentration, {
      min: baclofen.minConcentration,
      max: baclofen.maxConcentration,
      unit: 'mcg/mL',
    });
    const next = {
      ...(v.ok ? {} : { volume: v.message }),
      ...(c.ok ? {} : { concentration: c.message }),
      ...(c.ok && !Number.isInteger(c.value)
        ? { concentration: `Concentration: expected a whole number of mcg/mL, found ${concentration}.` }
        : {}),
    };
    setErrors(next);
    if (!v.ok || !c.ok || Object.keys(next).length > 0) return;
    const result = await apply({
      type: 'visit.refill',
      visit: { aspirate: 'all', inject: fluidAt(mlToNanolitres(v.value), mcgPerMl(c.value)) },
    });
    if (!result.ok) {
      setErrors({ form: result.refusal.message });
      return;
    }
    setOutcome(
      `Refilled: ${formatMl(result.withdrawn?.volume ?? (0 as Nanolitres))} aspirated, ${v.value} mL injected at ${c.value} mcg/mL.`,
    );
  };

  return (
    <section className="panel" aria-labelledby="refill-title">
      <h2 id="refill-title">Refill at the pump</h2>
      <form onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor={volumeId}>Volume to inject (mL)</label>
          <input
            id={volumeId}
            inputMode="decimal"
            value={volume}
            onChange={(e) => setVolume(e.target.value)}
            aria-invalid={errors.volume !== undefined}
            aria-describedby={errors.volume ? `${volumeId}-error` : undefined}
          />
          {errors.volume && (
            <p id={`${volumeId}-error`} className="error" role="alert">
              {errors.volume}
            </p>
          )}
        </div>
        <div className="field">
          <label htmlFor={concentrationId}>Concentration (mcg/mL)</label>
          <input
            id={concentrationId}
            inputMode="numeric"
            value={concentration}
            onChange={(e) => setConcentration(e.target.value)}
            aria-invalid={errors.concentration !== undefined}
            aria-describedby={errors.concentration ? `${concentrationId}-error` : undefined}
          />
          {errors.concentration && (
            <p id={`${concentrationId}-error`} className="error" role="alert">
              {errors.concentration}
            </p>
          )}
        </div>
        {errors.form && (
          <p className="error" role="alert" data-testid="refill-refusal">
            {errors.form}
          </p>
        )}
        <button type="submit">Aspirate all, inject and record</button>
        {outcome && (
          <p className="ok" role="status">
            {outcome}
          </p>
        )}
      </form>
    </section>
  );
}
