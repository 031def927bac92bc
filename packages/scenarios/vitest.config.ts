import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'scenarios',
    include: ['test/**/*.test.ts'],
    setupFiles: ['../core/test/setup.ts'],
    reporters: [
      'default',
      ['json', { outputFile: 'test-results/vitest.json' }],
      ['junit', { outputFile: 'test-results/junit.xml' }],
    ],
  },
});
