import {
  doseChangeDraft,
  doseFromUnit,
  doseInUnit,
  doseUnitLabel,
  drugOf,
  type PicogramsPerDay,
  type ProgrammerView,
  type PumpBeliefView,
} from '@itps/core';
import { type FormEvent, useId, useState } from 'react';
import { parseDecimal } from '../../format/parseDecimal.ts';
import { drugDoseLines } from '../../format/therapy.ts';
import { formatDailyDose, formatStrength } from '../../format/units.ts';
import { useProgrammerAct } from '../../simulation/useProgrammerAct.ts';
import { DraftFindings } from './DraftFindings.tsx';
import { ReentryField } from './ReentryField.tsx';
import { WorkflowButtons } from './WorkflowButtons.tsx';

/**
 * The dose-change workflow: a new daily dose, checked by the core's guard rails as it is entered;
 * soft limits ask for confirmation, a tenfold change asks for the value again, hard limits refuse.
 */
export function DoseChangeScreen({ view, context }: { view: PumpBeliefView; context: ProgrammerView }) {
  const act = useProgrammerAct();
  // back on this screen with a draft (from the review, or a resend after a lost update): the field shows it
  const drafted = context.draft.update.program?.therapy;
  const drug = drugOf(view.drug);
  const unit = doseUnitLabel(drug);
  // a field up to two and a half times the drug's hard limit (5000 mcg/day of baclofen): the gate refuses above it
  const range = { min: 0, max: doseInUnit((drug.hardMaxDose * 5) as PicogramsPerDay, drug) / 2, unit };
  const [dose, setDose] = useState(drafted?.mode === 'simple' ? String(doseInUnit(drafted.dose, drug)) : '');
  const [again, setAgain] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const id = useId();
  const draftFor = (text: string) => {
    const parsed = parseDecimal('New daily dose', text, range);
    if (!parsed.ok) {
      setFieldError(parsed.message);
      return null;
    }
    setFieldError(null);
    return doseChangeDraft(view, doseFromUnit(parsed.value, drug));
  };
  const check = (e: FormEvent) => {
    e.preventDefault();
    const draft = draftFor(dose);
    if (draft !== null) act({ type: 'draft.change', draft });
  };
  const reenter = () => {
    const draft = draftFor(again);
    if (draft !== null) act({ type: 'draft.reenter', draft });
  };
  const checked = context.draft.update.program !== undefined;
  // the review shows what was checked; a field typed over since must be checked again first
  const typed = parseDecimal('New daily dose', dose, range);
  const edited =
    checked &&
    (!typed.ok ||
      JSON.stringify(doseChangeDraft(view, doseFromUnit(typed.value, drug))) !== JSON.stringify(context.draft));
  const needsReentry = context.findings.some((f) => f.severity === 'reenter');
  return (
    <form className="screen" onSubmit={check} noValidate>
      <h3>Change dose (simple continuous)</h3>
      <p>
        Current: {formatDailyDose(view.dose, view.drug)} of {drug.shortName} at{' '}
        {formatStrength(view.concentration, view.drug)}
        {view.admixed.length > 0 && (
          <>
            {' '}
            (admixed:{' '}
            {view.admixed
              .map((p) => `${drugOf(p.drug).shortName} ${formatStrength(p.concentration, p.drug)}`)
              .join(', ')}
            )
          </>
        )}
      </p>
      <div className="field">
        <label htmlFor={id}>New daily dose ({unit})</label>
        <input
          id={id}
          inputMode="decimal"
          value={dose}
          onChange={(e) => setDose(e.target.value)}
          aria-invalid={fieldError !== null || context.findings.length > 0}
          aria-describedby={`${id}-findings`}
        />
        <div id={`${id}-findings`} aria-live="polite">
          {fieldError && (
            <p className="error" role="alert">
              {fieldError}
            </p>
          )}
          {checked && view.admixed.length > 0 && context.draft.update.program !== undefined && (
            <p data-testid="dose-drug-doses">Each drug: {drugDoseLines(context.draft.update.program).join('; ')}</p>
          )}
          {checked && (
            <DraftFindings
              findings={context.findings}
              acknowledged={context.acknowledged}
              onConfirm={(code) => act({ type: 'finding.confirm', code })}
            />
          )}
        </div>
      </div>
      {checked && needsReentry && (
        <ReentryField
          label={`Type the new daily dose again (${unit})`}
          value={again}
          onChange={setAgain}
          onCheck={reenter}
          matched={context.reentered}
        />
      )}
      <WorkflowButtons check="Check dose" drafted={checked} edited={edited} context={context} />
    </form>
  );
}
