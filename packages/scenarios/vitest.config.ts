import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'scenarios',
    include: ['test/**/*.test.ts'],
    // By package name, so the file is found from Stryker's sandbox too.
    setupFiles: ['@itps/core/test-setup'],
    reporters: [
      'default',
      ['json', { outputFile: 'test-results/vitest.json' }],
      ['junit', { outputFile: 'test-results/junit.xml' }],
    ],
  },
});
