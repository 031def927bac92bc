import { spawnSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import setup from '../test/globalSetup.ts';
import { itps, ROOT, scenarioText, scratch } from '../test/itps.ts';

// Benchmarks print figures beside their baselines from the same run; they assert only that the runs succeeded.
const library = 'packages/scenarios/scenarios';
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

/** A 90-day scenario with `n` timeline actions (boluses and interrogations, alternately). */
function timelineFile(dir: string, n: number): string {
  const step = Math.floor((89 * 86_400) / n);
  const lines = Array.from({ length: n }, (_, i) =>
    i % 2 === 0
      ? `  - { at: PT${i * step}S, action: bolus, kind: single, doseMcg: 0.1, duration: PT1M }`
      : `  - { at: PT${i * step}S, action: interrogate }`,
  );
  const file = join(dir, `t${n}.yaml`);
  writeFileSync(
    file,
    scenarioText(['timeline:', ...lines, 'expect:', '  - { event: alarm.eos.raised, never: true }']).replace(
      'P40D',
      'P90D',
    ),
  );
  return file;
}

it('itps end to end: a 7-year scenario, timelines of 1k, 10k and 100k actions, batches of 100 and 1000 files', () => {
  setup();
  const seven = `${library}/seven-year-life.scenario.yaml`;
  itps(['run', seven]); // warm the file cache
  const sevenRuns = Array.from({ length: 5 }, () => itps(['run', seven]));
  for (const r of sevenRuns) expect(r.code).toBe(0);
  const dir = scratch();
  const lengths = [1_000, 10_000, 100_000].map((n) => {
    const run = itps(['run', timelineFile(dir, n), '--max-bytes', '8000000', '--max-timeline', '100000']);
    expect(run.code).toBe(0);
    return { n, run };
  });
  const files = readdirSync(join(ROOT, library)).filter((f) => /\.scenario\.(yaml|json)$/.test(f));
  const batch = (count: number) => {
    const run = itps([
      'run',
      '--quiet',
      ...Array.from({ length: count }, (_, i) => `${library}/${files[i % files.length]}`),
    ]);
    expect(run.code).toBe(0);
    return run;
  };
  const hundred = [batch(100), batch(100), batch(100)];
  const thousand = batch(1000);
  const sevenMs = median(sevenRuns.map((r) => r.ms));
  // process start to exit as a user's shell sees it (wall clock around the whole process), beside
  // what Node and pnpm cost on their own on this machine
  const wall = (command: string, args: readonly string[]) =>
    median(
      Array.from({ length: 5 }, () => {
        const t0 = performance.now();
        const r = spawnSync(command, args, { cwd: ROOT, stdio: 'ignore', env: { ...process.env, INIT_CWD: ROOT } });
        expect(r.status).toBe(0);
        return performance.now() - t0;
      }),
    );
  const nodeAlone = wall(process.execPath, ['-e', '0']);
  const direct = wall(process.execPath, ['apps/cli/bin/itps.mjs', 'run', seven]);
  const pnpmAlone = wall('pnpm', ['--version']);
  const viaPnpm = wall('pnpm', ['itps', 'run', seven]);
  // the floor of any `pnpm itps` command on this machine: one that runs no scenario at all
  const pnpmTrivial = wall('pnpm', ['itps', '--version']);
  const perEntry = (r: { n: number; run: { ms: number } }) => (r.run.ms * 1000) / r.n;
  const first = lengths[0] as (typeof lengths)[number];
  const h = median(hundred.map((r) => r.ms));
  console.log(
    [
      '',
      `ITPS CLI benchmark (${availableParallelism()} cores; process start to exit)`,
      `  7-year scenario (2555 days, 28 refills), median of 5:  ${sevenMs.toFixed(0)} ms inside the process`,
      `    node apps/cli/bin/itps.mjs run, wall: ${direct.toFixed(0)} ms (node -e 0 alone: ${nodeAlone.toFixed(0)} ms)   goal <= 300 ms: ${direct <= 300 ? 'met' : 'NOT met'}`,
      `    pnpm itps run, wall: ${viaPnpm.toFixed(0)} ms (pnpm --version alone: ${pnpmAlone.toFixed(0)} ms; pnpm itps --version, which runs nothing: ${pnpmTrivial.toFixed(0)} ms)   goal <= 600 ms: ${viaPnpm <= 600 ? 'met' : 'NOT met'}`,
      '  timeline length (90 days; baseline: 1k actions, per action):',
      ...lengths.map(
        (l) =>
          `    ${String(l.n).padStart(6)} actions: ${String(l.run.ms).padStart(6)} ms, ${perEntry(l).toFixed(0).padStart(5)} us per action (${(perEntry(l) / perEntry(first)).toFixed(2)} x the 1k cost), peak ${l.run.maxRssMb} MB`,
      ),
      `  100 files, median of 3:  ${h} ms, ${(100 / (h / 1000)).toFixed(1)} files/s, CPU/wall ${(median(hundred.map((r) => r.cpuMs / r.ms))).toFixed(2)}, peak ${median(hundred.map((r) => r.maxRssMb))} MB`,
      `  1000 files:              ${thousand.ms} ms, ${(1000 / (thousand.ms / 1000)).toFixed(1)} files/s, CPU/wall ${(thousand.cpuMs / thousand.ms).toFixed(2)}, peak ${thousand.maxRssMb} MB (baseline: 100 files, ${median(hundred.map((r) => r.maxRssMb))} MB)`,
    ].join('\n'),
  );
});
