// V8 coverage (Node's NODE_V8_COVERAGE files, or Chromium's through playwright's page.coverage)
// of bundles built with source maps, mapped back to the TypeScript sources with v8-to-istanbul,
// merged over every process or page, kept to one source folder, and written as istanbul's
// json-summary (judged by scripts/coverage.mjs) and a text summary. Used by the command line's
// tests (apps/cli/test/coverageReport.mjs) and the app's Chromium specs (apps/programmer/e2e).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { mergeProcessCovs } from '@bcoe/v8-coverage';
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
  // V8 reports a block only where its count differs from the block around it, so two processes'
  // reports of one script cannot be merged after conversion (a block one process ran as often as
  // its function is absent from its report, present with 0 in another's): merge the raw reports of
  // each script first (as c8 does), then convert each script once
  const byScript = new Map();
  let merged = 0;
  for (const { path, functions } of scripts) {
    const script = { scriptId: '0', url: path, functions };
    const before = byScript.get(path);
    byScript.set(
      path,
      before === undefined ? script : mergeProcessCovs([{ result: [before] }, { result: [script] }]).result[0],
    );
    merged += 1;
  }
  const map = libCoverage.createCoverageMap({});
  for (const [path, script] of byScript) {
    const converter = v8ToIstanbul(path, 0, {
      source: readFileSync(path, 'utf8'),
      sourceMap: { sourcemap: JSON.parse(readFileSync(`${path}.map`, 'utf8')) },
    });
    await converter.load();
    converter.applyCoverage(script.functions);
    // each source is in one bundle (shared code is a chunk of its own), so files do not overlap
    for (const [file, coverage] of Object.entries(converter.toIstanbul()))
      if (file.startsWith(sourceRoot)) map.merge({ [file]: coverage });
  }
  const context = libReport.createContext({ dir: outDir, coverageMap: map });
  for (const kind of ['json-summary', 'text-summary']) reports.create(kind).execute(context);
  return merged;
}

/** Reads every JSON file of a folder. */
export function* jsonFiles(dir, names) {
  for (const name of names.filter((f) => f.endsWith('.json'))) yield JSON.parse(readFileSync(join(dir, name), 'utf8'));
}
