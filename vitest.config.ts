import { defineConfig } from 'vitest/config';

// Every package's unit, property and model tests as vitest projects: `pnpm vitest run` at the root
// runs them all (the end-to-end specs have their own config, run by `pnpm e2e`).
export default defineConfig({
  test: { projects: ['packages/core', 'packages/scenarios', 'apps/programmer', 'apps/cli', 'apps/server'] },
});
