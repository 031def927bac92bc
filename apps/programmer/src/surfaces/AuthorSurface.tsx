import { useMemo, useState } from 'react';
import { browserLibrary } from '../authoring/browserLibrary.ts';
import { EDITOR_STEPS, type EditorStep } from '../authoring/editorSteps.ts';
import type { ExerciseLibrary } from '../authoring/exerciseLibrary.ts';
import { copyOfExercise, exerciseMetaOf } from '../authoring/exerciseMetaOf.ts';
import { docFromYaml } from '../authoring/exerciseYaml.ts';
import { serverLibrary } from '../authoring/serverLibrary.ts';
import { useClassroomServer } from '../authoring/useClassroomServer.ts';
import { useExerciseDraft } from '../authoring/useExerciseDraft.ts';
import { instructorToken, setInstructorToken, signOutInstructor } from '../classroom/instructorApi.ts';
import { ExerciseEditor } from '../components/author/ExerciseEditor.tsx';
import { ImportExercise } from '../components/author/ImportExercise.tsx';
import { LibraryBrowser } from '../components/author/LibraryBrowser.tsx';
import { TemplateList } from '../components/author/TemplateList.tsx';
import { SignIn } from '../components/classroom/SignIn.tsx';
import { hrefOf, useRouteParam } from '../simulation/useRoute.ts';

/**
 * The exercise editor's address (`#/author`, a step at `#/author/STEP`): with a classroom server,
 * behind the instructor's passphrase and saving to the server's library; practising alone, saving
 * to this browser's library.
 */
export function AuthorSurface() {
  const where = useClassroomServer();
  const [token, setToken] = useState(instructorToken);
  const library = useMemo<ExerciseLibrary | null>(
    () =>
      where === 'solo'
        ? browserLibrary(exerciseMetaOf, copyOfExercise)
        : where === 'server' && token !== null
          ? serverLibrary(token)
          : null,
    [where, token],
  );
  return (
    <main className="surface author">
      <header className="class-header">
        <h1>ITPS exercise editor</h1>
        <nav className="surface-nav" aria-label="Editor pages">
          <a href={hrefOf('author')}>Library and templates</a>
          {where === 'server' ? <a href={hrefOf('class')}>Classes</a> : null}
          {where === 'server' ? <a href={hrefOf('records')}>Records</a> : null}
          <a href={hrefOf('home')}>Home</a>
          {where === 'server' && token !== null ? (
            <button
              type="button"
              className="secondary"
              onClick={() => {
                void signOutInstructor();
                setToken(null);
              }}
            >
              Sign out
            </button>
          ) : null}
        </nav>
      </header>
      {where === 'asking' ? (
        <p role="status">Looking for a classroom server…</p>
      ) : where === 'server' && token === null ? (
        <SignIn
          onSignedIn={(t) => {
            setInstructorToken(t);
            setToken(t);
          }}
        />
      ) : library === null ? null : (
        <Workbench library={library} token={where === 'server' ? token : null} />
      )}
    </main>
  );
}

/** The start page (library, templates, import) at `#/author`, the editor at `#/author/STEP`. */
function Workbench({ library, token }: { readonly library: ExerciseLibrary; readonly token: string | null }) {
  const param = useRouteParam();
  const draft = useExerciseDraft();
  const [problem, setProblem] = useState<string | null>(null);
  const step = EDITOR_STEPS.find((s) => s.id === param)?.id as EditorStep | undefined;
  const edit = (doc: Record<string, unknown>, origin: Parameters<typeof draft.open>[1]) => {
    draft.open(doc, origin);
    location.hash = hrefOf('author', 'brief');
  };
  const openFromLibrary = async (id: string) => {
    try {
      const exercise = await library.get(id);
      const read = docFromYaml(exercise.latest.yaml, id);
      if (!read.ok) return setProblem(read.message);
      edit(read.doc, { libraryId: id, version: exercise.latest.version, yaml: exercise.latest.yaml });
    } catch (error) {
      setProblem((error as Error).message);
    }
  };
  if (step !== undefined && draft.doc !== null)
    return <ExerciseEditor draft={draft} doc={draft.doc} step={step} library={library} token={token} />;
  return (
    <div className="author-start">
      {library.where === 'browser' ? (
        <p className="muted solo-note">
          Practising alone: your exercises are kept in this browser only. Export them as YAML files to keep or share
          them.
        </p>
      ) : null}
      {draft.doc !== null ? (
        <p>
          <a href={hrefOf('author', 'brief')}>Go back to the exercise you were editing</a>
        </p>
      ) : null}
      {problem === null ? null : <p role="alert">{problem}</p>}
      <LibraryBrowser library={library} onOpen={openFromLibrary} />
      <TemplateList onUse={(doc) => edit(doc, null)} />
      <ImportExercise onImport={(doc) => edit(doc, null)} />
    </div>
  );
}
