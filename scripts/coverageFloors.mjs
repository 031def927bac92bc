// The coverage floors of every package and app, judged from the json-summary each test run writes
// (vitest's V8 coverage; c8's for the command line, whose tests run the built bundle in child
// processes). Pure, so it is tested (scripts/coverageFloors.test.mjs); scripts/coverage.mjs reads
// the files and exits 1 when a floor is crossed. Floors sit just under the figures measured when
// they were set (docs/testing.md, "Structural coverage"); raise them as the figures rise.

/** Each package's summary file, its floors for the whole, and per-file floors for its critical code. */
export const FLOORS = [
  {
    name: 'packages/core',
    summary: 'packages/core/test-results/coverage/coverage-summary.json',
    // measured: lines 99.8 %, statements 99.45 %, functions 99.53 %, branches 97.09 % (1703 of 1754)
    total: { lines: 99.6, statements: 99.3, functions: 99.3, branches: 96.8 },
    files: [
      // the kernels, every file on its own: all at 100 % of lines and functions today; the lowest
      // statements 93.33 % and branches 94.11 % (pumpStatus.ts). deviceProfile.ts is a table with
      // two look-ups, one used only by the scenario parser (its own floor below)
      {
        under: 'packages/core/src/pump/',
        except: ['deviceProfile.ts'],
        lines: 100,
        functions: 100,
        statements: 93,
        branches: 94,
      },
      { under: 'packages/core/src/pump/deviceProfile.ts', lines: 80, functions: 50 },
      { under: 'packages/core/src/units/', lines: 100, functions: 100, statements: 100, branches: 97 },
      // the one therapy gate (100 % of lines today, branches 96.92 % and 98.87 %); reworked in this
      // session, so a floor of 95 % of lines until it settles
      { under: 'packages/core/src/programmer/therapyGate.ts', lines: 95 },
      { under: 'packages/core/src/programmer/guardRails.ts', lines: 95 },
    ],
  },
  {
    name: 'packages/scenarios',
    summary: 'packages/scenarios/test-results/coverage/coverage-summary.json',
    // measured: lines 94.89 %, statements 93.93 %, functions 96.03 %, branches 90.59 % (1571 of 1734);
    // the classroom's frame reader here is tested by the server's tests, not counted here
    total: { lines: 94.7, statements: 93.7, functions: 95.8, branches: 90.3 },
    files: [],
  },
  {
    // V8 coverage of the built itps in the child processes its tests run (apps/cli/test/coverageReport.mjs)
    name: 'apps/cli',
    summary: 'apps/cli/test-results/coverage/coverage-summary.json',
    // measured: lines 94.5 %, statements 94.5 % (1306 of 1382), functions 95.83 % (69 of 72),
    // branches 85.22 % (323 of 379; a branch either way with the order the runs are merged in)
    total: { lines: 94.3, statements: 94.3, functions: 95.5, branches: 84.5 },
    files: [],
  },
  {
    name: 'apps/server',
    summary: 'apps/server/test-results/coverage/coverage-summary.json',
    // measured: lines 93.62 %, statements 90.59 %, functions 94.5 %, branches 79.14 % (353 of 446)
    total: { lines: 93.4, statements: 90.3, functions: 94.2, branches: 78.9 },
    files: [],
  },
  {
    // the app's unit tests alone: most of the app is checked in Chromium (next row)
    name: 'apps/programmer',
    summary: 'apps/programmer/test-results/coverage/coverage-summary.json',
    // measured: lines 5.21 %, statements 5.05 %, functions 3.61 %, branches 4.15 %
    total: { lines: 5, statements: 4.8, functions: 3.4, branches: 3.9 },
    files: [],
  },
  {
    // V8 coverage of the app in Chromium while the specs drive it (apps/programmer/e2e/pageCoverage.ts)
    name: 'apps/programmer (Chromium specs)',
    summary: 'apps/programmer/test-results/coverage-e2e/coverage-summary.json',
    // measured with programmer.spec.ts alone (13 tests): lines 58.05 %, functions 55.78 %, branches
    // 75.07 %; every spec covers more: raise these to just under the figure of a whole npm test
    total: { lines: 57.8, statements: 57.8, functions: 55.5, branches: 74.8 },
    files: [],
  },
];

const METRICS = ['lines', 'statements', 'functions', 'branches'];

/**
 * Every floor crossed, in words, for one package's summary (istanbul's json-summary: `total` and
 * one entry per absolute file path). A summary that is missing, or a per-file floor that matches no
 * file, is a failure too: a floor over nothing would pass for ever.
 * @param {{ name: string, total: Record<string, number>, files: { under: string, except?: string[], lines?: number, branches?: number, statements?: number, functions?: number }[] }} floor
 * @param {Record<string, Record<string, { pct: number, covered: number, total: number }>> | null} summary
 * @param {string} root the repository's root, to name files from it
 */
export function judgeCoverage(floor, summary, root) {
  if (summary === null) return [`${floor.name}: no coverage summary (run its tests with coverage first)`];
  const problems = [];
  const pct = (m) => (m.total === 0 ? 100 : m.pct);
  for (const metric of METRICS) {
    const min = floor.total[metric];
    const m = summary.total?.[metric];
    if (min === undefined) continue;
    if (m === undefined) problems.push(`${floor.name}: no ${metric} figure in its summary`);
    else if (pct(m) < min)
      problems.push(`${floor.name}: ${metric} ${pct(m)} % is under its floor of ${min} % (${m.covered} of ${m.total})`);
  }
  const files = Object.entries(summary).filter(([file]) => file !== 'total');
  for (const f of floor.files) {
    const matched = files.filter(([file]) => {
      const path = file.replace(`${root}/`, '');
      return path.startsWith(f.under) && !(f.except ?? []).some((name) => path.endsWith(`/${name}`));
    });
    if (matched.length === 0) problems.push(`${floor.name}: no file measured under ${f.under}`);
    for (const [file, figures] of matched)
      for (const metric of METRICS) {
        const min = f[metric];
        if (min === undefined) continue;
        const m = figures[metric];
        if (pct(m) < min)
          problems.push(
            `${file.replace(`${root}/`, '')}: ${metric} ${pct(m)} % is under its per-file floor of ${min} % (${m.covered} of ${m.total})`,
          );
      }
  }
  return problems;
}

/** A package's figures in one line: `lines 99.6 %, statements 99.5 %, functions 99.8 %, branches 98.8 %`. */
export const figuresLine = (summary) => METRICS.map((m) => `${m} ${summary.total[m].pct} %`).join(', ');
