// pnpm trace: the safety traceability matrix. Reads the requirements (REQ ids) of docs/safety.md,
// finds the tests whose names carry each id in the vitest JSON results of the last test run, and
// prints requirement, tests and last result. Exits 1 when a requirement has no test, or a test of
// it failed.
import { readFileSync } from 'node:fs';
import { readTestReports } from './testResults.mjs';

const safety = readFileSync('docs/safety.md', 'utf8');
const requirements = [...safety.matchAll(/^\| (REQ-[A-Z]+-\d+):/gm)].map((m) => m[1]);
const tests = [];
for (const report of readTestReports()) {
  for (const suite of report.testResults ?? []) {
    for (const t of suite.assertionResults ?? []) {
      tests.push({ name: t.fullName ?? t.title, status: t.status, file: suite.name.replace(`${process.cwd()}/`, '') });
    }
  }
}
if (tests.length === 0) {
  console.error('trace: no test results found; run the tests first (npm test or pnpm -r test)');
  process.exit(1);
}
let broken = 0;
const rows = requirements.map((req) => {
  const covering = tests.filter((t) => new RegExp(`\\b${req}\\b`).test(t.name));
  const failed = covering.filter((t) => t.status !== 'passed');
  const result = covering.length === 0 ? 'NO TEST' : failed.length > 0 ? `FAILED (${failed.length})` : 'passed';
  if (covering.length === 0 || failed.length > 0) broken += 1;
  return { req, result, tests: covering.map((t) => `${t.file.split('/').pop()}: ${t.name.slice(0, 90)}`) };
});
console.log('\nSafety traceability (docs/safety.md -> tests named after each requirement)\n');
for (const r of rows) {
  console.log(`${r.req.padEnd(12)} ${r.result.padEnd(11)} ${r.tests[0] ?? ''}`);
  for (const t of r.tests.slice(1)) console.log(`${''.padEnd(24)} ${t}`);
}
console.log(
  `\n${requirements.length} requirements, ${requirements.length - broken} traced to passing tests, ${broken} without a passing test`,
);
process.exit(broken === 0 ? 0 : 1);
