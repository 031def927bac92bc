import { defineConfig } from 'vitest/config';

// Properties are budgeted by runs (numRuns, scaled by FC_RUNS), never by wall time. The time-out
// only catches a hang: it is generous and grows with FC_RUNS, so a busy machine (the whole-world
// model test took 8 s beside other jobs, REQ-RES-01 of scenarioSafety 6 s alone) makes a run slower,
// never failed. docs/testing.md, "Tests that hold on a busy machine".
const runBudget = Math.max(1, Number(process.env.FC_RUNS || 100) / 100);

export default defineConfig({
  test: {
    testTimeout: 300_000 * runBudget,
    hookTimeout: 300_000,
    name: 'core',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    setupFiles: ['test/setup.ts'],
    // structural coverage (V8) when run with --coverage (the package's test script; not Stryker's runs)
    coverage: {
      provider: 'v8',
      include: ['src/**/*.ts'],
      exclude: ['src/testing/**', 'src/**/*.test.ts', 'src/index.ts'],
      reporter: ['text-summary', 'json-summary'],
      reportsDirectory: 'test-results/coverage',
      // floors for the whole and per file: scripts/coverageFloors.mjs (pnpm coverage, a CI step)
    },
    reporters: [
      'default',
      ['json', { outputFile: 'test-results/vitest.json' }],
      ['junit', { outputFile: 'test-results/junit.xml' }],
    ],
  },
});
