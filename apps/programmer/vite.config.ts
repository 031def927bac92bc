import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  // the page's bundle (about 890 kB, 270 kB gzipped, the goal is 300 kB), the exercise editor (#/author,
  // about 70 kB, loaded when first opened) and its preview worker (about 340 kB) apart
  // hidden source maps (no comment in the bundle): the Chromium specs' V8 coverage is mapped back to
  // src/ through them (e2e/coverageReport.mjs)
  build: { chunkSizeWarningLimit: 800, sourcemap: 'hidden' },
  // the exercise editor's preview runs in a module worker (ES output, like the page)
  worker: { format: 'es' },
});
