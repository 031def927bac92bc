import { useCallback, useEffect, useId, useState } from 'react';
import type { ExerciseLibrary, LibraryFilter, LibraryListing } from '../../authoring/exerciseLibrary.ts';
import { topicWords } from '../../authoring/exerciseWords.ts';
import { ConfirmButton } from '../ConfirmButton.tsx';
import { LibrarySearch } from './LibrarySearch.tsx';

/** The library: search by words, topic and difficulty; open, duplicate, retire. */
export function LibraryBrowser({
  library,
  onOpen,
}: {
  readonly library: ExerciseLibrary;
  readonly onOpen: (id: string) => void;
}) {
  const [filter, setFilter] = useState<LibraryFilter>({ q: '', topic: '', difficulty: '', retired: false });
  const [list, setList] = useState<readonly LibraryListing[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const id = useId();
  const load = useCallback(
    () => library.list(filter).then(setList, (e: Error) => setProblem(e.message)),
    [library, filter],
  );
  useEffect(() => {
    void load();
  }, [load]);
  const act = (call: Promise<unknown>) => call.then(load, (e: Error) => setProblem(e.message));
  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>
        Your library{' '}
        <span className="muted">
          ({library.where === 'server' ? 'kept by the class server' : 'kept in this browser'})
        </span>
      </h2>
      <LibrarySearch filter={filter} onChange={setFilter} />
      {problem === null ? null : <p role="alert">{problem}</p>}
      {list === null ? (
        <p role="status">Loading the library…</p>
      ) : list.length === 0 ? (
        <p data-testid="library-empty">No exercise here yet: start from a shipped one or import a YAML file.</p>
      ) : (
        <table className="data" data-testid="library-table">
          <thead>
            <tr>
              <th>Exercise</th>
              <th>Topic</th>
              <th>Difficulty</th>
              <th>Version</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {list.map((e) => (
              <tr key={e.id} className={e.retired ? 'retired' : undefined}>
                <td>
                  {e.name}
                  {e.retired ? <span className="muted"> (retired)</span> : null}
                </td>
                <td>{e.topics.map((t) => topicWords(t)).join(', ') || '—'}</td>
                <td>{e.difficulty ?? '—'}</td>
                <td>v{e.version}</td>
                <td>
                  <div className="row-actions">
                    <button type="button" onClick={() => onOpen(e.id)} aria-label={`Open ${e.name}`}>
                      Open
                    </button>
                    <button
                      type="button"
                      className="secondary"
                      onClick={() => act(library.duplicate(e.id))}
                      aria-label={`Duplicate ${e.name}`}
                    >
                      Duplicate
                    </button>
                    {e.retired ? null : (
                      <ConfirmButton
                        label="Retire"
                        className="secondary"
                        question={`Retire "${e.name}"? It leaves the list; its versions and the records that name them are kept.`}
                        confirmLabel="Yes, retire it"
                        onConfirm={() => act(library.retire(e.id))}
                      />
                    )}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
