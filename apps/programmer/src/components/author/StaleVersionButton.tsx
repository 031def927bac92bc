import type { ExerciseLibrary } from '../../authoring/exerciseLibrary.ts';
import { docFromYaml } from '../../authoring/exerciseYaml.ts';
import type { ExerciseDraft } from '../../authoring/useExerciseDraft.ts';
import { ConfirmButton } from '../ConfirmButton.tsx';

/**
 * After a save refused as stale (another window saved a newer version): opens the latest version in
 * the editor, asked first, since the changes made here are lost.
 */
export function StaleVersionButton({
  draft,
  libraryId,
  library,
  onNote,
}: {
  readonly draft: ExerciseDraft;
  readonly libraryId: string;
  readonly library: ExerciseLibrary;
  readonly onNote: (note: { text: string; bad: boolean }) => void;
}) {
  const openLatest = async () => {
    try {
      const { latest } = await library.get(libraryId);
      const read = docFromYaml(latest.yaml, libraryId);
      if (!read.ok) return onNote({ text: read.message, bad: true });
      draft.open(read.doc, { libraryId, version: latest.version, yaml: latest.yaml });
      onNote({ text: `Version ${latest.version} opened.`, bad: false });
    } catch (error) {
      onNote({ text: (error as Error).message, bad: true });
    }
  };
  return (
    <ConfirmButton
      label="Open the latest version"
      className="secondary"
      question="Open the latest version? Your changes here are lost; make them again on it."
      confirmLabel="Yes, open the latest"
      onConfirm={() => void openLatest()}
    />
  );
}
