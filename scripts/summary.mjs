// Adds up the vitest JSON reports of every package and prints the plain closing line.
import { readTestReports } from './testResults.mjs';

let passed = 0;
let failed = 0;
for (const report of readTestReports()) {
  passed += report.numPassedTests;
  failed += report.numFailedTests;
}
console.log(`\nitps: every step ran in ${process.argv[2] ?? '?'} s`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
