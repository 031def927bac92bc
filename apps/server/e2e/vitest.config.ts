import { defineConfig } from 'vitest/config';

// The classroom end to end: the real server (HTTP, WebSocket, embedded database) serving the built
// app, one instructor and several trainees as separate Chromium contexts.
export default defineConfig({
  test: {
    name: 'server-e2e',
    include: ['e2e/**/*.spec.ts'],
    globalSetup: ['e2e/classServer.ts'],
    testTimeout: 120_000,
    hookTimeout: 60_000,
    fileParallelism: false,
    reporters: [
      'default',
      ['json', { outputFile: 'test-results/e2e.json' }],
      ['junit', { outputFile: 'test-results/e2e-junit.xml' }],
    ],
  },
});
