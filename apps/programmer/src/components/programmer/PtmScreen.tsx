import {
  amountFromUnit,
  amountInUnit,
  drugOf,
  formatConcentration,
  type Milliseconds,
  type ProgrammerView,
  type PtmSettings,
  type PumpBeliefView,
  ptmDraft,
  ptmReport,
  ptmWords,
} from '@itps/core';
import { type FormEvent, useId, useState } from 'react';
import { parseDecimal } from '../../format/parseDecimal.ts';
import { useProgrammerAct } from '../../simulation/useProgrammerAct.ts';
import { DraftFindings } from './DraftFindings.tsx';
import { WorkflowButtons } from './WorkflowButtons.tsx';

const MIN = 60_000;

/**
 * The patient's therapy manager in the dosing workflow: the dose one press of the patient's handheld
 * gives (in the drug's unit), over how long, the lockout between two boluses and the most in 24
 * hours; or PTM switched off. The one therapy gate judges them (the drug allows it, the patient's
 * opioid history, the dose per bolus and the day with every bolus used); the screen only shows what
 * it finds, and the pump's PTM report since the last visit.
 */
export function PtmScreen({ view, context }: { view: PumpBeliefView; context: ProgrammerView }) {
  const act = useProgrammerAct();
  const drug = drugOf(view.drug);
  const unit = drug.doseUnit;
  const current = view.ptm ?? null;
  const drafted = context.draft.update.program;
  const shown = drafted === undefined ? current : (drafted.ptm ?? null);
  const [on, setOn] = useState(drafted === undefined ? true : shown !== null);
  const [dose, setDose] = useState(shown === null ? '' : String(amountInUnit(shown.bolusDose, drug)));
  const [duration, setDuration] = useState(shown === null ? '' : String(shown.bolusDurationMs / MIN));
  const [lockout, setLockout] = useState(shown === null ? '' : String(shown.lockoutMs / MIN));
  const [perDay, setPerDay] = useState(shown === null ? '' : String(shown.maxPerDay));
  const [fieldError, setFieldError] = useState<string | null>(null);
  const id = useId();
  const report = ptmReport(view);

  /** What the fields say now: the settings, PTM off, or the first field that is not a number in range. */
  const typed = (): { settings: PtmSettings | null } | { error: string } => {
    if (!on) return { settings: null };
    const fields = [
      parseDecimal('Dose per bolus', dose, { min: 0, max: unit === 'mg' ? 10 : 1000, unit }),
      parseDecimal('Bolus duration', duration, { min: 1, max: 1440, unit: 'min' }),
      parseDecimal('Lockout', lockout, { min: 10, max: 1440, unit: 'min' }),
      parseDecimal('Most boluses in 24 hours', perDay, { min: 1, max: 24, unit: '' }),
    ];
    const bad = fields.find((f) => !f.ok);
    if (bad !== undefined && !bad.ok) return { error: bad.message };
    const [d, t, l, n] = fields.map((f) => (f.ok ? f.value : 0)) as [number, number, number, number];
    return {
      settings: {
        bolusDose: amountFromUnit(d, drug),
        bolusDurationMs: Math.round(t * MIN) as Milliseconds,
        lockoutMs: Math.round(l * MIN) as Milliseconds,
        maxPerDay: Math.round(n),
      },
    };
  };
  const check = (e: FormEvent) => {
    e.preventDefault();
    const now = typed();
    if ('error' in now) {
      setFieldError(now.error);
      return;
    }
    setFieldError(null);
    act({ type: 'draft.change', draft: ptmDraft(view, now.settings) });
  };
  const checked = drafted !== undefined;
  // the review shows what was checked; fields typed over since must be checked again first
  const now = typed();
  const edited =
    checked && ('error' in now || JSON.stringify(ptmDraft(view, now.settings)) !== JSON.stringify(context.draft));
  return (
    <form className="screen ptm-screen" onSubmit={check} noValidate>
      <h3>Patient's therapy manager (PTM)</h3>
      <p data-testid="ptm-current">
        Now: <strong>{ptmWords(current, view.drug, view.concentration)}</strong> ({drug.shortName}{' '}
        {formatConcentration(view.concentration, drug)})
      </p>
      {current !== null && (
        <p data-testid="ptm-report">
          Last 24 hours: {report.last24h.boluses} given, {report.last24h.lockedOut} pressed during the lockout,{' '}
          {report.last24h.dayLimit} refused at the day's limit.
        </p>
      )}
      <div className="field">
        <label>
          <input type="checkbox" checked={on} onChange={(e) => setOn(e.target.checked)} /> Patient may give boluses with
          the handheld
        </label>
      </div>
      {on && (
        <fieldset className="ptm-fields">
          <legend>Each press of the handheld</legend>
          <div className="field">
            <label htmlFor={`${id}-dose`}>Dose per bolus ({unit})</label>
            <input id={`${id}-dose`} inputMode="decimal" value={dose} onChange={(e) => setDose(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-duration`}>Given over (min)</label>
            <input
              id={`${id}-duration`}
              inputMode="decimal"
              value={duration}
              onChange={(e) => setDuration(e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-lockout`}>Lockout from one bolus to the next (min)</label>
            <input
              id={`${id}-lockout`}
              inputMode="decimal"
              value={lockout}
              onChange={(e) => setLockout(e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-per-day`}>Most boluses in any 24 hours</label>
            <input
              id={`${id}-per-day`}
              inputMode="numeric"
              value={perDay}
              onChange={(e) => setPerDay(e.target.value)}
            />
          </div>
        </fieldset>
      )}
      <div aria-live="polite">
        {fieldError && (
          <p className="error" role="alert">
            {fieldError}
          </p>
        )}
        {checked && (
          <DraftFindings
            findings={context.findings}
            acknowledged={context.acknowledged}
            onConfirm={(code) => act({ type: 'finding.confirm', code })}
          />
        )}
      </div>
      <WorkflowButtons check="Check PTM settings" drafted={checked} edited={edited} context={context} />
    </form>
  );
}
