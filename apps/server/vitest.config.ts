import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'server',
    include: ['test/**/*.test.ts'],
    // a real PostgreSQL server beside the embedded one: the records' tests run against both
    globalSetup: ['test/postgresServer.ts'],
    // FC_SEED and FC_RUNS as in every package (seeds printed, a failure's replay command said)
    setupFiles: ['@itps/core/test-setup'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: [
      'default',
      ['json', { outputFile: 'test-results/vitest.json' }],
      ['junit', { outputFile: 'test-results/junit.xml' }],
    ],
  },
});
