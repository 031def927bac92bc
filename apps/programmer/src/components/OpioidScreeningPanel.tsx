import { judgeStartingDose, type Milliseconds, MS_PER_DAY, MS_PER_HOUR, timeOfDayAt } from '@itps/core';
import { useId, useState } from 'react';
import { parseDecimal } from '../format/parseDecimal.ts';
import { useTraining } from '../simulation/useTraining.ts';
import { useWhen } from '../simulation/useWhen.ts';
import { useBedsideView, useDoor, useTraineeSelector } from '../simulation/WorldProvider.tsx';

/** The single intrathecal trial doses of morphine offered (mcg): 0.5 and 1 mg. */
const TRIAL_DOSES = [500, 1000] as const;

const AWAKE: Readonly<Record<string, string>> = {
  alert: 'alert',
  drowsy: 'drowsy',
  hardToRouse: 'hard to rouse',
  rousesToPainOnly: 'rouses only to pain',
  unresponsive: 'unresponsive',
};

/**
 * The opioid screening trial at the bedside, before a pain pump: one intrathecal dose of morphine by
 * lumbar puncture, examinations written down (pain as the patient scores it, how awake, breaths a
 * minute, pupils), the ward's time through the 24-hour watch, and the decision with the pump's
 * starting daily dose. Shown only in a screening exercise with a patient treated for pain; it shows
 * what an examination finds, never a drug level or a stage.
 */
export function OpioidScreeningPanel() {
  const training = useTraining();
  const door = useDoor();
  const when = useWhen();
  const { pain, patient } = useBedsideView();
  const now = useTraineeSelector((v) => v.now);
  const timeOfDayAtStart = useTraineeSelector((v) => v.timeOfDayAtStart);
  const [dose, setDose] = useState<number>(500);
  const [start, setStart] = useState('');
  const [confirmedStart, setConfirmedStart] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const ids = { dose: useId(), start: useId() };
  const record = training.record;
  if (
    training.exercise?.phase !== 'screening' ||
    record === null ||
    record.debrief !== null ||
    pain === undefined ||
    patient !== null
  )
    return null;
  const doses = record.trainee.filter((a) => a.type === 'clinical.testDose');
  const exams = record.trainee.filter((a) => a.type === 'clinical.examine');
  const decided = record.trainee.some(
    (a) => a.type === 'clinical.recommendImplant' || a.type === 'clinical.notCandidate',
  );
  const sinceMidnight = timeOfDayAt(now as Milliseconds, timeOfDayAtStart);
  const nextMorning = now - sinceMidnight + MS_PER_DAY + 8 * MS_PER_HOUR;
  const wait = (to: number) => void door.apply({ type: 'time.advance', to: to as Milliseconds });
  const parsedStart = parseDecimal('The starting daily dose', start, { min: 0.01, max: 20, unit: 'mg/day' });
  const startProblem =
    start.trim() === '' ? 'Enter the starting daily dose first.' : parsedStart.ok ? null : parsedStart.message;
  // the one gate's word on the recommendation: the start against the trial doses given and the limits
  const findings = parsedStart.ok
    ? judgeStartingDose({
        drug: 'morphine',
        testDosesMcg: doses.map((d) => Number.parseFloat(d.detail ?? '0')),
        startMcgPerDay: parsedStart.value * 1000,
      })
    : [];
  const refused = findings.find((f) => f.severity === 'hard');
  const toConfirm = findings.find((f) => f.severity === 'confirm');
  const blocked =
    startProblem ??
    refused?.message ??
    (toConfirm !== undefined && confirmedStart !== start ? toConfirm.message : null);
  return (
    <section className="panel screening" aria-labelledby="opioid-screening-title">
      <h2 id="opioid-screening-title">Intrathecal morphine trial</h2>
      <p className="muted">
        No pump is implanted yet. One dose of morphine by lumbar puncture, then a 24-hour watch: breathing can slow up
        to a day after the dose.
      </p>
      <fieldset>
        <legend>Trial dose by lumbar puncture</legend>
        <label htmlFor={ids.dose}>Dose</label>{' '}
        <select id={ids.dose} value={dose} onChange={(e) => setDose(Number(e.target.value))}>
          {TRIAL_DOSES.map((d) => (
            <option key={d} value={d}>
              {d / 1000} mg
            </option>
          ))}
        </select>{' '}
        <button
          type="button"
          onClick={async () => {
            const result = await door.apply({ type: 'patient.testDose', doseMcg: dose, drug: 'morphine' });
            setProblem(result.ok ? null : result.refusal.message);
          }}
        >
          Give {dose / 1000} mg of morphine now
        </button>
        {problem === null ? null : (
          <p role="alert" className="error">
            {problem}
          </p>
        )}
        <ul data-testid="opioid-trial-doses">
          {doses.length === 0 ? <li>No trial dose given yet.</li> : null}
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
              `pain ${pain.painScore} of 10; ${AWAKE[pain.sedationLevel] ?? pain.sedationLevel}; ${pain.respiratoryRatePerMin} breaths/min; pupils ${pain.pupils}${pain.signs.length === 0 ? '' : `; ${pain.signs.join(', ')}`}`,
            )
          }
        >
          Examine now
        </button>
        <table className="data" data-testid="opioid-trial-exams">
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
            <button type="button" className="secondary" onClick={() => wait(now + MS_PER_HOUR)}>
              Wait 1 hour
            </button>
            <button type="button" className="secondary" onClick={() => wait(now + 4 * MS_PER_HOUR)}>
              Wait 4 hours
            </button>
            <button type="button" className="secondary" onClick={() => wait(nextMorning)}>
              Wait until 08:00 tomorrow
            </button>
          </div>
        ) : (
          <p className="muted">In a class the instructor's clock runs the ward's time.</p>
        )}
      </fieldset>
      <fieldset>
        <legend>Decision</legend>
        {decided ? (
          <p data-testid="opioid-trial-decision">Decision recorded. Finish the exercise for the debrief.</p>
        ) : (
          <>
            <label htmlFor={ids.start}>Pump to start at (mg/day)</label>{' '}
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
                onClick={() =>
                  parsedStart.ok && training.act('clinical.recommendImplant', `${parsedStart.value} mg/day`)
                }
              >
                Recommend a pump implant
              </button>
              <button type="button" className="secondary" onClick={() => training.act('clinical.notCandidate')}>
                Not a candidate for a pump
              </button>
            </div>
            <p id={`${ids.start}-why`} className="muted" data-testid="opioid-trial-why">
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
