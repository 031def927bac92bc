import {
  clockTime,
  type Drug,
  dailyTotal,
  doseFromUnit,
  doseInUnit,
  drugOf,
  type FlexStep,
  flexScheduleDraft,
  getDeviceProfile,
  type PicogramsPerDay,
  type ProgrammerView,
  type PumpBeliefView,
} from '@itps/core';
import { type FormEvent, useId, useState } from 'react';
import { parseClock } from '../../format/parseClock.ts';
import { parseDecimal } from '../../format/parseDecimal.ts';
import { formatStrength } from '../../format/units.ts';
import { useProgrammerAct } from '../../simulation/useProgrammerAct.ts';
import { DraftFindings } from './DraftFindings.tsx';
import { ReentryField } from './ReentryField.tsx';
import { WorkflowButtons } from './WorkflowButtons.tsx';

interface Row {
  readonly key: number;
  readonly start: string;
  readonly dose: string;
}

const hhmm = clockTime;
/** An amount in the drug's unit: to a tenth of a mcg, or a thousandth of a mg. */
const amount = (x: number, drug: Drug) =>
  drug.doseUnit === 'mcg' ? `${Math.round(x * 10) / 10} mcg` : `${Math.round(x * 1000) / 1000} mg`;
/** A drug's daily-dose limit of typing: two and a half times its hard limit (5000 mcg/day of baclofen). */
const fieldMax = (drug: Drug) => doseInUnit((drug.hardMaxDose * 5) as PicogramsPerDay, drug) / 2;

/** Every row read, with one message per field that cannot be read; steps sorted by their start. */
function readRows(rows: readonly Row[], drug: Drug): { steps: FlexStep[]; errors: string[] } {
  const steps: FlexStep[] = [];
  const errors: string[] = [];
  rows.forEach((row, i) => {
    const start = parseClock(`Step ${i + 1} start`, row.start);
    const dose = parseDecimal(`Step ${i + 1} dose`, row.dose, {
      min: 0,
      max: fieldMax(drug),
      unit: `${drug.doseUnit}/day`,
    });
    if (!start.ok) errors.push(start.message);
    if (!dose.ok) errors.push(dose.message);
    if (start.ok && dose.ok) steps.push({ startMinute: start.value, dose: doseFromUnit(dose.value, drug) });
  });
  // the schedule's own rules (start at 00:00, one start per step) are the pump's, checked by the draft review
  steps.sort((a, b) => a.startMinute - b.startMinute);
  return { steps, errors };
}

/**
 * The 24 hours as a bar chart: each step from its start to the next at a height proportional to its
 * daily dose, with what it delivers in its hours. Read aloud as a list of the steps.
 */
function DayChart({ steps, drug }: { readonly steps: readonly FlexStep[]; readonly drug: Drug }) {
  const mcg = (x: number) => amount(x, drug);
  const max = Math.max(1, ...steps.map((s) => s.dose));
  const width = 720;
  const height = 140;
  const top = 18;
  const x = (minute: number) => (minute / 1440) * width;
  const segments = steps.map((s, i) => {
    const end = steps[i + 1]?.startMinute ?? 1440;
    const perDay = doseInUnit(s.dose, drug);
    return { s, end, perDay, delivered: (perDay * (end - s.startMinute)) / 1440 };
  });
  const label = segments
    .map(
      (g) =>
        `${hhmm(g.s.startMinute)} to ${hhmm(g.end)}: ${g.perDay} ${drug.doseUnit}/day, ${mcg(g.delivered)} in these hours`,
    )
    .join('; ');
  return (
    <svg
      className="day-chart"
      viewBox={`0 0 ${width} ${height + 22}`}
      role="img"
      aria-label={`The 24-hour schedule. ${label || 'no valid step yet'}`}
      data-testid="flex-chart"
    >
      {segments.map((g) => {
        const h = ((height - top) * g.s.dose) / max;
        return (
          <g key={g.s.startMinute}>
            <rect
              x={x(g.s.startMinute)}
              y={height - h}
              width={x(g.end) - x(g.s.startMinute)}
              height={h}
              className="step"
            />
            <text x={x(g.s.startMinute) + 4} y={Math.max(top - 4, height - h - 4)} className="step-label">
              {g.perDay} {drug.doseUnit}/day
            </text>
          </g>
        );
      })}
      {[0, 3, 6, 9, 12, 15, 18, 21, 24].map((h) => (
        <g key={h}>
          <line x1={x(h * 60)} x2={x(h * 60)} y1={top} y2={height} className="hour" />
          <text x={Math.min(width - 14, x(h * 60))} y={height + 16} className="hour-label">
            {String(h).padStart(2, '0')}
          </text>
        </g>
      ))}
    </svg>
  );
}

/**
 * The flex schedule editor: up to the pump's number of steps a day, each a start time and a daily
 * dose, drawn over the 24 hours as they are typed, with the 24-hour total beside the current one.
 * The guard rails judge the total's change (a dose per hour typed as per day shows here first);
 * a tenfold change needs the new total typed again.
 */
