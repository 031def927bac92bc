// Adds up the vitest JSON reports of every package and prints the plain closing line.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

let passed = 0;
let failed = 0;
for (const dir of ['packages', 'apps']) {
  for (const pkg of readdirSync(dir)) {
    const results = join(dir, pkg, 'test-results');
    if (!existsSync(results)) continue;
    for (const file of readdirSync(results).filter((f) => f.endsWith('.json'))) {
      const report = JSON.parse(readFileSync(join(results, file), 'utf8'));
      passed += report.numPassedTests;
      failed += report.numFailedTests;
    }
  }
}
console.log(`\nitps: every step ran in ${process.argv[2] ?? '?'} s`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
