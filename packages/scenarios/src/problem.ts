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

/** A found value, shown briefly: at most about 60 characters, whatever its size; control characters escaped. */
export function describeFound(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'number' && !Number.isFinite(value))
    return Number.isNaN(value) ? 'NaN (not a number)' : `${value > 0 ? '' : '-'}infinity (or a number too large)`;
  if (Array.isArray(value) && value.length > 20) return `a list of ${value.length} entries`;
  if (value !== null && typeof value === 'object' && Object.keys(value).length > 20)
    return `a mapping of ${Object.keys(value).length} fields`;
  if (typeof value === 'string' && value.length > 60)
    return `${JSON.stringify(value.slice(0, 50))}... (${value.length} characters)`;
  const text = JSON.stringify(value);
  if (text === undefined) return String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** Any text from a file or the system, quoted short for a message: escaped, at most `max` characters. */
export function quoteShort(text: string, max = 60): string {
  return text.length > max
    ? `${JSON.stringify(text.slice(0, max))}... (${text.length} characters)`
    : JSON.stringify(text);
}
