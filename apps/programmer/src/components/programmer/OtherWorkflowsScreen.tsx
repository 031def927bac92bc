import {
  alarmTestDraft,
  alarmThresholdDraft,
  amountFromUnit,
  amountInUnit,
  catheterDataDraft,
  type Draft,
  doseFromUnit,
  doseInUnit,
  drugOf,
  getDeviceProfile,
  massInVolume,
  mlToNanolitres,
  mriPreparation,
  type Picograms,
  type PicogramsPerDay,
  type ProgrammerView,
  type PumpBeliefView,
  primingBolusDraft,
  restartDraft,
  singleBolusDraft,
  stopDraft,
} from '@itps/core';
import { type FormEvent, useId, useState } from 'react';
import { parseDecimal } from '../../format/parseDecimal.ts';
import { diffDrugs, formatDiffRow } from '../../format/therapy.ts';
import { useProgrammerAct } from '../../simulation/useProgrammerAct.ts';
import { useWhen } from '../../simulation/useWhen.ts';
import { DraftFindings } from './DraftFindings.tsx';
import { WorkflowButtons } from './WorkflowButtons.tsx';

/** The programmer's other workflows: each builds a draft with the core and goes through the finish screen. */
export function OtherWorkflowsScreen({ view, context }: { view: PumpBeliefView; context: ProgrammerView }) {
  const act = useProgrammerAct();
  const profile = getDeviceProfile(view.profileId);
  const mri = mriPreparation(view);
  const drug = drugOf(view.drug);
  const unit = drug.doseUnit;
  const [error, setError] = useState<string | null>(null);
  // coming back from the finish screen, the fields show what is prepared, not their first values
  const single = context.draft.bolus?.kind === 'single' ? context.draft.bolus : null;
  const [bolus, setBolus] = useState(
    single === null
      ? '50'
      : String(
          Math.round(
            amountInUnit(massInVolume(single.volume, view.concentration), drug) * (unit === 'mcg' ? 10 : 1000),
          ) / (unit === 'mcg' ? 10 : 1000),
        ),
  );
  const [minutes, setMinutes] = useState(single === null ? '60' : String(Math.round(single.durationMs / 60_000)));
  const [replacing, setReplacing] = useState<Draft | null>(null);
  const [threshold, setThreshold] = useState('4');
  const [length, setLength] = useState('40');
  // a stopped pump's program has no dose: the clinician types the dose to restart at
  const [restart, setRestart] = useState(view.dose > 0 ? String(doseInUnit(view.dose, drug)) : '');
  const ids = { bolus: useId(), minutes: useId(), threshold: useId(), length: useId(), restart: useId() };
  const when = useWhen();
  const prepared = context.prepared.map((r) => formatDiffRow(r, when, diffDrugs(context.prepared, view.drug)));
  /** Prepares a change; one already prepared is only replaced when the clinician says so. */
  const propose = (draft: Draft, replace = false) => {
    setError(null);
    if (!replace && context.prepared.length > 0 && JSON.stringify(draft) !== JSON.stringify(context.draft)) {
      setReplacing(draft);
      return;
    }
    setReplacing(null);
    act({ type: 'draft.change', draft });
  };
  const read = (label: string, text: string, range: { min: number; max: number; unit: string }) => {
    const r = parseDecimal(label, text, range);
    if (!r.ok) setError(r.message);
    return r.ok ? r.value : null;
  };
  const submit = (build: () => Draft | null) => (e: FormEvent) => {
    e.preventDefault();
    const draft = build();
    if (draft !== null) propose(draft);
  };
  return (
    <div className="screen">
      <h3>Other workflows</h3>
      <form
        onSubmit={submit(() => {
          // typed up to ten times the library's largest single bolus (1000 mcg of baclofen): the gate refuses above it
          const mcg = read('Bolus dose', bolus, {
            min: unit === 'mcg' ? 1 : 0.001,
            max: amountInUnit((drug.bolusHardMax * 10) as Picograms, drug) / 3,
            unit,
          });
          const min = read('Bolus duration', minutes, { min: 1, max: 1440, unit: 'min' });
          return mcg === null || min === null
            ? null
            : singleBolusDraft(view, amountFromUnit(mcg, drug), Math.round(min * 60_000));
        })}
        noValidate
      >
        <h4>Single bolus</h4>
        <div className="field">
          <label htmlFor={ids.bolus}>Bolus dose ({unit})</label>
          <input id={ids.bolus} inputMode="decimal" value={bolus} onChange={(e) => setBolus(e.target.value)} />
          <label htmlFor={ids.minutes}>Over (minutes)</label>
          <input id={ids.minutes} inputMode="numeric" value={minutes} onChange={(e) => setMinutes(e.target.value)} />
        </div>
        <button type="submit">Prepare single bolus</button>
      </form>
      <div className="buttons">
        <button type="button" onClick={() => propose(primingBolusDraft(view))}>
          Prepare priming bolus (tubing and catheter)
        </button>
      </div>
      <form
        onSubmit={submit(() => {
          const ml = read('Low-reservoir alarm', threshold, {
            min: profile.lowReservoirThresholdRange.min / 1e6,
            max: profile.lowReservoirThresholdRange.max / 1e6,
            unit: 'mL',
          });
          return ml === null ? null : alarmThresholdDraft(mlToNanolitres(ml));
        })}
        noValidate
      >
        <h4>Low-reservoir alarm</h4>
        <div className="field">
          <label htmlFor={ids.threshold}>Alarm at (mL)</label>
          <input
            id={ids.threshold}
            inputMode="decimal"
            value={threshold}
            onChange={(e) => setThreshold(e.target.value)}
          />
        </div>
        <button type="submit">Prepare alarm change</button>
      </form>
      <form
        onSubmit={submit(() => {
          const cm = read('Implanted catheter length', length, { min: 1, max: 200, unit: 'cm' });
          return cm === null ? null : catheterDataDraft(cm, profile.catheterVolumePerCm);
        })}
        noValidate
      >
        <h4>Catheter data</h4>
        <div className="field">
          <label htmlFor={ids.length}>Implanted catheter length (cm)</label>
          <input id={ids.length} inputMode="decimal" value={length} onChange={(e) => setLength(e.target.value)} />
        </div>
        <button type="submit">Prepare catheter data</button>
      </form>
      <h4>Therapy, MRI and alarms</h4>
      <div className="buttons">
        <button type="button" onClick={() => propose(stopDraft(view))}>
          Prepare stop therapy
        </button>
        <button type="button" onClick={() => propose(alarmTestDraft())}>
          Prepare alarm test
        </button>
      </div>
      <form
        onSubmit={submit(() => {
          const typed = read('Restart dose', restart, {
            min: unit === 'mcg' ? 1 : 0.001,
            max: doseInUnit((drug.hardMaxDose * 5) as PicogramsPerDay, drug) / 2,
            unit: `${unit}/day`,
          });
          return typed === null ? null : restartDraft(view, { mode: 'simple', dose: doseFromUnit(typed, drug) });
        })}
        noValidate
      >
        <div className="field">
          <label htmlFor={ids.restart}>Restart simple continuous at ({unit}/day)</label>
          <input id={ids.restart} inputMode="decimal" value={restart} onChange={(e) => setRestart(e.target.value)} />
        </div>
        <button type="submit">Prepare restart</button>
      </form>
      <div className="finding" data-testid="mri-advice">
        <p>
          <strong>
            MRI preparation (
            {profile.mri.behaviour === 'motorStall' ? 'motor stalls in the field' : 'valves may open in the field'}):
          </strong>
        </p>
        <ul>
          {mri.advice.map((a) => (
            <li key={a}>{a}</li>
          ))}
        </ul>
        {mri.draft !== null && (
          <button type="button" onClick={() => mri.draft && propose(mri.draft)}>
            Prepare MRI settings (stop, reservoir emptied)
          </button>
        )}
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {prepared.length > 0 && (
        <div className="prepared" data-testid="prepared">
          <p>
            <strong>Prepared:</strong>
          </p>
          <ul>
            {prepared.map((row) => (
              <li key={row.label}>
                {row.label}: {row.new}
              </li>
            ))}
          </ul>
        </div>
      )}
      {replacing !== null && (
        <fieldset className="confirm" data-testid="replace-prepared">
          <legend className="confirm-question">
            A change is already prepared. Replace it with this one? Only one change goes to the pump at a time.
          </legend>
          <button type="button" onClick={() => propose(replacing, true)}>
            Replace the prepared change
          </button>
          <button type="button" className="secondary" onClick={() => setReplacing(null)}>
            Keep the prepared change
          </button>
        </fieldset>
      )}
      <DraftFindings
        findings={context.findings.filter((f) => f.code !== 'draft.empty')}
        acknowledged={context.acknowledged}
        onConfirm={(code) => act({ type: 'finding.confirm', code })}
      />
      <WorkflowButtons check={null} drafted={true} context={context} />
    </div>
  );
}
