// The app's coverage from its Chromium specs: each page the specs opened left V8's coverage of the
// app's scripts (e2e/pageCoverage.ts); each script is mapped back to src/ through the build's
// source maps (vite builds them hidden: dist/assets/*.js.map) and the pages merged
// (scripts/v8Summary.mjs), written to test-results/coverage-e2e/coverage-summary.json (judged by
// scripts/coverage.mjs), then the raw files removed. Usage: node e2e/coverageReport.mjs DIR
import { readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { jsonFiles, writeV8Summary } from '../../../scripts/v8Summary.mjs';

const app = fileURLToPath(new URL('..', import.meta.url));
const raw = resolve(app, process.argv[2] ?? 'test-results/v8-e2e');
const pages = readdirSync(raw).filter((f) => f.endsWith('.json'));
if (pages.length === 0) {
  console.error(`coverage: no page coverage in ${raw}; run the specs with ITPS_E2E_COVERAGE set`);
  process.exit(1);
}
function* scripts() {
  for (const entries of jsonFiles(raw, pages))
    for (const { url, functions } of entries) yield { path: join(app, 'dist', new URL(url).pathname), functions };
}
await writeV8Summary(scripts(), `${join(app, 'src')}/`, join(app, 'test-results/coverage-e2e'));
console.log(`(V8 coverage of the app in ${pages.length} Chromium pages, mapped to apps/programmer/src)`);
rmSync(raw, { recursive: true, force: true });
