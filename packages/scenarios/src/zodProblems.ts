import type { $ZodIssue } from 'zod/v4/core';
import { describeFound, formatPath, type Problem } from './problem.ts';

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = root;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[key as string];
  }
  return v;
}

/** A schema's issues with a document as problems: where, what was expected, what was found. */
export function zodProblems(file: string, root: unknown, issues: readonly $ZodIssue[]): Problem[] {
  return issues.flatMap((issue) => issueToProblems(file, root, issue));
}

/**
 * The one branch of a union the value was meant for, when there is one: the branches whose issues
 * all lie inside the value (none says the value itself has the wrong type or fields the branch
 * lacks), the one with the fewest issues. `{ near: .nan, within: 1 }` is then reported at `near`,
 * not as a value of none of the forms.
 */
function meantBranch(branches: readonly (readonly $ZodIssue[])[]): readonly $ZodIssue[] | null {
  const inside = branches.filter(
    (b) => b.length > 0 && b.every((i) => i.path.length > 0 || i.code === 'invalid_union'),
  );
  if (inside.length === 0) return null;
  const fewest = Math.min(...inside.map((b) => b.length));
  const best = inside.filter((b) => b.length === fewest);
  return best.length === 1 ? (best[0] ?? null) : null;
}

function issueToProblems(
  file: string,
  root: unknown,
  issue: $ZodIssue,
  prefix: readonly PropertyKey[] = [],
): Problem[] {
  const at = [...prefix, ...issue.path];
  const path = formatPath(at);
  const found = describeFound(valueAt(root, at));
  switch (issue.code) {
    case 'invalid_type':
      return [
        {
          file,
          path,
          expected:
            issue.expected === 'int'
              ? 'a whole number'
              : issue.expected === 'number'
                ? 'a finite number'
                : `a ${issue.expected}`,
          found,
        },
      ];
    case 'invalid_value':
      return [{ file, path, expected: `one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`, found }];
    case 'unrecognized_keys':
      return issue.keys.map((key) => ({
        file,
        path: formatPath([...at, key]),
        expected: 'no such field (see the format)',
        found: describeFound(valueAt(root, [...at, key])),
      }));
    case 'invalid_union': {
      const branch = 'errors' in issue ? meantBranch(issue.errors) : null;
      if (branch !== null) return branch.flatMap((i) => issueToProblems(file, root, i, at));
      if ('discriminator' in issue && typeof issue.discriminator === 'string') {
        return [
          {
            file,
            path,
            expected: `${issue.discriminator} one of ${(issue as { options?: unknown[] }).options?.map((o) => JSON.stringify(o)).join(', ') ?? ''}`,
            found,
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
    default:
      return [{ file, path, expected: issue.message, found }];
  }
}
