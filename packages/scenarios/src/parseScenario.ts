import { parseDocument } from 'yaml';
import type { $ZodIssue } from 'zod/v4/core';
import { checkScenario } from './checkScenario.ts';
import { describeFound, formatPath, type Problem } from './problem.ts';
import { type ScenarioFile, scenarioSchema } from './scenarioSchema.ts';

/** A parsed scenario, or every problem found in it. Nothing runs when there is a problem. */
export type ParseResult =
  | { readonly ok: true; readonly scenario: ScenarioFile }
  | { readonly ok: false; readonly problems: readonly Problem[] };

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = root;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[key as string];
  }
  return v;
}

function issueToProblems(file: string, root: unknown, issue: $ZodIssue): Problem[] {
  const path = formatPath(issue.path);
  const found = describeFound(valueAt(root, issue.path));
  switch (issue.code) {
    case 'invalid_type':
      return [{ file, path, expected: issue.expected === 'int' ? 'a whole number' : `a ${issue.expected}`, found }];
    case 'invalid_value':
      return [{ file, path, expected: `one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`, found }];
    case 'unrecognized_keys':
      return issue.keys.map((key) => ({
        file,
        path: formatPath([...issue.path, key]),
        expected: 'no such field (see the format)',
        found: describeFound(valueAt(root, [...issue.path, key])),
      }));
    case 'invalid_union': {
      if ('discriminator' in issue && typeof issue.discriminator === 'string') {
        return [
          {
            file,
            path,
            expected: `${issue.discriminator} one of ${(issue as { options?: unknown[] }).options?.map((o) => JSON.stringify(o)).join(', ') ?? ''}`,
            found: describeFound(valueAt(root, issue.path)),
          },
        ];
      }
      return [{ file, path, expected: 'a value of one of the forms the format allows', found }];
    }
    case 'too_small':
    case 'too_big': {
      const bound = issue.code === 'too_small' ? `at least ${issue.minimum}` : `at most ${issue.maximum}`;
      const what =
        issue.origin === 'array'
          ? `${bound} entries`
          : issue.origin === 'string'
            ? 'a non-empty text'
            : `a number ${bound}`;
      return [{ file, path, expected: what, found }];
    }
    case 'custom':
      return [{ file, path, expected: issue.message, found }];
    default:
      return [{ file, path, expected: issue.message, found }];
  }
}

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
  if (!parsed.success)
    return { ok: false, problems: parsed.error.issues.flatMap((i) => issueToProblems(file, root, i)) };
  const problems = checkScenario(parsed.data, file);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, scenario: parsed.data };
}
