import { type ClassRow, exerciseTitle } from '@itps/scenarios';
import { useEffect, useId, useState } from 'react';
import { api, type ClassListing } from '../../classroom/instructorApi.ts';
import { hrefOf } from '../../simulation/useRoute.ts';

/** The exercises to open a class of, the classes open now and the ones before (the class console's first page). */
export function ClassList({ token, onSignedOut }: { readonly token: string; readonly onSignedOut: () => void }) {
  const [exercises, setExercises] = useState<{ file: string; name: string }[]>([]);
  const [chosen, setChosen] = useState('');
  const [listing, setListing] = useState<{ open: ClassListing[]; history: ClassRow[] } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const id = useId();
  useEffect(() => {
    const failed = (e: Error & { status?: number }) => (e.status === 401 ? onSignedOut() : setProblem(e.message));
    api<{ file: string; name: string }[]>('/api/exercises', token).then((list) => {
      setExercises(list);
      setChosen((c) => c || (list[0]?.file ?? ''));
    }, failed);
    api<{ open: ClassListing[]; history: ClassRow[] }>('/api/classes', token).then(setListing, failed);
  }, [token, onSignedOut]);
  const open = async () => {
    try {
      const created = await api<ClassListing>('/api/classes', token, { method: 'POST', body: { exercise: chosen } });
      location.hash = hrefOf('class', created.classId);
    } catch (error) {
      setProblem((error as Error).message);
    }
  };
  return (
    <div className="grid">
      <section className="panel" aria-labelledby={`${id}-open`}>
        <h2 id={`${id}-open`}>Open a class</h2>
        <label htmlFor={`${id}-exercise`}>Exercise</label>
        <select id={`${id}-exercise`} value={chosen} onChange={(e) => setChosen(e.target.value)}>
          {exercises.map((e) => (
            <option key={e.file} value={e.file}>
              {e.name}
            </option>
          ))}
        </select>
        <div className="buttons">
          <button
            type="button"
            onClick={open}
            disabled={chosen === ''}
            title={chosen === '' ? 'No exercise to choose yet' : undefined}
          >
            Open class
          </button>
        </div>
        <p className="muted">
          Trainees join with the class's code on their own tablet or laptop; each gets their own patient and pump.
        </p>
        {problem === null ? null : <p role="alert">{problem}</p>}
      </section>
      <section className="panel" aria-labelledby={`${id}-list`}>
        <h2 id={`${id}-list`}>Classes</h2>
        {listing === null ? (
          <p role="status">Loading…</p>
        ) : (
          <table className="data" data-testid="class-list">
            <thead>
              <tr>
                <th>Opened</th>
                <th>Exercise</th>
                <th>State</th>
              </tr>
            </thead>
            <tbody>
              {listing.history.map((c) => {
                const live = listing.open.find((o) => o.classId === c.id);
                return (
                  <tr key={c.id}>
                    <td>{new Date(c.createdAt).toLocaleString()}</td>
                    <td>
                      {exerciseTitle(c.exerciseName)}
                      {c.library === null || c.library === undefined ? null : (
                        <span className="muted"> (library version {c.library.version})</span>
                      )}
                    </td>
                    <td>
                      {live !== undefined ? (
                        <a href={hrefOf('class', c.id)}>open, code {live.code}</a>
                      ) : c.endedAt === null ? (
                        'closed (server restarted or code expired)'
                      ) : (
                        <a href={hrefOf('records', `class:${c.id}`)}>ended: records</a>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
