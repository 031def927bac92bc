import { createContext, useContext } from 'react';
import type { FieldPath } from '../../authoring/draftPath.ts';
import type { FieldProblem } from '../../authoring/exerciseChecks.ts';

/** The exercise being edited, as its fields see it. */
export interface Draft {
  /** The exercise as plain data, as its YAML file holds it. */
  readonly doc: Readonly<Record<string, unknown>>;
  /** Sets the value at a path (undefined removes it). */
  readonly set: (path: FieldPath, value: unknown) => void;
  /** The problems found at exactly this path. */
  readonly problemsAt: (path: FieldPath) => readonly FieldProblem[];
  /** The time of day the exercise starts at (ms after midnight), for days and clock times. */
  readonly timeOfDayAtStart: number;
}

export const DraftContext = createContext<Draft | null>(null);

/** The exercise being edited; only inside the editor. */
export function useDraft(): Draft {
  const draft = useContext(DraftContext);
  if (draft === null) throw new Error('useDraft: outside the exercise editor');
  return draft;
}
