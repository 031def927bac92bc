import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
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
      // the QA issue's floor for branches (today 98.8 %, the same under other seeds); the others just
      // under today's figures. Unreachable branches carry a `v8 ignore` hint with the reason (docs/testing.md)
      thresholds: { branches: 98, lines: 99, functions: 99, statements: 99 },
    },
    reporters: [
      'default',
      ['json', { outputFile: 'test-results/vitest.json' }],
      ['junit', { outputFile: 'test-results/junit.xml' }],
    ],
  },
});
