// V8 coverage (Node's NODE_V8_COVERAGE files, or Chromium's through playwright's page.coverage)
// of bundles built with source maps, mapped back to the TypeScript sources with v8-to-istanbul,
// merged over every process or page, kept to one source folder, and written as istanbul's
// json-summary (judged by scripts/coverage.mjs) and a text summary. Used by the command line's
// tests (apps/cli/test/coverageReport.mjs) and the app's Chromium specs (apps/programmer/e2e).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import libCoverage from 'istanbul-lib-coverage';
import libReport from 'istanbul-lib-report';
import reports from 'istanbul-reports';
import v8ToIstanbul from 'v8-to-istanbul';

/**
 * @param {Iterable<{ path: string, functions: object[] }>} scripts each script's bundle file on disk
 *   (its source map beside it, `.map`) and V8's function coverage of it in one process or page
 * @param {string} sourceRoot only sources under this folder are kept (an absolute path ending in /)
 * @param {string} outDir where coverage-summary.json is written
 * @returns {Promise<number>} how many script coverages were merged
 */
export async function writeV8Summary(scripts, sourceRoot, outDir) {
  const map = libCoverage.createCoverageMap({});
  const loaded = new Map();
  let merged = 0;
  for (const { path, functions } of scripts) {
    if (!loaded.has(path))
      loaded.set(path, {
        source: readFileSync(path, 'utf8'),
        sourceMap: { sourcemap: JSON.parse(readFileSync(`${path}.map`, 'utf8')) },
      });
    const converter = v8ToIstanbul(path, 0, loaded.get(path));
    await converter.load();
    converter.applyCoverage(functions);
    for (const [file, coverage] of Object.entries(converter.toIstanbul()))
      if (file.startsWith(sourceRoot)) map.merge({ [file]: coverage });
    merged += 1;
  }
  const context = libReport.createContext({ dir: outDir, coverageMap: map });
  for (const kind of ['json-summary', 'text-summary']) reports.create(kind).execute(context);
  return merged;
}

/** Reads every JSON file of a folder. */
export function* jsonFiles(dir, names) {
  for (const name of names.filter((f) => f.endsWith('.json'))) yield JSON.parse(readFileSync(join(dir, name), 'utf8'));
}
