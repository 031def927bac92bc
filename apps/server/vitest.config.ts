import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'server',
    include: ['test/**/*.test.ts'],
    // a real PostgreSQL server beside the embedded one: the records' tests run against both
    globalSetup: ['test/postgresServer.ts'],
    // FC_SEED and FC_RUNS as in every package (seeds printed, a failure's replay command said)
    setupFiles: ['@itps/core/test-setup'],
    // properties are budgeted by runs, not time: the time-out only catches a hang (docs/testing.md)
    testTimeout: 300_000,
    // structural coverage (V8) of the server by its tests, when run with --coverage (the package's
    // test script); floors in scripts/coverageFloors.mjs, figures in docs/testing.md
    coverage: {
      provider: 'v8',
      include: ['src/**/*.ts'],
      exclude: ['src/main.ts'],
      reporter: ['text-summary', 'json-summary'],
      reportsDirectory: 'test-results/coverage',
    },
    hookTimeout: 60_000,
    reporters: [
      'default',
      ['json', { outputFile: 'test-results/vitest.json' }],
      ['junit', { outputFile: 'test-results/junit.xml' }],
    ],
  },
});
