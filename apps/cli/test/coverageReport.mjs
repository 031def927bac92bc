// The command line's coverage from its tests: every child `itps` the tests ran wrote V8's coverage
// (NODE_V8_COVERAGE, see test/itps.ts); each bundle script (dist/*.mjs, built with source maps) is
// mapped back to apps/cli/src and the runs merged (scripts/v8Summary.mjs), written to
// test-results/coverage/coverage-summary.json (judged by scripts/coverage.mjs), then the raw files
// removed. Usage: node test/coverageReport.mjs test-results/v8
import { readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { jsonFiles, writeV8Summary } from '../../../scripts/v8Summary.mjs';

const app = fileURLToPath(new URL('..', import.meta.url));
const raw = resolve(app, process.argv[2] ?? 'test-results/v8');
const dist = `file://${join(app, 'dist')}/`;
function* scripts() {
  for (const { result } of jsonFiles(raw, readdirSync(raw)))
    for (const script of result)
      if (script.url.startsWith(dist) && script.url.endsWith('.mjs'))
        yield { path: fileURLToPath(script.url), functions: script.functions };
}
const processes = readdirSync(raw).filter((f) => f.endsWith('.json')).length;
if (processes === 0) {
  console.error(`coverage: no V8 coverage in ${raw}; run the tests with ITPS_V8_COVERAGE set`);
  process.exit(1);
}
await writeV8Summary(scripts(), `${join(app, 'src')}/`, join(app, 'test-results/coverage'));
console.log(`(V8 coverage of ${processes} itps processes and their workers, mapped to apps/cli/src)`);
rmSync(raw, { recursive: true, force: true });
