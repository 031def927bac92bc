import { whenWords } from '../format/exerciseTime.ts';
import { keysOf } from './draftPath.ts';

/**
 * A check's message in the educator's words: each instant written as the format keeps it (`P28DT1H`)
 * said as a day and clock time ("day 28, 01:00"), a field's name in the file dropped from the brackets.
 */
export function problemWords(message: string, timeOfDayAtStart = 0): string {
  return message
    .replace(/\((?:[a-zA-Z]+\.)+[a-zA-Z]+, (P[0-9DTHMS.]+)\)/g, '($1)')
    .replace(/(?<![\w-])P(?=\d|T\d)[0-9DTHMS.]+\b/g, (iso) => whenWords(iso, timeOfDayAtStart));
}

/** Where a problem is, for the list at the top: "The right plan, step 2", "Objective 3", "Event 1". */
export function problemPlace(path: string): string | null {
  const [a, b, c] = keysOf(path);
  if (a === 'timeline' && b !== undefined) return `Event ${Number(b) + 1}`;
  if (a === 'training' && b === 'plan' && c !== undefined) return `The right plan, step ${Number(c) + 1}`;
  if (a === 'training' && b === 'objectives' && c !== undefined) return `Objective ${Number(c) + 1}`;
  return null;
}
