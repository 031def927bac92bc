/** One thing wrong with a scenario file: where, what was expected, what was found. */
export interface Problem {
  readonly file: string;
  /** The path inside the document, such as `timeline[3].volumeMl`; empty for the whole document. */
  readonly path: string;
  readonly expected: string;
  readonly found: string;
}

const ESCAPES: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * Text from outside (a file's name, a scenario's name) made safe for one line of a terminal or a
 * line-based format (TAP, a log): control characters (C0, DEL, C1) and the Unicode line and
 * paragraph separators written as escapes (`\n`, `\u001b`), so a name can neither end a line and
 * forge the next nor move the cursor. Everything else is kept as it is.
 */
export function printable(text: string): string {
  return text.replace(
    // biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters escaped
    /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g,
    (c) => ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** A problem as one line for a terminal: `file: timeline[3].volumeMl: expected …, found …`; the file's name printable. */
export const formatProblem = (p: Problem): string =>
  `${printable(p.file)}: ${p.path === '' ? '(document)' : p.path}: expected ${p.expected}, found ${p.found}`;

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
  const text = briefJson(value, 0, { left: 61 });
  if (text === undefined) return String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** How deep {@link describeFound} looks into nested lists and mappings before it writes `...`. */
const BRIEF_DEPTH = 8;

/**
 * JSON text of `value` as `JSON.stringify` writes it, but only its first `budget.left` characters
 * or so and at most {@link BRIEF_DEPTH} levels deep: a value of any size or depth (a hostile
 * message of 10,000 nested lists) is described in bounded time and stack.
 */
function briefJson(value: unknown, depth: number, budget: { left: number }): string | undefined {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value.length > budget.left ? value.slice(0, budget.left) : value);
    case 'number':
      // NaN and the infinities inside a mapping or a list are named, not shown as JSON's null
      return String(value);
    case 'boolean':
      return String(value);
    case 'bigint':
      return String(value);
    case 'object':
      break;
    default:
      return undefined;
  }
  if (depth >= BRIEF_DEPTH) return '...';
  const toJson = (value as { toJSON?: unknown }).toJSON;
  if (typeof toJson === 'function') {
    const plain: unknown = toJson.call(value);
    return plain !== null && typeof plain === 'object' ? '...' : briefJson(plain, depth + 1, budget);
  }
  const list = Array.isArray(value);
  let out = list ? '[' : '{';
  let first = true;
  const entries: Iterable<[string, unknown]> = list
    ? (value as unknown[]).map((v, i) => [String(i), v] as [string, unknown])
    : Object.entries(value as object);
  for (const [key, item] of entries) {
    if (budget.left <= out.length) return `${out}...`;
    const inner = briefJson(item, depth + 1, { left: budget.left - out.length });
    if (inner === undefined && !list) continue;
    out += `${first ? '' : ','}${list ? '' : `${JSON.stringify(key)}:`}${inner ?? 'null'}`;
    first = false;
  }
  return `${out}${list ? ']' : '}'}`;
}

/** Any text from a file or the system, quoted short for a message: escaped, at most `max` characters. */
export function quoteShort(text: string, max = 60): string {
  return text.length > max
    ? `${JSON.stringify(text.slice(0, max))}... (${text.length} characters)`
    : JSON.stringify(text);
}
