import { defineConfig } from 'vitest/config';

// Benchmarks print figures; they assert only that the runs succeeded, never on timings.
export default defineConfig({ test: { name: 'cli-bench', include: ['bench/**/*.perf.ts'], testTimeout: 600_000 } });
