// pnpm coverage: every package's and app's coverage against its floors (scripts/coverageFloors.mjs),
// from the summaries the last test run wrote. Exits 1 when a floor is crossed or a summary is missing.
import { existsSync, readFileSync } from 'node:fs';
import { FLOORS, figuresLine, judgeCoverage } from './coverageFloors.mjs';

const root = process.cwd();
let crossed = 0;
for (const floor of FLOORS) {
  const summary = existsSync(floor.summary) ? JSON.parse(readFileSync(floor.summary, 'utf8')) : null;
  const problems = judgeCoverage(floor, summary, root);
  console.log(
    `${floor.name.padEnd(18)} ${problems.length === 0 ? 'holds' : 'BELOW'}   ${summary === null ? 'not measured' : figuresLine(summary)}`,
  );
  for (const p of problems) console.log(`${''.padEnd(26)}${p}`);
  crossed += problems.length;
}
console.log(crossed === 0 ? '\nevery coverage floor holds' : `\n${crossed} coverage floor(s) crossed`);
process.exit(crossed === 0 ? 0 : 1);
