import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.ts';

// Stryker mutates the scenario runner (see stryker.config.json), not the parser. Two tests are left
// out of its runs: the parser's 10 000-input fuzz, which would cost half a minute for every mutant it
// covers, and the counterexample test, which checks a path relative to the repository and so fails
// inside Stryker's sandbox. Leaving a test out can only let more mutants survive, never fewer.
export default mergeConfig(
  base,
  defineConfig({
    test: {
      exclude: ['test/parseScenario.prop.test.ts', 'test/counterexample.test.ts'],
      reporters: ['default'],
    },
  }),
);
