import { isAlias, LineCounter, parseDocument, visit } from 'yaml';
import { checkScenario } from './checkScenario.ts';
import { checkCounts, checkDuration, checkText, DEFAULT_LIMITS, type ScenarioLimits } from './limits.ts';
import { describeFound, type Problem, quoteShort } from './problem.ts';
import { type ScenarioFile, scenarioSchema } from './scenarioSchema.ts';
import { zodProblems } from './zodProblems.ts';

/** A parsed scenario, or every problem found in it. Nothing runs when there is a problem. */
export type ParseResult =
  | { readonly ok: true; readonly scenario: ScenarioFile }
  | { readonly ok: false; readonly problems: readonly Problem[] };

/**
 * Parses a scenario file (YAML or JSON: the same document) and validates it against format 1, then
 * checks what the schema cannot (time order, fields each action needs, observables and event names,
 * programs the pump would refuse). Never throws: any input gives a scenario or problems. `limits`
 * (size, nesting, list lengths, duration) are checked before the work each bounds.
 */
export function parseScenario(text: string, file: string, limits: ScenarioLimits = DEFAULT_LIMITS): ParseResult {
  const doc = parseScenarioDocument(text, file, limits);
  return doc.ok ? validateWithin(doc.root, file, limits) : doc;
}

/**
 * Validates a document already read (a sweep's copy with its values set) and checks its duration
 * against the limits.
 */
export function validateWithin(root: unknown, file: string, limits: ScenarioLimits = DEFAULT_LIMITS): ParseResult {
  const parsed = validateScenario(root, file);
  if (!parsed.ok) return parsed;
  const long = checkDuration(parsed.scenario.duration, file, limits);
  return long.length > 0 ? { ok: false, problems: long } : parsed;
}

/**
 * A file's text read into plain data (YAML or JSON), within the limits of size, nesting, aliases
 * and list lengths, not yet validated against the format.
 */
export function parseScenarioDocument(
  text: string,
  file: string,
  limits: ScenarioLimits = DEFAULT_LIMITS,
): { ok: true; root: unknown } | { ok: false; problems: readonly Problem[] } {
  const bad = checkText(text, file, limits);
  if (bad.length > 0) return { ok: false, problems: bad };
  let root: unknown;
  const lines = new LineCounter();
  const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true, lineCounter: lines });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      problems: doc.errors.slice(0, 20).map((e) => ({
        file,
        path: e.linePos?.[0] ? `line ${e.linePos[0].line}, column ${e.linePos[0].col}` : '',
        expected: 'a YAML or JSON document',
        /* v8 ignore next -- @preserve `??` here only satisfies the index type: split always gives one part */
        found: quoteShort(e.message.split('\n')[0] ?? 'a syntax error', 120),
      })),
    };
  }
  try {
    root = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    let where = '';
    visit(doc, {
      Alias(_, node) {
        const at = node.range?.[0];
        if (at !== undefined) where = `line ${lines.linePos(at).line}, column ${lines.linePos(at).col}`;
        return visit.BREAK;
      },
    });
    const aliases = isAlias(doc.contents) || where !== '';
    return {
      ok: false,
      problems: [
        {
          file,
          path: where,
          expected: aliases ? 'aliases (*name) that expand to at most 100 nodes' : 'a YAML or JSON document',
          found: aliases
            ? 'aliases that expand without bound (a "billion laughs" document)'
            : quoteShort(String(error), 120),
        },
      ],
    };
  }
  const counted = checkCounts(root, file, limits);
  return counted.length > 0 ? { ok: false, problems: counted } : { ok: true, root };
}

/**
 * Validates a scenario already read into plain data (a file's document, an object built in code)
 * against format 1 and the checks a schema cannot express; parses every time once, into
 * milliseconds. Never throws.
 */
export function validateScenario(root: unknown, file: string): ParseResult {
  if (root === null || typeof root !== 'object' || Array.isArray(root)) {
    return {
      ok: false,
      problems: [
        { file, path: '', expected: 'a mapping with format, name, duration, pump', found: describeFound(root) },
      ],
    };
  }
  const parsed = scenarioSchema.safeParse(root);
  if (!parsed.success) return { ok: false, problems: zodProblems(file, root, parsed.error.issues) };
  const problems = checkScenario(parsed.data, file);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, scenario: parsed.data };
}
