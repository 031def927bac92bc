/** One thing wrong with a scenario file: where, what was expected, what was found. */
export interface Problem {
  readonly file: string;
  /** The path inside the document, such as `timeline[3].volumeMl`; empty for the whole document. */
  readonly path: string;
  readonly expected: string;
  readonly found: string;
}

/** A problem as one line for a terminal: `file: timeline[3].volumeMl: expected …, found …`. */
export const formatProblem = (p: Problem): string =>
  `${p.file}: ${p.path === '' ? '(document)' : p.path}: expected ${p.expected}, found ${p.found}`;

/** A path array as the format writes it: `timeline[3].volumeMl`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

/** A found value, shown briefly. */
export function describeFound(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value);
  if (text === undefined) return String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
