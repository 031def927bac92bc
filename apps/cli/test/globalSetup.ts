import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** Builds the bundle the tests run (dist/itps.mjs), once, as `pnpm itps` does: tests run what users run. */
export default function setup(): void {
  const app = fileURLToPath(new URL('..', import.meta.url));
  const vite = fileURLToPath(new URL('../node_modules/vite/bin/vite.js', import.meta.url));
  const built = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'error'], { cwd: app, encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`building the command line failed:\n${built.stderr}`);
}
