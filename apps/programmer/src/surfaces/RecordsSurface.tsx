import type { Milliseconds } from '@itps/core';
import {
  createScenarioWorld,
  exerciseTitle,
  parseScenario,
  type RecordSummary,
  type StoredRecord,
  type TrainingRecord,
} from '@itps/scenarios';
import { useEffect, useMemo, useState } from 'react';
import { traineeKey } from '../classroom/classSeat.ts';
import { api, downloadFrom, instructorToken, setInstructorToken } from '../classroom/instructorApi.ts';
import { SignIn } from '../components/classroom/SignIn.tsx';
import { DebriefView } from '../components/DebriefView.tsx';
import { hrefOf, useRouteParam } from '../simulation/useRoute.ts';
import { type ClockOrigin, ClockOriginContext } from '../simulation/useWhen.ts';

/**
 * The records kept by the classroom server: every finished exercise for the instructor (or one
 * class's), a trainee's own on the device they trained on; each opens its debrief with the
 * programmer's replay; the list exports as CSV and as xAPI statements.
 */
export function RecordsSurface() {
  const param = useRouteParam();
  const [token, setToken] = useState(instructorToken);
  const key = token ?? traineeKey();
  const [asInstructor, setAsInstructor] = useState(false);
  return (
    <main className="surface records">
      <header className="class-header">
        <h1>Training records</h1>
        <nav className="surface-nav" aria-label="Record pages">
          <a href={hrefOf('records')}>All records</a>
          {token === null ? null : <a href={hrefOf('class')}>Classes</a>}
          {token === null ? null : <a href={hrefOf('author')}>Exercises</a>}
          <a href={hrefOf('home')}>Home</a>
        </nav>
      </header>
      {key === null || asInstructor ? (
        <>
          {asInstructor ? null : (
            <p>A trainee's records open on the device they trained on. Instructors sign in to see every record.</p>
          )}
          <SignIn
            onSignedIn={(t) => {
              setInstructorToken(t);
              setToken(t);
              setAsInstructor(false);
            }}
          />
        </>
      ) : param === '' || param.startsWith('class:') ? (
        <RecordList
          keyToken={key}
          classId={param.startsWith('class:') ? param.slice(6) : null}
          instructor={token !== null}
        />
      ) : (
        <OneRecord keyToken={key} id={param} />
      )}
      {token === null && key !== null && !asInstructor ? (
        <p className="muted">
          Instructor?{' '}
          <button type="button" className="link" onClick={() => setAsInstructor(true)}>
            Sign in to see every record
          </button>
        </p>
      ) : null}
    </main>
  );
}

/**
 * Which version of the exercise a record was made with: the library's version number for an
 * exercise written in the editor, the shipped file's fingerprint otherwise.
 */
const versionWords = (r: RecordSummary): string =>
  r.library === null || r.library === undefined
    ? `shipped exercise, version ${r.exerciseVersion}`
    : `library exercise, version ${r.library.version}`;

/** What the records export as: CSV for a spreadsheet, xAPI statements for a learning record store. */
const EXPORTS = [
  { label: 'Export CSV', path: '/api/records.csv', file: 'itps-records.csv' },
  { label: 'Export xAPI statements (JSON)', path: '/api/records.xapi.json', file: 'itps-records.xapi.json' },
] as const;

function RecordList({
  keyToken,
  classId,
  instructor,
}: {
  readonly keyToken: string;
  readonly classId: string | null;
  readonly instructor: boolean;
}) {
  const [records, setRecords] = useState<readonly RecordSummary[] | null>(null);
  const [whose, setWhose] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const query = classId === null ? '' : `?classId=${encodeURIComponent(classId)}`;
  useEffect(() => {
    api<{ name: string | null; records: RecordSummary[] }>(`/api/records${query}`, keyToken).then(
      (r) => {
        setRecords(r.records);
        setWhose(r.name);
      },
      (e: Error) => setProblem(e.message),
    );
  }, [keyToken, query]);
  if (problem !== null) return <p role="alert">{problem}</p>;
  if (records === null) return <p role="status">Loading the records…</p>;
  const save = (path: string, file: string) =>
    downloadFrom(`${path}${query}`, keyToken, file).catch((e: Error) => setProblem(e.message));
  return (
    <section className="panel" aria-labelledby="records-title">
      <h2 id="records-title">
        {instructor ? (classId === null ? 'Every finished exercise' : 'This class') : `${whose ?? 'Your'} records`}
      </h2>
      {records.length === 0 ? (
        <p data-testid="no-records">No finished exercise yet.</p>
      ) : (
        <table className="data" data-testid="records-table">
          <thead>
            <tr>
              <th>Finished</th>
              {instructor ? <th>Trainee</th> : null}
              <th>Exercise</th>
              <th>Score</th>
              <th>Result</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {records.map((r) => (
              <tr key={r.id}>
                <td>{new Date(r.finishedAt).toLocaleString()}</td>
                {instructor ? <td>{r.traineeName}</td> : null}
                <td>
                  {exerciseTitle(r.exerciseName)} <span className="muted">{versionWords(r)}</span>
                </td>
                <td>{r.scorePercent} %</td>
                <td>{r.passed ? 'passed' : 'not passed'}</td>
                <td>
                  <a href={hrefOf('records', r.id)}>Debrief</a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="buttons">
        {EXPORTS.map(({ label, path, file }) => (
          <button
            key={path}
            type="button"
            className="secondary"
            disabled={records.length === 0}
            title={records.length === 0 ? 'No record to export yet' : undefined}
            onClick={() => save(path, file)}
          >
            {label}
          </button>
        ))}
      </div>
      <p className="muted">xAPI statements go to a learning record store or an LMS as they are.</p>
    </section>
  );
}

/** The clock the exercise's world ran by, from its own scenario file. */
function clockOf(record: TrainingRecord): ClockOrigin {
  const parsed = parseScenario(record.source.text, record.source.file);
  if (!parsed.ok) return { startsAt: null, timeOfDayAtStart: 0 as Milliseconds };
  const state = createScenarioWorld(parsed.scenario, record.seed).state();
  return { startsAt: state.startsAt, timeOfDayAtStart: state.pump.timeOfDayAtStart };
}

function OneRecord({ keyToken, id }: { readonly keyToken: string; readonly id: string }) {
  const [stored, setStored] = useState<StoredRecord | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    api<StoredRecord>(`/api/records/${encodeURIComponent(id)}`, keyToken).then(setStored, (e: Error) =>
      setProblem(e.message),
    );
  }, [keyToken, id]);
  const clock = useMemo(() => (stored === null ? null : clockOf(stored.record)), [stored]);
  if (problem !== null)
    return (
      <p role="alert" data-testid="record-problem">
        {problem}
      </p>
    );
  if (stored === null || clock === null) return <p role="status">Loading the record…</p>;
  return (
    <ClockOriginContext.Provider value={clock}>
      <section className="panel" aria-labelledby="record-title" data-testid="record">
        <h2 id="record-title">
          {stored.traineeName}: {exerciseTitle(stored.exerciseName)}
        </h2>
        <p className="muted">
          Finished {new Date(stored.finishedAt).toLocaleString()}; {versionWords(stored)}.
        </p>
        <DebriefView debrief={stored.debrief} course={stored.record.course} screens={stored.record.screens ?? []} />
      </section>
    </ClockOriginContext.Provider>
  );
}
