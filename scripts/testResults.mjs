// Reads the vitest JSON reports every package wrote in its test-results folder.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Every vitest JSON report under packages/*, apps/* and scripts/, parsed. */
export function readTestReports() {
  const reports = [];
  if (existsSync('scripts/test-results/vitest.json'))
    reports.push(JSON.parse(readFileSync('scripts/test-results/vitest.json', 'utf8')));
  for (const dir of ['packages', 'apps']) {
    for (const pkg of readdirSync(dir)) {
      const results = join(dir, pkg, 'test-results');
      if (!existsSync(results)) continue;
      for (const file of readdirSync(results).filter((f) => f.endsWith('.json'))) {
        reports.push(JSON.parse(readFileSync(join(results, file), 'utf8')));
      }
    }
  }
  return reports;
}
