import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'programmer',
    include: ['src/**/*.test.ts'],
    reporters: [
      'default',
      ['json', { outputFile: 'test-results/vitest.json' }],
      ['junit', { outputFile: 'test-results/junit.xml' }],
    ],
  },
});
