import { useState } from 'react';
import { downloadText } from '../../authoring/downloadText.ts';
import { type FieldProblem, saveRefusal } from '../../authoring/exerciseChecks.ts';
import { type ExerciseLibrary, LibraryRefusal } from '../../authoring/exerciseLibrary.ts';
import { docFromYaml, yamlFileName, yamlOfDoc } from '../../authoring/exerciseYaml.ts';
import type { ExerciseDraft } from '../../authoring/useExerciseDraft.ts';
import { api } from '../../classroom/instructorApi.ts';
import { hrefOf } from '../../simulation/useRoute.ts';
import { ConfirmButton } from '../ConfirmButton.tsx';
import { StaleVersionButton } from './StaleVersionButton.tsx';

/**
 * The editor's bar: the exercise's title and version, Save (refused with the reason while an error
 * remains), Export YAML, Open as class (a saved version, with a classroom server), Close.
 */
export function EditorToolbar({
  title,
  draft,
  doc,
  problems,
  checking,
  library,
  token,
}: {
  readonly title: string;
  readonly draft: ExerciseDraft;
  readonly doc: Readonly<Record<string, unknown>>;
  readonly problems: readonly FieldProblem[];
  readonly checking: boolean;
  readonly library: ExerciseLibrary;
  readonly token: string | null;
}) {
  const [note, setNote] = useState<{ text: string; bad: boolean; stale?: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const { origin } = draft;
  const yaml = yamlOfDoc(doc);
  const unsaved = origin === null || yaml !== origin.yaml;
  const refusal = checking ? 'Wait a moment: the exercise is still being checked.' : saveRefusal(problems);
  const save = async () => {
    if (refusal !== null || yaml === null)
      return setNote({ text: refusal ?? 'Not saved: the exercise is not complete.', bad: true });
    setBusy(true);
    try {
      const saved =
        origin === null
          ? await library.create(yaml)
          : { id: origin.libraryId, ...(await library.update(origin.libraryId, yaml, origin.version)) };
      const reread = docFromYaml(yaml, 'saved');
      if (reread.ok) draft.open(reread.doc, { libraryId: saved.id, version: saved.version, yaml });
      setNote({ text: `Saved as version ${saved.version}.`, bad: false });
    } catch (error) {
      setNote({
        text: `Not saved: ${(error as Error).message}`,
        bad: true,
        stale: error instanceof LibraryRefusal && error.stale,
      });
    } finally {
      setBusy(false);
    }
  };
  const exportYaml = () => {
    if (yaml === null)
      return setNote({ text: `Not exported: ${saveRefusal(problems) ?? 'the exercise is not complete.'}`, bad: true });
    downloadText(yaml, yamlFileName(doc), 'application/yaml');
  };
  const close = () => {
    draft.close();
    location.hash = hrefOf('author');
  };
  const openClass = async () => {
    if (token === null || origin === null) return;
    setBusy(true);
    try {
      const created = await api<{ classId: string }>('/api/classes', token, {
        method: 'POST',
        body: { libraryId: origin.libraryId, version: origin.version },
      });
      location.hash = hrefOf('class', created.classId);
    } catch (error) {
      setNote({ text: `No class opened: ${(error as Error).message}`, bad: true });
      setBusy(false);
    }
  };
  return (
    <header className="panel author-bar">
      <div>
        <h2 data-testid="author-title">{title}</h2>
        <p className="muted" data-testid="author-version">
          {origin === null
            ? 'Not saved yet'
            : `Version ${origin.version} in ${library.where === 'server' ? "the class server's library" : "this browser's library"}${unsaved ? ', with changes not saved' : ''}`}
        </p>
      </div>
      <div className="buttons">
        <button type="button" onClick={save} disabled={busy} aria-describedby="save-why">
          {origin === null ? 'Save to the library' : 'Save as a new version'}
        </button>
        <button type="button" className="secondary" onClick={exportYaml}>
          Export YAML
        </button>
        {token === null ? null : (
          <button
            type="button"
            className="secondary"
            onClick={openClass}
            disabled={busy || origin === null || unsaved}
            title={origin === null || unsaved ? 'Save first: a class runs a saved version' : undefined}
          >
            Open as class
          </button>
        )}
        {unsaved ? (
          <ConfirmButton
            label="Close"
            className="secondary"
            question="Close without saving? The changes since the last save are lost."
            confirmLabel="Yes, close"
            onConfirm={close}
          />
        ) : (
          <button type="button" className="secondary" onClick={close}>
            Close
          </button>
        )}
      </div>
      <p id="save-why" role="status" className={note?.bad ? 'error' : 'ok'} data-testid="save-note">
        {note?.text ?? ''}
      </p>
      {note?.stale && origin !== null ? (
        <StaleVersionButton draft={draft} libraryId={origin.libraryId} library={library} onNote={setNote} />
      ) : null}
    </header>
  );
}
