import { defineConfig } from 'vitest/config';

// Benchmarks print figures; they assert only that the two time modes agree, never on timings.
export default defineConfig({
  test: { name: 'core-bench', include: ['bench/**/*.perf.ts'], testTimeout: 300_000 },
});
