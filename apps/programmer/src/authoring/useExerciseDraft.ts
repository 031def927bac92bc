import { useCallback, useEffect, useState } from 'react';
import { type FieldPath, setAt } from './draftPath.ts';

/** Where the exercise being edited came from: a library exercise's version, or nowhere yet (a template, a file). */
export interface DraftOrigin {
  readonly libraryId: string;
  readonly version: number;
  /** The YAML of that version, to tell an unsaved change. */
  readonly yaml: string;
}

/** The exercise being edited and where it came from, kept in this tab across a reload. */
export interface ExerciseDraft {
  readonly doc: Readonly<Record<string, unknown>> | null;
  readonly origin: DraftOrigin | null;
  /** Opens a document (from a template, the library, a file). */
  open(doc: Record<string, unknown>, origin: DraftOrigin | null): void;
  set(path: FieldPath, value: unknown): void;
  close(): void;
}

const KEY = 'itps.author.draft.v1';

function restored(): { doc: Record<string, unknown> | null; origin: DraftOrigin | null } {
  try {
    const raw = sessionStorage.getItem(KEY);
    if (raw !== null) return JSON.parse(raw) as { doc: Record<string, unknown>; origin: DraftOrigin | null };
  } catch {
    // an unreadable draft is forgotten
  }
  return { doc: null, origin: null };
}

/** The editor's state: one exercise document, edited field by field. */
export function useExerciseDraft(): ExerciseDraft {
  const [state, setState] = useState(restored);
  useEffect(() => {
    if (state.doc === null) sessionStorage.removeItem(KEY);
    else sessionStorage.setItem(KEY, JSON.stringify(state));
  }, [state]);
  const open = useCallback((doc: Record<string, unknown>, origin: DraftOrigin | null) => setState({ doc, origin }), []);
  const set = useCallback(
    (path: FieldPath, value: unknown) =>
      setState((s) => (s.doc === null ? s : { ...s, doc: setAt(s.doc, path, value) })),
    [],
  );
  const close = useCallback(() => setState({ doc: null, origin: null }), []);
  return { doc: state.doc, origin: state.origin, open, set, close };
}
