// The safety traceability matrix, as a pure function of its inputs (docs/safety.md's text, the
// tests of the last run, and when the code each test checks last changed), so the tracer itself
// is tested (scripts/traceMatrix.test.mjs).

/** The test files a "checked by" cell names in backticks (`x.test.ts`, `packages/core/test/y.prop.test.ts`). */
export function listedTestFiles(cell) {
  return [...cell.matchAll(/`([\w./-]+\.(?:test|spec)\.ts)`/g)].map((m) => m[1]);
}

/** Each requirement of docs/safety.md with the test files its "checked by" column lists. */
export function requirementsOf(safety) {
  const rows = [];
  for (const line of safety.split('\n')) {
    const m = /^\|\s*(REQ-[A-Z]+-\d+):/.exec(line);
    if (m === null) continue;
    const cells = line.split('|').map((c) => c.trim());
    rows.push({ req: m[1], files: listedTestFiles(cells[3] ?? '') });
  }
  return rows;
}

/**
 * Judges every requirement: it needs at least one passing test named after it; every test file its
 * "checked by" column lists must have run (MISSING), with every test in it passed (FAILED), after
 * the code it checks last changed (STALE).
 * @param {{ safety: string, tests: { file: string, name: string, status: string, startTime: number }[], sourceChangedAt: (file: string) => number }} input
 */
export function traceMatrix({ safety, tests, sourceChangedAt }) {
  const rows = requirementsOf(safety).map(({ req, files }) => {
    const named = tests.filter((t) => new RegExp(`\\b${req}\\b`).test(t.name));
    const problems = [];
    if (named.length === 0) problems.push('no test is named after it');
    for (const t of named) if (t.status !== 'passed') problems.push(`FAILED: ${t.name}`);
    for (const listed of files) {
      const ran = tests.filter((t) => t.file === listed || t.file.endsWith(`/${listed}`));
      if (ran.length === 0) {
        problems.push(`MISSING: ${listed} has no result in the last run`);
        continue;
      }
      const failed = ran.filter((t) => t.status !== 'passed' && t.status !== 'skipped' && t.status !== 'pending');
      if (failed.length > 0)
        problems.push(`FAILED: ${listed} (${failed.length} test${failed.length === 1 ? '' : 's'})`);
      const started = Math.min(...ran.map((t) => t.startTime));
      const changed = Math.max(...ran.map((t) => sourceChangedAt(t.file)));
      if (changed > started) problems.push(`STALE: ${listed} ran before the code it checks last changed`);
    }
    return { req, files, named: named.map((t) => t.name), problems };
  });
  return { rows, broken: rows.filter((r) => r.problems.length > 0).length };
}
