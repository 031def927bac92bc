import { type Milliseconds, msToDays, OVERDOSE_STAGES, WITHDRAWAL_STAGES } from '@itps/core';
import type { ProgrammerScreen, TrainingDebrief, TrainingRun } from '@itps/scenarios';
import { useWhen } from '../simulation/useWhen.ts';
import { ScreenReplay } from './ScreenReplay.tsx';
import { TimeChart } from './TimeChart.tsx';

const LANES = [
  ['trainee', 'You'],
  ['pump', 'Pump log'],
  ['patient', 'Patient'],
  ['truth', 'Hidden truth'],
] as const;

/**
 * The debrief as a clinical educator writes it: what happened (in clinical words and clock times,
 * beside what was really happening), what was done well, what was missed and why it matters, the
 * right plan, the trainee's programmer screen by screen on a timeline to scrub, the patient's
 * course, and only then the score and its rubric.
 */
export function DebriefView({
  debrief,
  course,
  screens,
}: {
  readonly debrief: TrainingDebrief;
  readonly course: TrainingRun['course'];
  readonly screens: readonly ProgrammerScreen[];
}) {
  const when = useWhen();
  const days = course.map((p) => msToDays(p.at as Milliseconds));
  const worstW = course.reduce((w, p) => Math.max(w, WITHDRAWAL_STAGES.indexOf(p.withdrawal)), 0);
  const worstO = course.reduce((w, p) => Math.max(w, OVERDOSE_STAGES.indexOf(p.overdose)), 0);
  const wellDone = debrief.items.filter((i) => i.passed && i.kind !== 'alarms');
  return (
    <div className="debrief" data-testid="debrief">
      <h3>Debrief: {debrief.scenario}</h3>
      <h4>What happened</h4>
      <table className="data timeline" data-testid="debrief-timeline">
        <caption>What you did, beside what was really happening</caption>
        <thead>
          <tr>
            <th>Time</th>
            {LANES.map(([lane, label]) => (
              <th key={lane}>{label}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {debrief.timeline.map((e, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: entries at the same instant may repeat; their order is fixed
            <tr key={i} className={`lane-${e.lane}`}>
              <td>{when(e.at as Milliseconds)}</td>
              {LANES.map(([lane]) => (
                <td key={lane}>{lane === e.lane ? e.text : ''}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <h4>What you did well</h4>
      {wellDone.length === 0 ? (
        <p data-testid="debrief-well">Nothing the exercise looks for was done in time.</p>
      ) : (
        <ul data-testid="debrief-well">
          {wellDone.map((i) => (
            <li key={`${i.kind}-${i.text}`}>
              {i.text}: {i.explanation}
            </li>
          ))}
        </ul>
      )}
      <h4>What was missed, and why it matters</h4>
      {debrief.missed.length === 0 ? (
        <p data-testid="debrief-missed">Nothing.</p>
      ) : (
        <ul data-testid="debrief-missed">
          {debrief.missed.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      )}
      {debrief.lesson !== null && (
        <>
          <h4>The right plan</h4>
          <p className="lesson" data-testid="debrief-lesson">
            {debrief.lesson}
          </p>
        </>
      )}
      <ScreenReplay screens={screens} />
      {course.length > 1 && (
        <TimeChart
          title="The patient's course"
          unit="score"
          days={days}
          lines={[
            { label: 'Ashworth (0-4)', color: '#6b4fa0' },
            { label: 'withdrawal stage', color: '#b3261e', stepped: true },
            { label: 'overdose stage', color: '#2f5d8a', stepped: true },
          ]}
          values={[
            course.map((p) => p.ashworth),
            course.map((p) => WITHDRAWAL_STAGES.indexOf(p.withdrawal)),
            course.map((p) => OVERDOSE_STAGES.indexOf(p.overdose)),
          ]}
          summary={`Ashworth from ${course[0]?.ashworth} to ${course[course.length - 1]?.ashworth}; worst withdrawal ${WITHDRAWAL_STAGES[worstW]}, worst overdose ${OVERDOSE_STAGES[worstO]}`}
        />
      )}
      <h4>Score</h4>
      <p className={`score ${debrief.passed ? 'pass' : 'fail'}`} data-testid="debrief-score">
        Score {debrief.scorePercent} % ({debrief.earned} of {debrief.max} points):{' '}
        {debrief.passed ? 'passed' : 'not passed'}
      </p>
      <table className="data" data-testid="debrief-rubric">
        <caption>Rubric</caption>
        <thead>
          <tr>
            <th>Judged</th>
            <th>Result</th>
            <th>Points</th>
            <th>Why</th>
          </tr>
        </thead>
        <tbody>
          {debrief.items.map((i) => (
            <tr key={`${i.kind}-${i.text}-${i.explanation}`} className={i.passed ? 'pass' : 'fail'}>
              <td>{i.text}</td>
              <td>
                {i.passed
                  ? 'met'
                  : i.kind === 'unsafe'
                    ? 'unsafe'
                    : i.kind === 'truth'
                      ? 'unsafe (what really happened)'
                      : 'missed'}
              </td>
              <td>{i.max > 0 ? `${i.points} / ${i.max}` : i.points}</td>
              <td>{i.explanation}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
