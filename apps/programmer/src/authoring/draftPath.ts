/**
 * A field's place in an exercise document, written with dots (`pump.reservoir.volumeMl`,
 * `timeline.0.at`). The format's own problem paths (`timeline[0].at`) are read the same way.
 */
export type FieldPath = string;

/** The keys of a path; `timeline[0].at` and `timeline.0.at` both give `['timeline', '0', 'at']`. */
export const keysOf = (path: FieldPath): string[] =>
  path
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .filter((k) => k !== '');

/** One spelling of a path, to compare a problem's path with a field's. */
export const samePath = (path: FieldPath): string => keysOf(path).join('.');

/** The value at a path of a plain document, or undefined when any step is missing. */
export function getAt(doc: unknown, path: FieldPath): unknown {
  let here: unknown = doc;
  for (const key of keysOf(path)) {
    if (here === null || typeof here !== 'object') return undefined;
    here = (here as Record<string, unknown>)[key];
  }
  return here;
}

/**
 * A copy of the document with the value at the path set (undefined removes it); the objects and
 * lists on the way are copied, nothing else. Missing steps become objects, or lists before a number.
 */
export function setAt<T>(doc: T, path: FieldPath, value: unknown): T {
  const keys = keysOf(path);
  const put = (here: unknown, i: number): unknown => {
    const key = keys[i] as string;
    const index = /^\d+$/.test(key) ? Number(key) : null;
    const base: unknown = here !== null && typeof here === 'object' ? here : index !== null ? [] : {};
    const next = i === keys.length - 1 ? value : put((base as Record<string, unknown>)[key], i + 1);
    if (Array.isArray(base)) {
      const copy = [...base];
      if (next === undefined && index !== null) copy.splice(index, 1);
      else copy[index ?? Number(key)] = next;
      return copy;
    }
    const copy: Record<string, unknown> = { ...(base as Record<string, unknown>) };
    if (next === undefined) delete copy[key];
    else copy[key] = next;
    return copy;
  };
  return keys.length === 0 ? (value as T) : (put(doc, 0) as T);
}
