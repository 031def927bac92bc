import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'cli',
    include: ['test/**/*.test.ts', 'test/**/*.spec.ts'],
    globalSetup: ['test/globalSetup.ts'],
    testTimeout: 60_000,
    reporters: [
      'default',
      ['json', { outputFile: 'test-results/vitest.json' }],
      ['junit', { outputFile: 'test-results/junit.xml' }],
    ],
  },
});
