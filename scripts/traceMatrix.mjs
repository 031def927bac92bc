// The safety traceability matrix, as a pure function of its inputs (docs/safety.md's text, the
// record of the tests named after each requirement, the tests of the last run, and when the code
// each test checks last changed), so the tracer itself is tested (scripts/traceMatrix.test.mjs).

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
 * A test's id: its file (from the repository's root), its describe blocks and its title, so two
 * tests of the same title in different files or blocks are told apart.
 * @param {{ file: string, name: string, ancestors?: string[], title?: string }} t
 */
export const testId = (t) =>
  `${t.file} > ${t.ancestors === undefined ? t.name : [...t.ancestors, t.title].join(' > ')}`;

/** Whether a test's name names a requirement (the id as a whole word). */
const names = (req) => {
  const pattern = new RegExp(`(^|[^\\w-])${req}(?![\\w-])`);
  return (t) => pattern.test(t.name);
};

/**
 * The record the gate keeps (docs/safety-tests.json): for each requirement, the ids of the tests
 * named after it that passed in a complete run. Refuses, with the reasons, a run in which a test
 * failed or a test named after a requirement did not pass (skipped, todo): a record is taken from
 * a green run only, so it cannot be made to forget a test by skipping it.
 * @returns {{ ok: true, record: Record<string, string[]> } | { ok: false, reasons: string[] }}
 */
export function recordOf({ safety, tests }) {
  const reasons = [];
  const failed = tests.filter((t) => t.status === 'failed');
  if (failed.length > 0) reasons.push(`${failed.length} test(s) failed in the last run, first ${testId(failed[0])}`);
  const record = {};
  for (const { req } of requirementsOf(safety)) {
    const named = tests.filter(names(req));
    for (const t of named) if (t.status !== 'passed') reasons.push(`${req}: ${testId(t)} is ${t.status}`);
    if (named.length === 0) reasons.push(`${req}: no test in the last run is named after it`);
    record[req] = [...new Set(named.map(testId))].sort();
  }
  return reasons.length > 0 ? { ok: false, reasons } : { ok: true, record };
}

/**
 * Judges every requirement. Each test the record names for it must have run in this run and
 * passed, found by its id, not by its file: a test removed, renamed or filtered out of the run is
 * MISSING, one skipped or left as todo is SKIPPED, one that failed is FAILED; the record must name
 * at least one test (NOT RECORDED), and a test named after it in this run must not have failed.
 * Every test file its "checked by" column lists must have run (MISSING), with every test in it
 * passed (FAILED), after the code it checks last changed (STALE). Tests named after it that the
 * record does not hold yet are listed as `new`, not counted against it (`pnpm trace --record`).
 * @param {{ safety: string, record: Record<string, string[]>, tests: { file: string, name: string, ancestors?: string[], title?: string, status: string, startTime: number }[], sourceChangedAt: (file: string) => number }} input
 */
export function traceMatrix({ safety, record, tests, sourceChangedAt }) {
  const byId = new Map();
  for (const t of tests) byId.set(testId(t), [...(byId.get(testId(t)) ?? []), t]);
  const rows = requirementsOf(safety).map(({ req, files }) => {
    const named = tests.filter(names(req));
    const recorded = record[req] ?? [];
    const problems = [];
    if (recorded.length === 0)
      problems.push('NOT RECORDED: no test is recorded for it in docs/safety-tests.json (pnpm trace --record)');
    for (const id of recorded) {
      const ran = byId.get(id) ?? [];
      if (ran.length === 0)
        problems.push(`MISSING: ${id} has no result in the last run (removed, renamed or filtered out)`);
      else if (ran.some((t) => t.status === 'failed')) problems.push(`FAILED: ${id}`);
      else if (ran.some((t) => t.status !== 'passed'))
        problems.push(`SKIPPED: ${id} (${ran.map((t) => t.status).join(', ')})`);
    }
    for (const t of named)
      if (t.status === 'failed' && !recorded.includes(testId(t))) problems.push(`FAILED: ${testId(t)}`);
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
    const fresh = [...new Set(named.filter((t) => t.status === 'passed').map(testId))].filter(
      (id) => !recorded.includes(id),
    );
    return { req, files, recorded, named: named.map((t) => t.name), fresh, problems };
  });
  return { rows, broken: rows.filter((r) => r.problems.length > 0).length };
}
