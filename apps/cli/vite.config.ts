import { defineConfig } from 'vite';

// The itps command line bundled into plain JavaScript for Node (no TypeScript loader at start-up):
// dist/itps.mjs and its worker dist/scenarioWorker.mjs. bin/itps.mjs rebuilds when sources change.
export default defineConfig({
  build: {
    ssr: true,
    outDir: 'dist',
    target: 'node20',
    emptyOutDir: true,
    minify: false,
    // source maps let a crash's stack, and the tests' V8 coverage (c8), name the TypeScript sources
    sourcemap: true,
    rollupOptions: {
      input: { itps: 'src/main.ts', scenarioWorker: 'src/scenarioWorker.ts', sweepWorker: 'src/sweepWorker.ts' },
      output: { format: 'es', entryFileNames: '[name].mjs', chunkFileNames: 'chunks/[name].mjs' },
    },
  },
  ssr: { noExternal: ['@itps/core', '@itps/scenarios', 'yaml', 'zod', 'xstate', 'commander'] },
});
