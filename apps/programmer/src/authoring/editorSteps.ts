import { keysOf } from './draftPath.ts';

/** The editor's steps, in order, each at `#/author/STEP`. */
export const EDITOR_STEPS = [
  { id: 'brief', title: 'Brief' },
  { id: 'patient', title: 'Patient' },
  { id: 'pump', title: 'Pump' },
  { id: 'timeline', title: 'What happens and when' },
  { id: 'objectives', title: 'Objectives and rubric' },
] as const;

/** One step of the editor. */
export type EditorStep = (typeof EDITOR_STEPS)[number]['id'];

/** The step whose page holds the field at a path (the brief for what belongs to no step). */
export function stepOf(path: string): EditorStep {
  const [first = '', second = ''] = keysOf(path);
  if (first === 'pump') return 'pump';
  if (first === 'patient') return 'patient';
  if (first === 'timeline' || first === 'duration' || first === 'startsAt') return 'timeline';
  if (first === 'training') {
    if (second === 'visitAt') return 'timeline';
    if (second === 'objectives' || second === 'plan' || second === 'silentFault') return 'objectives';
  }
  return 'brief';
}

/** The element id of the field at a path, for a link to it. */
export const fieldId = (path: string): string => `field-${keysOf(path).join('-')}`;
