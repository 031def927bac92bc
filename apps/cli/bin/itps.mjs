#!/usr/bin/env node
// Runs the bundled itps command line (dist/itps.mjs), rebuilding it first when any of its sources
// (this app, @itps/scenarios, @itps/core) is newer than the bundle. Plain JavaScript, so it starts
// without a TypeScript loader.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const app = join(dirname(fileURLToPath(import.meta.url)), '..');
const bundle = join(app, 'dist', 'itps.mjs');
const sources = [join(app, 'src'), join(app, '../../packages/scenarios/src'), join(app, '../../packages/core/src')];

const newest = (dir) =>
  readdirSync(dir, { withFileTypes: true }).reduce((latest, entry) => {
    const path = join(dir, entry.name);
    return Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }, 0);

const built = existsSync(bundle) ? statSync(bundle).mtimeMs : 0;
if (sources.some((dir) => newest(dir) > built)) {
  const vite = join(app, 'node_modules', 'vite', 'bin', 'vite.js');
  const result = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'error'], {
    cwd: app,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (result.status !== 0) {
    process.stderr.write('itps: building the command line failed\n');
    process.exit(2);
  }
}
await import(bundle);
