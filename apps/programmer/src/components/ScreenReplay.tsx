import type { DiffRow, DrugId, McgPerMl, Milliseconds, Therapy } from '@itps/core';
import type { ProgrammerScreen } from '@itps/scenarios';
import { useId, useState } from 'react';
import { doseNowWords } from '../format/forecast.ts';
import { alarmLabels, SESSION_STATE_WORDS } from '../format/labels.ts';
import { type DiffDrugs, diffDrugs, formatDiffRow, formatTherapy } from '../format/therapy.ts';
import { formatDailyDose, formatMl, formatSolution } from '../format/units.ts';
import { useWhen } from '../simulation/useWhen.ts';

// the status line's words, with the status screen named, as a replay shows screens, not states
const STATE_WORDS: Readonly<Record<string, string>> = { ...SESSION_STATE_WORDS, ready: 'Connected: status' };

const WORKFLOW_WORDS: Readonly<Record<string, string>> = {
  doseChange: 'Change dose',
  refill: 'Refill',
  flexSchedule: 'Flex schedule',
  bridgeBolus: 'Bridge bolus',
  bolus: 'Bolus, alarm, catheter, MRI, stop and restart',
  replacement: 'Pump replacement',
};

/** A saved row formatted as the review showed it; a row a file mangled is said to be unreadable, not thrown. */
function rowWords(
  row: DiffRow,
  when: (at: Milliseconds) => string,
  drugs: DiffDrugs,
): { label: string; old: string; new: string } {
  try {
    return formatDiffRow(row, when, drugs);
  } catch {
    return { label: String((row as { field?: unknown }).field ?? 'setting'), old: '(unreadable)', new: '(unreadable)' };
  }
}

const therapyWords = (t: Therapy, drug: DrugId): string => {
  try {
    return formatTherapy(t, drug);
  } catch {
    return '(unreadable)';
  }
};

/**
 * The trainee's programmer, screen by screen, on a timeline the educator scrubs: each screen as the
 * trainee saw it after each of their actions (the state, the pump as reported, the findings, the
 * review's rows, the notice), with its clock time.
 */
export function ScreenReplay({ screens }: { readonly screens: readonly ProgrammerScreen[] }) {
  const when = useWhen();
  const [index, setIndex] = useState(0);
  const sliderId = useId();
  if (screens.length === 0)
    return (
      <section className="replay" aria-labelledby={`${sliderId}-title`}>
        <h4 id={`${sliderId}-title`}>Your programmer, screen by screen</h4>
        <p data-testid="replay-none">The programmer was not used in this exercise.</p>
      </section>
    );
  const at = Math.min(index, screens.length - 1);
  const screen = screens[at] as ProgrammerScreen;
  const pump = screen.pump;
  return (
    <section className="replay" aria-labelledby={`${sliderId}-title`} data-testid="replay">
      <h4 id={`${sliderId}-title`}>Your programmer, screen by screen</h4>
      <div className="replay-controls">
        <button type="button" className="secondary" disabled={at === 0} onClick={() => setIndex(at - 1)}>
          Previous screen
        </button>
        <label htmlFor={sliderId}>
          Screen {at + 1} of {screens.length}
        </label>
        <input
          id={sliderId}
          type="range"
          min={0}
          max={screens.length - 1}
          value={at}
          onChange={(e) => setIndex(Number(e.target.value))}
          aria-valuetext={`Screen ${at + 1} of ${screens.length}, ${when(screen.at as Milliseconds)}`}
        />
        <button
          type="button"
          className="secondary"
          disabled={at === screens.length - 1}
          onClick={() => setIndex(at + 1)}
        >
          Next screen
        </button>
      </div>
      <div className="replay-screen" data-testid="replay-screen">
        <p className="replay-when">
          <strong>{when(screen.at as Milliseconds)}</strong>: {STATE_WORDS[screen.session] ?? screen.session}
          {screen.workflow === null ? '' : `, ${WORKFLOW_WORDS[screen.workflow] ?? screen.workflow}`}
        </p>
        {screen.incomplete && <p className="incomplete-line">Incomplete session: the last update was not verified.</p>}
        {screen.notice !== null && <p className="notice-line">{screen.notice}</p>}
        {pump !== null && (
          <dl className="figures">
            <dt>Drug</dt>
            <dd>
              {formatSolution([
                { drug: pump.drug ?? 'baclofen', concentration: pump.concentration as McgPerMl },
                ...(pump.admixed ?? []).map((p) => ({ ...p, concentration: p.concentration as McgPerMl })),
              ])}
            </dd>
            <dt>Therapy</dt>
            <dd>{therapyWords(pump.therapy, pump.drug ?? 'baclofen')}</dd>
            <dt>Dose now</dt>
            <dd>
              {pump.doseNow === undefined
                ? formatDailyDose(pump.dose as never, pump.drug ?? 'baclofen')
                : doseNowWords(pump.doseNow, pump.drug ?? 'baclofen')}
            </dd>
            <dt>Pump state</dt>
            <dd>{pump.suspended ? 'STOPPED (therapy suspended)' : pump.state}</dd>
            <dt>Reservoir (calculated)</dt>
            <dd>{formatMl(pump.calculatedReservoir as never)}</dd>
            <dt>Active alarms</dt>
            <dd>
              {pump.alarms.length === 0
                ? 'none'
                : pump.alarms.map((a) => alarmLabels[a as keyof typeof alarmLabels] ?? a).join(', ')}
            </dd>
          </dl>
        )}
        {screen.findings.length > 0 && (
          <ul className="replay-findings">
            {screen.findings.map((f) => (
              <li key={f.code}>{f.message}</li>
            ))}
          </ul>
        )}
        {screen.diff !== null && screen.diff.length > 0 && (
          <table className="diff">
            <caption>The review as shown</caption>
            <tbody>
              {screen.diff.map((row) => {
                const w = rowWords(row, when, diffDrugs(screen.diff ?? [], pump?.drug ?? 'baclofen'));
                return (
                  <tr key={w.label}>
                    <th scope="row">{w.label}</th>
                    <td>{w.old}</td>
                    <td className="new">{w.new}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </div>
    </section>
  );
}
