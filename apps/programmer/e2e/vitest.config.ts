import { defineConfig } from 'vitest/config';

// End-to-end specs drive Debian's Chromium through playwright-core against `vite preview`.
export default defineConfig({
  test: {
    name: 'programmer-e2e',
    include: ['e2e/**/*.spec.ts'],
    globalSetup: ['e2e/previewServer.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
    reporters: [
      'default',
      ['json', { outputFile: 'test-results/e2e.json' }],
      ['junit', { outputFile: 'test-results/e2e-junit.xml' }],
    ],
  },
});
