import { judgeStartingDose, type Milliseconds, MS_PER_DAY, MS_PER_HOUR, timeOfDayAt } from '@itps/core';
import { useId, useState } from 'react';
import { parseDecimal } from '../format/parseDecimal.ts';
import { useTraining } from '../simulation/useTraining.ts';
import { useWhen } from '../simulation/useWhen.ts';
import { useBedsideView, useDoor, useTraineeSelector } from '../simulation/WorldProvider.tsx';

/** The protocol's test doses by lumbar puncture (mcg). */
const TEST_DOSES = [50, 75, 100] as const;

/**
 * The screening trial at the bedside, before any pump: a test dose by lumbar puncture, an
 * examination whose findings are written down (tone as the Modified Ashworth grade, and what the
 * clinician notices), waiting as the ward waits, and the decision with the pump's starting dose.
 * Shown only in a screening exercise; it shows what an examination finds, never a drug level.
 */
export function ScreeningPanel() {
  const training = useTraining();
  const door = useDoor();
  const when = useWhen();
  const { patient } = useBedsideView();
  const now = useTraineeSelector((v) => v.now);
  const timeOfDayAtStart = useTraineeSelector((v) => v.timeOfDayAtStart);
  const [dose, setDose] = useState<number>(50);
  const [start, setStart] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [confirmedStart, setConfirmedStart] = useState<string | null>(null);
  const ids = { dose: useId(), start: useId() };
  const record = training.record;
  if (training.exercise?.phase !== 'screening' || record === null || record.debrief !== null || patient === null)
    return null;
  const doses = record.trainee.filter((a) => a.type === 'clinical.testDose');
  const exams = record.trainee.filter((a) => a.type === 'clinical.examine');
  const decided = record.trainee.some(
    (a) => a.type === 'clinical.recommendImplant' || a.type === 'clinical.notCandidate',
  );
  // the next 08:00 on the ward clock, when the next test dose is due
  const sinceMidnight = timeOfDayAt(now as Milliseconds, timeOfDayAtStart);
  const nextMorning = now - sinceMidnight + MS_PER_DAY + 8 * MS_PER_HOUR;
  const wait = (to: number) => void door.apply({ type: 'time.advance', to: to as Milliseconds });
  const parsedStart = parseDecimal('The starting daily dose', start, { min: 1, max: 2000, unit: 'mcg/day' });
  const startProblem =
    start.trim() === '' ? 'Enter the starting daily dose first.' : parsedStart.ok ? null : parsedStart.message;
  const startDose = parsedStart.ok ? parsedStart.value : null;
  // the one gate's word on the recommendation: the start against the test doses given and the limits
  const findings =
    startDose === null
      ? []
      : judgeStartingDose({
          testDosesMcg: doses.map((d) => Number.parseFloat(d.detail ?? '0')),
          startMcgPerDay: startDose,
        });
  const refused = findings.find((f) => f.severity === 'hard');
  const toConfirm = findings.find((f) => f.severity === 'confirm');
  const blocked =
    startProblem ??
    refused?.message ??
    (toConfirm !== undefined && confirmedStart !== start ? toConfirm.message : null);
  return (
    <section className="panel screening" aria-labelledby="screening-title">
      <h2 id="screening-title">Screening trial</h2>
      <p className="muted">No pump is implanted yet. The test doses are given by lumbar puncture on the ward.</p>
      <fieldset>
        <legend>Test dose by lumbar puncture</legend>
        <label htmlFor={ids.dose}>Dose</label>{' '}
        <select id={ids.dose} value={dose} onChange={(e) => setDose(Number(e.target.value))}>
          {TEST_DOSES.map((d) => (
            <option key={d} value={d}>
              {d} mcg
            </option>
          ))}
        </select>{' '}
        <button
          type="button"
          onClick={async () => {
            const result = await door.apply({ type: 'patient.testDose', doseMcg: dose });
            setProblem(result.ok ? null : result.refusal.message);
          }}
        >
          Give {dose} mcg now
        </button>
        {problem === null ? null : (
          <p role="alert" className="error">
            {problem}
          </p>
        )}
        <ul data-testid="screening-doses">
          {doses.length === 0 ? <li>No test dose given yet.</li> : null}
          {doses.map((d) => (
            <li key={d.at}>
              {d.detail} at {when(d.at as Milliseconds)}
            </li>
          ))}
        </ul>
      </fieldset>
      <fieldset>
        <legend>Examination</legend>
        <button
          type="button"
          onClick={() =>
            training.act(
              'clinical.examine',
              `Ashworth ${patient.ashworthGrade}; ${patient.signs.length === 0 ? 'nothing unusual' : patient.signs.join(', ')}`,
            )
          }
        >
          Examine now
        </button>
        <table className="data" data-testid="screening-exams">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Finding</th>
            </tr>
          </thead>
          <tbody>
            {exams.length === 0 ? (
              <tr>
                <td colSpan={2}>Not examined yet.</td>
              </tr>
            ) : null}
            {exams.map((e) => (
              <tr key={e.at}>
                <td>{when(e.at as Milliseconds)}</td>
                <td>{e.detail}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </fieldset>
      <fieldset>
        <legend>Time on the ward (now {when(now as Milliseconds)})</legend>
        {door.classroom === null ? (
          <div className="buttons">
            <button type="button" className="secondary" onClick={() => wait(now + 2 * MS_PER_HOUR)}>
              Wait 2 hours
            </button>
            <button type="button" className="secondary" onClick={() => wait(nextMorning)}>
              Wait until 08:00 tomorrow
            </button>
          </div>
        ) : (
          <p className="muted" data-testid="ward-clock-class">
            In a class the instructor's clock runs the ward's time: the next dose is due at 08:00 tomorrow.
          </p>
        )}
      </fieldset>
      <fieldset>
        <legend>Decision</legend>
        {decided ? (
          <p data-testid="screening-decision">Decision recorded. Finish the exercise for the debrief.</p>
        ) : (
          <>
            <label htmlFor={ids.start}>Pump to start at (mcg/day)</label>{' '}
            <input
              id={ids.start}
              inputMode="decimal"
              value={start}
              onChange={(e) => setStart(e.target.value)}
              aria-describedby={`${ids.start}-why`}
            />
            <div className="buttons">
              <button
                type="button"
                disabled={blocked !== null}
                onClick={() => training.act('clinical.recommendImplant', `${startDose} mcg/day`)}
              >
                Recommend a pump implant
              </button>
              <button type="button" className="secondary" onClick={() => training.act('clinical.notCandidate')}>
                Not a candidate for a pump
              </button>
            </div>
            <p id={`${ids.start}-why`} className="muted" data-testid="screening-why">
              {blocked ?? 'Ready to record.'}
            </p>
            {toConfirm !== undefined && refused === undefined && confirmedStart !== start && (
              <div className="buttons">
                <button type="button" onClick={() => setConfirmedStart(start)}>
                  Confirm this starting dose
                </button>
              </div>
            )}
          </>
        )}
      </fieldset>
    </section>
  );
}
