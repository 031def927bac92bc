import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';

const root = new URL('../../..', import.meta.url).pathname;
const library = 'packages/scenarios/scenarios';

/** One `itps` process from start to exit (what `pnpm itps` runs: bin/itps.mjs), timed from outside. */
function itps(args: string[]): { ms: number; code: number | null } {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [join(root, 'apps/cli/bin/itps.mjs'), ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, INIT_CWD: root },
  });
  return { ms: performance.now() - t0, code: r.status };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

it('itps end to end: a 7-year scenario, and 100 scenarios in one batch', () => {
  const seven = `${library}/seven-year-life.scenario.yaml`;
  itps(['run', seven]); // warm the file cache
  const sevenRuns = Array.from({ length: 5 }, () => itps(['run', seven]));
  for (const r of sevenRuns) expect(r.code).toBe(0);
  const files = readdirSync(join(root, library)).filter((f) => f.endsWith('.scenario.yaml'));
  const batch = Array.from({ length: 100 }, (_, i) => `${library}/${files[i % files.length]}`);
  const batchRuns = Array.from({ length: 3 }, () => itps(['run', ...batch]));
  for (const r of batchRuns) expect(r.code).toBe(0);
  const sevenMs = median(sevenRuns.map((r) => r.ms));
  const batchMs = median(batchRuns.map((r) => r.ms));
  console.log(
    [
      '',
      `ITPS CLI benchmark (${availableParallelism()} cores; process start to exit, median)`,
      `  7-year scenario (2555 days, 28 refills):  ${sevenMs.toFixed(0)} ms   goal < 1000 ms: ${sevenMs < 1000 ? 'met' : 'NOT met'}`,
      `  100 scenarios in one batch (workers):     ${batchMs.toFixed(0)} ms, ${(100 / (batchMs / 1000)).toFixed(1)} scenarios/s   goal < 10000 ms: ${batchMs < 10_000 ? 'met' : 'NOT met'}`,
    ].join('\n'),
  );
});
