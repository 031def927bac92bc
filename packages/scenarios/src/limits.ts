import { MS_PER_DAY } from '@itps/core';
import { formatDuration } from './duration.ts';
import type { Problem } from './problem.ts';

/**
 * How much one scenario file may ask for. Each is checked before the work it bounds starts, so no
 * file can make a run crash, hang or hold more than a few hundred MB (figures in
 * docs/scenario-format.md, "Limits"). The command line raises each with a flag.
 */
export interface ScenarioLimits {
  /** The file's size, in bytes (UTF-8). */
  readonly maxBytes: number;
  /** Nesting of mappings and sequences (a format-1 file needs 6). */
  readonly maxDepth: number;
  /** Entries in `timeline`. */
  readonly maxTimeline: number;
  /** Entries in `expect`. */
  readonly maxExpectations: number;
  /** Simulated time, in milliseconds. */
  readonly maxDurationMs: number;
}

/** The defaults: ten times what the largest library scenario uses, or more. */
export const DEFAULT_LIMITS: ScenarioLimits = {
  maxBytes: 1_000_000,
  maxDepth: 32,
  maxTimeline: 10_000,
  maxExpectations: 2_000,
  maxDurationMs: 20 * 365 * MS_PER_DAY,
};

/** The most any flag may raise a limit to: beyond these a run would not fit this design. */
export const HARD_LIMITS: ScenarioLimits = {
  // parsing YAML holds about 120 bytes of memory per byte of file: 8 MB peaks near 1 GB
  maxBytes: 8_000_000,
  maxDepth: 256,
  maxTimeline: 1_000_000,
  maxExpectations: 1_000_000,
  maxDurationMs: 100 * 365 * MS_PER_DAY,
};

const lineAndColumn = (text: string, index: number): string => {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) {
    line += 1;
    start = i + 1;
  }
  return `line ${line}, column ${index - start + 1}`;
};

/** A byte string's size in UTF-8 without encoding it (pure: no TextEncoder needed). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4;
      i += 1;
    } else bytes += 3;
  }
  return bytes;
}

/**
 * What a file's text must pass before it is parsed: its size, that it is text (no NUL byte, no
 * bytes that are not UTF-8), and how deep its mappings and sequences nest, counted by a linear
 * scan so a hostile nesting never reaches the parser's recursion.
 */
export function checkText(text: string, file: string, limits: ScenarioLimits = DEFAULT_LIMITS): Problem[] {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: a NUL byte is how binary data shows itself
  const binary = text.search(/[\u0000\uFFFD]/);
  if (binary !== -1)
    return [
      {
        file,
        path: lineAndColumn(text, binary),
        expected: 'a text file (YAML or JSON in UTF-8)',
        found: text[binary] === '\u0000' ? 'a NUL byte (binary data)' : 'bytes that are not UTF-8 (binary data)',
      },
    ];
  const size = utf8Length(text);
  if (size > limits.maxBytes)
    return [{ file, path: '', expected: `a file of at most ${limits.maxBytes} bytes`, found: `${size} bytes` }];
  const deep = deepestNesting(text, limits.maxDepth);
  if (deep !== null)
    return [
      {
        file,
        path: lineAndColumn(text, deep),
        expected: `mappings and sequences nested at most ${limits.maxDepth} deep`,
        found: `deeper nesting`,
      },
    ];
  return [];
}

/**
 * The index where nesting first goes deeper than `max`, or null. Counts flow brackets outside
 * quotes and comments, block indentation levels, and compact `- - -` entries; an over-count is
 * harmless (the limit is far above what the format needs), an under-count is not.
 */
function deepestNesting(text: string, max: number): number | null {
  const indents: number[] = [];
  let flow = 0;
  let quote: '"' | "'" | null = null;
  let lineStart = true;
  let indent = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (c === '\n') {
      lineStart = true;
      indent = 0;
      if (quote === null) continue;
    }
    if (quote !== null) {
      if (c === '\\' && quote === '"') i += 1;
      else if (c === quote) quote = null;
      continue;
    }
    if (lineStart) {
      if (c === ' ') {
        indent += 1;
        continue;
      }
      lineStart = false;
      if (flow === 0 && c !== '#' && c !== '\r') {
        while (indents.length > 0 && (indents[indents.length - 1] ?? 0) >= indent) indents.pop();
        indents.push(indent);
        let dashes = 0;
        for (let j = i; text[j] === '-' && (text[j + 1] === ' ' || text[j + 1] === '-'); j += 2) dashes += 1;
        if (indents.length + dashes > max) return i;
      }
    }
    if (c === '#' && (i === 0 || text[i - 1] === ' ' || text[i - 1] === '\t' || text[i - 1] === '\n')) {
      const end = text.indexOf('\n', i);
      if (end === -1) break;
      i = end - 1;
      continue;
    }
    if (c === '"' || c === "'") {
      const prev = text[i - 1];
      if (prev === undefined || ' \t\n[{,:-'.includes(prev)) quote = c;
    } else if (c === '[' || c === '{') {
      flow += 1;
      if (flow + indents.length > max) return i;
    } else if ((c === ']' || c === '}') && flow > 0) flow -= 1;
  }
  return null;
}

/**
 * What a parsed document must pass before it is validated: the lengths of its lists, checked on
 * the plain data so a million entries are refused before the schema walks them.
 */
export function checkCounts(root: unknown, file: string, limits: ScenarioLimits = DEFAULT_LIMITS): Problem[] {
  if (root === null || typeof root !== 'object') return [];
  const doc = root as Record<string, unknown>;
  const problems: Problem[] = [];
  const count = (key: string, max: number, what: string) => {
    const list = doc[key];
    if (Array.isArray(list) && list.length > max)
      problems.push({ file, path: key, expected: `at most ${max} ${what}`, found: `${list.length}` });
  };
  count('timeline', limits.maxTimeline, 'actions');
  count('expect', limits.maxExpectations, 'expectations');
  return problems;
}

/** What a validated scenario must pass before it runs: its simulated duration. */
export function checkDuration(durationMs: number, file: string, limits: ScenarioLimits = DEFAULT_LIMITS): Problem[] {
  return durationMs > limits.maxDurationMs
    ? [
        {
          file,
          path: 'duration',
          expected: `at most ${formatDuration(limits.maxDurationMs)} of simulated time`,
          found: formatDuration(durationMs),
        },
      ]
    : [];
}
