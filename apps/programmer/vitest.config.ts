import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'programmer',
    include: ['src/**/*.test.ts'],
    testTimeout: 120_000,
    // structural coverage (V8) of the app's code by its unit tests, when run with --coverage (the
    // package's test script); floors in scripts/coverageFloors.mjs, figures in docs/testing.md
    coverage: {
      provider: 'v8',
      include: ['src/**/*.ts', 'src/**/*.tsx'],
      exclude: ['src/**/*.test.ts', 'src/main.tsx', 'src/vite-env.d.ts'],
      reporter: ['text-summary', 'json-summary'],
      reportsDirectory: 'test-results/coverage',
    },
    reporters: [
      'default',
      ['json', { outputFile: 'test-results/vitest.json' }],
      ['junit', { outputFile: 'test-results/junit.xml' }],
    ],
  },
});