export function FlexScheduleScreen({ view, context }: { view: PumpBeliefView; context: ProgrammerView }) {
  const act = useProgrammerAct();
  const profile = getDeviceProfile(view.profileId);
  const drug = drugOf(view.drug);
  const mcg = (x: number) => amount(x, drug);
  // back on this screen with a schedule drafted (from the review, or a resend), the rows show it
  const drafted = context.draft.update.program?.therapy;
  const shown = drafted?.mode === 'flex' ? drafted : view.therapy;
  const [rows, setRows] = useState<Row[]>(() =>
    shown.mode === 'flex'
      ? shown.steps.map((s, i) => ({
          key: i,
          start: hhmm(s.startMinute),
          dose: String(doseInUnit(s.dose, drug)),
        }))
      : [{ key: 0, start: '00:00', dose: String(doseInUnit(view.dose, drug)) }],
  );
  const [nextKey, setNextKey] = useState(rows.length);
  const [shownErrors, setShownErrors] = useState<string[]>([]);
  const [again, setAgain] = useState('');
  const id = useId();
  const { steps, errors } = readRows(rows, drug);
  const total = doseInUnit(dailyTotal({ mode: 'flex', steps }), drug);
  const current = doseInUnit(dailyTotal(view.therapy), drug);
  const change = current === 0 ? null : Math.round(((total - current) / current) * 100);
  const edit = (key: number, field: 'start' | 'dose', value: string) =>
    setRows(rows.map((r) => (r.key === key ? { ...r, [field]: value } : r)));
  const check = (e: FormEvent) => {
    e.preventDefault();
    setShownErrors(errors);
    if (errors.length === 0) act({ type: 'draft.change', draft: flexScheduleDraft(view, steps) });
  };
  const reenter = () => {
    const typed = parseDecimal('24-hour total typed again', again, {
      min: 0,
      max: fieldMax(drug) * 20,
      unit: drug.doseUnit,
    });
    if (!typed.ok) {
      setShownErrors([typed.message]);
      return;
    }
    // within what the total is shown to: a twentieth of a mcg, or of a thousandth of a mg
    if (Math.abs(typed.value - total) > (drug.doseUnit === 'mcg' ? 0.05 : 0.0005)) {
      setShownErrors([
        `24-hour total typed again: expected the schedule's total of ${mcg(total)}, found ${typed.value} ${drug.doseUnit}.`,
      ]);
      return;
    }
    setShownErrors([]);
    act({ type: 'draft.reenter', draft: flexScheduleDraft(view, steps) });
  };
  const checked = context.draft.update.program?.therapy.mode === 'flex';
  // the review shows what was checked; a step typed over since must be checked again first
  const edited =
    checked && (errors.length > 0 || JSON.stringify(flexScheduleDraft(view, steps)) !== JSON.stringify(context.draft));
  const needsReentry = context.findings.some((f) => f.severity === 'reenter');
  return (
    <form className="screen flex-editor" onSubmit={check} noValidate>
      <h3>Flex schedule (24 hours)</h3>
      <p>
        Up to {profile.maxFlexSteps} steps a day, each a daily dose from its start until the next step. At{' '}
        {formatStrength(view.concentration, view.drug)}.
      </p>
      <DayChart steps={steps} drug={drug} />
      <p className="total" data-testid="flex-total" aria-live="polite">
        24-hour total: <strong>{mcg(total)}</strong> (now {mcg(current)}
        {change === null ? '' : `, ${change >= 0 ? '+' : ''}${change} %`})
      </p>
      <table className="steps">
        <thead>
          <tr>
            <th scope="col">Step</th>
            <th scope="col">Starts at (HH:MM)</th>
            <th scope="col">Dose ({drug.doseUnit}/day)</th>
            <th scope="col">In its hours</th>
            <th scope="col">
              <span className="visually-hidden">Remove</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => {
            const step = steps.find((s) => hhmm(s.startMinute) === row.start.trim());
            const index = step === undefined ? -1 : steps.indexOf(step);
            const end = steps[index + 1]?.startMinute ?? 1440;
            return (
              <tr key={row.key}>
                <th scope="row">{i + 1}</th>
                <td>
                  <input
                    aria-label={`Step ${i + 1} starts at (HH:MM)`}
                    value={row.start}
                    inputMode="numeric"
                    onChange={(e) => edit(row.key, 'start', e.target.value)}
                  />
                </td>
                <td>
                  <input
                    aria-label={`Step ${i + 1} dose (${drug.doseUnit}/day)`}
                    value={row.dose}
                    inputMode="decimal"
                    onChange={(e) => edit(row.key, 'dose', e.target.value)}
                  />
                </td>
                <td>
                  {step === undefined
                    ? '–'
                    : mcg((doseInUnit(step.dose as PicogramsPerDay, drug) * (end - step.startMinute)) / 1440)}
                </td>
                <td>
                  <button
                    type="button"
                    className="secondary"
                    disabled={rows.length === 1}
                    onClick={() => setRows(rows.filter((r) => r.key !== row.key))}
                  >
                    Remove step {i + 1}
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="buttons">
        <button
          type="button"
          className="secondary"
          disabled={rows.length >= profile.maxFlexSteps}
          onClick={() => {
            setRows([...rows, { key: nextKey, start: '', dose: '' }]);
            setNextKey(nextKey + 1);
          }}
        >
          Add step
        </button>
      </div>
      <div id={`${id}-findings`} aria-live="polite">
        {shownErrors.length > 0 && (
          <ul className="error" role="alert" data-testid="flex-errors">
            {shownErrors.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        )}
        {checked && (
          <DraftFindings
            findings={context.findings}
            acknowledged={context.acknowledged}
            onConfirm={(code) => act({ type: 'finding.confirm', code })}
          />
        )}
      </div>
      {checked && needsReentry && (
        <ReentryField
          label={`Type the new 24-hour total again (${drug.doseUnit})`}
          value={again}
          onChange={setAgain}
          onCheck={reenter}
          matched={context.reentered}
        />
      )}
      <WorkflowButtons check="Check schedule" drafted={checked} edited={edited} context={context} />
    </form>
  );
}
