// pnpm trace: the safety traceability matrix. Every requirement of docs/safety.md must have a
// passing test named after it, and every test file its "checked by" column lists must have run in
// the last test run, passed whole, and run after the code it checks last changed. Exits 1 when
// any requirement falls short (see scripts/traceMatrix.mjs).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { readTestReports } from './testResults.mjs';
import { traceMatrix } from './traceMatrix.mjs';

const root = process.cwd();
const tests = [];
for (const report of readTestReports()) {
  for (const suite of report.testResults ?? []) {
    for (const t of suite.assertionResults ?? []) {
      tests.push({
        name: t.fullName ?? t.title,
        status: t.status,
        file: suite.name.replace(`${root}/`, ''),
        startTime: suite.startTime ?? report.startTime ?? 0,
      });
    }
  }
}
if (tests.length === 0) {
  console.error('trace: no test results found; run the tests first (npm test or pnpm -r test)');
  process.exit(1);
}

/** The newest file under a folder (ms). */
const newest = (dir) =>
  !existsSync(dir)
    ? 0
    : readdirSync(dir, { withFileTypes: true }).reduce((latest, e) => {
        const path = join(dir, e.name);
        return Math.max(latest, e.isDirectory() ? newest(path) : statSync(path).mtimeMs);
      }, 0);
// the code a package's tests check: its own sources and those of the workspace packages it builds on
const CHECKS = {
  'packages/core': ['packages/core/src'],
  'packages/scenarios': ['packages/scenarios/src', 'packages/core/src'],
  'apps/cli': ['apps/cli/src', 'packages/scenarios/src', 'packages/core/src'],
  'apps/programmer': ['apps/programmer/src', 'packages/scenarios/src', 'packages/core/src'],
  'apps/server': ['apps/server/src', 'packages/scenarios/src', 'packages/core/src'],
};
const changed = new Map(Object.entries(CHECKS).map(([pkg, dirs]) => [pkg, Math.max(...dirs.map(newest))]));
const sourceChangedAt = (file) => changed.get(file.split('/').slice(0, 2).join('/')) ?? 0;

const { rows, broken } = traceMatrix({ safety: readFileSync('docs/safety.md', 'utf8'), tests, sourceChangedAt });
console.log('\nSafety traceability (docs/safety.md: tests named after each requirement, and the files it lists)\n');
for (const r of rows) {
  console.log(
    `${r.req.padEnd(12)} ${r.problems.length === 0 ? 'passed' : 'BROKEN'}   ${r.named.length} named, ${r.files.length} listed`,
  );
  for (const p of r.problems) console.log(`${''.padEnd(21)} ${p}`);
}
console.log(`\n${rows.length} requirements, ${rows.length - broken} traced to passing, fresh tests, ${broken} not`);
process.exit(broken === 0 ? 0 : 1);
