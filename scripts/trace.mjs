// pnpm trace: the safety traceability gate. For every requirement of docs/safety.md, each test the
// record (docs/safety-tests.json) names for it must have run in the last test run and passed, found
// by its id (file, describe blocks, title), not by its file; every test file its "checked by" column
// lists must have run, passed whole, and run after the code it checks last changed. Exits 1 when
// any requirement falls short (see scripts/traceMatrix.mjs).
//
// pnpm trace --record: after a complete, green run, writes the record afresh from the tests named
// after each requirement, and prints what it added and removed (a test taken out of the record is
// a reviewed change of docs/safety-tests.json, never a silent one).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readTestReports } from './testResults.mjs';
import { recordOf, traceMatrix } from './traceMatrix.mjs';

const RECORD = 'docs/safety-tests.json';
const root = process.cwd();
const tests = [];
for (const report of readTestReports()) {
  for (const suite of report.testResults ?? []) {
    for (const t of suite.assertionResults ?? []) {
      tests.push({
        name: t.fullName ?? t.title,
        ancestors: t.ancestorTitles ?? [],
        title: t.title,
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
const safety = readFileSync('docs/safety.md', 'utf8');
const record = existsSync(RECORD) ? JSON.parse(readFileSync(RECORD, 'utf8')) : {};

if (process.argv.includes('--record')) {
  const made = recordOf({ safety, tests });
  if (!made.ok) {
    console.error(
      `trace --record: refused; record from a complete run in which every test passed:\n  ${made.reasons.slice(0, 30).join('\n  ')}`,
    );
    process.exit(1);
  }
  for (const [req, ids] of Object.entries(made.record)) {
    const before = record[req] ?? [];
    for (const id of ids) if (!before.includes(id)) console.log(`+ ${req}: ${id}`);
    for (const id of before) if (!ids.includes(id)) console.log(`- ${req}: ${id}`);
  }
  writeFileSync(RECORD, `${JSON.stringify(made.record, null, 2)}\n`);
  spawnSync(process.execPath, ['node_modules/@biomejs/biome/bin/biome', 'format', '--write', RECORD], {
    stdio: 'ignore',
  });
  const count = Object.values(made.record).reduce((n, ids) => n + ids.length, 0);
  console.log(
    `trace --record: ${count} tests for ${Object.keys(made.record).length} requirements written to ${RECORD}`,
  );
  process.exit(0);
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

const { rows, broken } = traceMatrix({ safety, record, tests, sourceChangedAt });
console.log(
  `\nSafety traceability (docs/safety.md; the tests ${RECORD} names for each requirement, and the files it lists)\n`,
);
for (const r of rows) {
  console.log(
    `${r.req.padEnd(12)} ${r.problems.length === 0 ? 'passed' : 'BROKEN'}   ${r.recorded.length} recorded tests, ${r.files.length} listed files${r.fresh.length > 0 ? `, ${r.fresh.length} new named tests not in the record` : ''}`,
  );
  for (const p of r.problems) console.log(`${''.padEnd(21)} ${p}`);
}
const fresh = rows.reduce((n, r) => n + r.fresh.length, 0);
console.log(`\n${rows.length} requirements, ${rows.length - broken} traced to passing, fresh tests, ${broken} not`);
if (fresh > 0)
  console.log(
    `${fresh} tests named after a requirement are not in the record yet: pnpm trace --record after a green run adds them`,
  );
process.exit(broken === 0 ? 0 : 1);
