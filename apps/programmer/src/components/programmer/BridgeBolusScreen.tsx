import {
  bolusRate,
  bridgeBolusDraft,
  concentrationFromUnit,
  concentrationInUnit,
  concentrationUnitLabel,
  drugOf,
  getDeviceProfile,
  type Milliseconds,
  msToHours,
  type Nanolitres,
  nanolitresPerDayToMlPerDay,
  type ProgrammerView,
  type PumpBeliefView,
} from '@itps/core';
import { type FormEvent, useId, useState } from 'react';
import { parseDecimal } from '../../format/parseDecimal.ts';
import { formatMl, formatStrength } from '../../format/units.ts';
import { useProgrammerAct } from '../../simulation/useProgrammerAct.ts';
import { DraftFindings } from './DraftFindings.tsx';
import { WorkflowButtons } from './WorkflowButtons.tsx';

const hours = (ms: number) => `${Math.round(msToHours(ms as Milliseconds) * 10) / 10} h`;

/**
 * The bridge bolus on its own: after a concentration change whose old drug is still in the pump
 * tubing and catheter, it moves that volume at the flow that gives today's dose at the OLD
 * concentration, so the patient gets the right dose until the new drug reaches the tip.
 */
export function BridgeBolusScreen({ view, context }: { view: PumpBeliefView; context: ProgrammerView }) {
  const act = useProgrammerAct();
  const profile = getDeviceProfile(view.profileId);
  const drug = drugOf(view.drug);
  const [old, setOld] = useState('');
  const [error, setError] = useState<string | null>(null);
  const id = useId();
  const dead = (profile.pumpTubingVolume + view.catheterVolumeEntered) as Nanolitres;
  const check = (e: FormEvent) => {
    e.preventDefault();
    const parsed = parseDecimal('Previous concentration', old, {
      min: concentrationInUnit(drug.minConcentration, drug),
      max: concentrationInUnit(drug.maxConcentration, drug),
      unit: concentrationUnitLabel(drug),
    });
    if (!parsed.ok) {
      setError(parsed.message);
      return;
    }
    const previous = concentrationFromUnit(parsed.value, drug);
    if (previous === view.concentration) {
      setError(
        `Previous concentration: expected a concentration other than the pump's ${formatStrength(view.concentration, view.drug)}, found the same: there is nothing to bridge.`,
      );
      return;
    }
    if (previous === null) {
      setError(`Previous concentration: expected a whole number of mcg/mL, found ${old.trim()}.`);
      return;
    }
    const draft = bridgeBolusDraft(view, previous);
    if (!draft.ok) {
      setError(draft.refusal.message);
      return;
    }
    setError(null);
    act({ type: 'draft.change', draft: draft.value });
  };
  const bolus = context.draft.bolus?.kind === 'bridge' ? context.draft.bolus : null;
  return (
    <form className="screen" onSubmit={check} noValidate>
      <h3>Bridge bolus</h3>
      <p>
        The pump tubing and the catheter (as entered) hold {formatMl(dead)} of the drug that was in the pump before the
        concentration changed. Now: {formatStrength(view.concentration, view.drug)}.
      </p>
      <div className="field">
        <label htmlFor={id}>Previous concentration ({concentrationUnitLabel(drug)})</label>
        <input
          id={id}
          inputMode="numeric"
          value={old}
          onChange={(e) => setOld(e.target.value)}
          aria-invalid={error !== null}
          aria-describedby={`${id}-message`}
        />
        <div id={`${id}-message`} aria-live="polite">
          {error && (
            <p className="error" role="alert">
              {error}
            </p>
          )}
        </div>
      </div>
      {bolus !== null && (
        <dl className="figures" data-testid="bridge-plan">
          <dt>Volume moved</dt>
          <dd>{formatMl(bolus.volume)}</dd>
          <dt>Over</dt>
          <dd>{hours(bolus.durationMs)}</dd>
          <dt>Flow meanwhile</dt>
          <dd>{nanolitresPerDayToMlPerDay(bolusRate(bolus.volume, bolus.durationMs)).toFixed(3)} mL/day</dd>
          <dt>Then</dt>
          <dd>the basal flow of the program at {formatStrength(view.concentration, view.drug)}</dd>
        </dl>
      )}
      {bolus !== null && (
        <DraftFindings
          findings={context.findings}
          acknowledged={context.acknowledged}
          onConfirm={(code) => act({ type: 'finding.confirm', code })}
        />
      )}
      <WorkflowButtons check="Plan bridge bolus" drafted={bolus !== null} context={context} />
    </form>
  );
}
