import { defineConfig } from 'vitest/config';

// The repository's own scripts (the safety tracer), tested like the packages.
export default defineConfig({
  test: {
    name: 'scripts',
    root: new URL('.', import.meta.url).pathname,
    include: ['*.test.mjs'],
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
  },
});
