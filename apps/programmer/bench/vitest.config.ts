import { defineConfig } from 'vitest/config';

// The app's benchmarks: figures only, against the built app served by vite preview.
export default defineConfig({
  test: {
    name: 'programmer-bench',
    include: ['bench/**/*.perf.ts'],
    globalSetup: ['e2e/previewServer.ts'],
    testTimeout: 120_000,
  },
});
