#!/usr/bin/env node
// Runs the bundled itps command line (dist/itps.mjs), rebuilding it first when any of its sources
// (this app, @itps/scenarios, @itps/core) is newer than the bundle. Plain JavaScript, so it starts
// without a TypeScript loader. Several `pnpm itps` at once (a CI matrix, a shell loop) build once:
// the first takes a lock and builds into a folder of its own, then swaps it in; the others wait.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const app = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(app, 'dist');
const bundle = join(dist, 'itps.mjs');
const lock = join(app, '.build-lock');
const sources = [join(app, 'src'), join(app, '../../packages/scenarios/src'), join(app, '../../packages/core/src')];

const newest = (dir) =>
  readdirSync(dir, { withFileTypes: true }).reduce((latest, entry) => {
    const path = join(dir, entry.name);
    return Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }, 0);
const stale = () => {
  const built = existsSync(bundle) ? statSync(bundle).mtimeMs : 0;
  return sources.some((dir) => newest(dir) > built);
};
const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

function build() {
  const out = join(app, `dist-${process.pid}`);
  const vite = join(app, 'node_modules', 'vite', 'bin', 'vite.js');
  const result = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'error', '--outDir', out], {
    cwd: app,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (result.status !== 0) {
    rmSync(out, { recursive: true, force: true });
    process.stderr.write('itps: building the command line failed\n');
    process.exit(3);
  }
  const old = join(app, `dist-old-${process.pid}`);
  if (existsSync(dist)) renameSync(dist, old);
  renameSync(out, dist);
  rmSync(old, { recursive: true, force: true });
}

if (stale()) {
  for (let waited = 0; ; waited += 100) {
    try {
      mkdirSync(lock);
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      // another itps is building: wait for it (a lock older than two minutes was left by a killed build)
      if (waited > 120_000) rmSync(lock, { recursive: true, force: true });
      sleep(100);
      if (!stale()) break;
      continue;
    }
    try {
      if (stale()) build();
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
    break;
  }
}
await import(bundle);
