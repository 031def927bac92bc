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
  const loaded = new Map();
  const files = new Map();
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
      if (file.startsWith(sourceRoot)) mergeByLocation(files, file, coverage);
    merged += 1;
  }
  const map = libCoverage.createCoverageMap({});
  for (const [file, parts] of files) map.addFileCoverage(fileCoverageOf(file, parts));
  const context = libReport.createContext({ dir: outDir, coverageMap: map });
  for (const kind of ['json-summary', 'text-summary']) reports.create(kind).execute(context);
  return merged;
}

const where = (loc) => `${loc.start.line}:${loc.start.column}-${loc.end.line}:${loc.end.column}`;

/**
 * Adds one conversion of a source file to what is known of it, each statement, function and branch
 * keyed by where it is in the source. istanbul's own merge pairs them by their index, which differs
 * between two bundles holding the same source (the command line and its worker, each page's app):
 * merged by index, the figures depended on which bundle came first.
 */
function mergeByLocation(files, file, coverage) {
  if (!files.has(file)) files.set(file, { s: new Map(), f: new Map(), b: new Map() });
  const known = files.get(file);
  for (const [i, loc] of Object.entries(coverage.statementMap)) {
    const at = known.s.get(where(loc)) ?? { loc, count: 0 };
    at.count += coverage.s[i];
    known.s.set(where(loc), at);
  }
  for (const [i, fn] of Object.entries(coverage.fnMap)) {
    const at = known.f.get(where(fn.loc)) ?? { fn, count: 0 };
    at.count += coverage.f[i];
    known.f.set(where(fn.loc), at);
  }
  for (const [i, branch] of Object.entries(coverage.branchMap)) {
    const key = `${where(branch.loc)}/${branch.locations.length}`;
    const at = known.b.get(key) ?? { branch, counts: branch.locations.map(() => 0) };
    coverage.b[i].forEach((n, k) => {
      at.counts[k] += n;
    });
    known.b.set(key, at);
  }
}

/** istanbul's file coverage from the merged statements, functions and branches, in source order. */
function fileCoverageOf(path, { s, f, b }) {
  const byPlace = (a, z) => a[0].localeCompare(z[0], 'en', { numeric: true });
  const statements = [...s].sort(byPlace).map(([, v]) => v);
  const functions = [...f].sort(byPlace).map(([, v]) => v);
  const branches = [...b].sort(byPlace).map(([, v]) => v);
  return libCoverage.createFileCoverage({
    path,
    statementMap: Object.fromEntries(statements.map((v, i) => [i, v.loc])),
    s: Object.fromEntries(statements.map((v, i) => [i, v.count])),
    fnMap: Object.fromEntries(functions.map((v, i) => [i, v.fn])),
    f: Object.fromEntries(functions.map((v, i) => [i, v.count])),
    branchMap: Object.fromEntries(branches.map((v, i) => [i, v.branch])),
    b: Object.fromEntries(branches.map((v, i) => [i, v.counts])),
  });
}

/** Reads every JSON file of a folder. */
export function* jsonFiles(dir, names) {
  for (const name of names.filter((f) => f.endsWith('.json'))) yield JSON.parse(readFileSync(join(dir, name), 'utf8'));
}
