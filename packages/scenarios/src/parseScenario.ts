import { parseDocument } from 'yaml';
import { checkScenario } from './checkScenario.ts';
import { describeFound, type Problem } from './problem.ts';
import { type ScenarioFile, scenarioSchema } from './scenarioSchema.ts';
import { zodProblems } from './zodProblems.ts';

/** A parsed scenario, or every problem found in it. Nothing runs when there is a problem. */
export type ParseResult =
  | { readonly ok: true; readonly scenario: ScenarioFile }
  | { readonly ok: false; readonly problems: readonly Problem[] };

/**
 * Parses a scenario file (YAML or JSON: the same document) and validates it against format 1, then
 * checks what the schema cannot (time order, fields each action needs, observables and event names,
 * programs the pump would refuse). Never throws: any input gives a scenario or problems.
 */
export function parseScenario(text: string, file: string): ParseResult {
  let root: unknown;
  try {
    const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
    if (doc.errors.length > 0) {
      return {
        ok: false,
        problems: doc.errors.map((e) => ({
          file,
          path: e.linePos?.[0] ? `line ${e.linePos[0].line}, column ${e.linePos[0].col}` : '',
          expected: 'a YAML or JSON document',
          found: e.message.split('\n')[0] ?? 'a syntax error',
        })),
      };
    }
    root = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    return { ok: false, problems: [{ file, path: '', expected: 'a YAML or JSON document', found: String(error) }] };
  }
  return validateScenario(root, file);
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
