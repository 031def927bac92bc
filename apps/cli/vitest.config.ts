import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'cli',
    include: ['test/**/*.test.ts', 'test/**/*.spec.ts'],
    globalSetup: ['test/globalSetup.ts'],
    // each test runs the built itps in child processes; a busy machine makes them slower, never failed
    testTimeout: 300_000,
    hookTimeout: 300_000,
    reporters: [
      'default',
      ['json', { outputFile: 'test-results/vitest.json' }],
      ['junit', { outputFile: 'test-results/junit.xml' }],
    ],
  },
});
