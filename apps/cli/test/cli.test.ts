import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseScenario, runScenario } from '@itps/scenarios';
import { describe, expect, it } from 'vitest';
// The counterexample writer is the scenarios package's test kit; the command line must replay what it writes.
import { assertScenarioProperty } from '../../../packages/scenarios/test/assertScenarioProperty.ts';
import { scenarioArb } from '../../../packages/scenarios/test/scenarioArb.ts';
import { childEnv, itps, ROOT, scenarioText, scratch } from './itps.ts';

const withoutInitCwd = (env: NodeJS.ProcessEnv): NodeJS.ProcessEnv =>
  Object.fromEntries(Object.entries(env).filter(([k]) => k !== 'INIT_CWD'));

const parse = (file: string) => {
  const parsed = parseScenario(readFileSync(file, 'utf8'), file);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.scenario;
};
const example = 'packages/scenarios/scenarios/contract-example.scenario.yaml';

describe('itps command line', () => {
  it('run: passes the contract example with exit 0 and a short summary', () => {
    const r = itps(['run', example]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      `PASS ${example}: Low-reservoir alarm on a 20 mL pump (seed 7, P60D, 5/5 expectations held)\n`,
    );
    expect(r.stderr).toBe('');
  });

  it('run --json: prints an itps-report/1 with its file and verdict, byte-identical run after run', () => {
    const a = itps(['run', example, '--json']);
    const b = itps(['run', example, '--json']);
    expect(a.code).toBe(0);
    const report = JSON.parse(a.stdout);
    expect(report).toMatchObject({ file: example, status: 'pass', format: 'itps-report/1', seed: 7 });
    expect(report.startsAt).toBe('2026-01-05T08:00');
    expect(report.expectations[0]).toMatchObject({ index: 0, passed: true });
    expect(report.events[0]).toEqual({ at: 3_110_400_000, when: 'P36D', type: 'alarm.lowReservoir.raised' });
    expect(a.stdout).toBe(b.stdout);
    const seeded = JSON.parse(itps(['run', example, '--json', '--seed', '11']).stdout);
    expect(seeded.seed).toBe(11);
  });

  it('run: exits 1 when an expectation fails, and names the observable, the time, expected and found', () => {
    const dir = scratch();
    writeFileSync(
      join(dir, 'failing.yaml'),
      scenarioText([
        'expect:',
        '  - at: P10D',
        '    that: { alarm.lowReservoir: active, pump.reservoirMl: { near: 15, within: 0.01 } }',
      ]),
    );
    const r = itps(['run', 'failing.yaml'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(
      [
        'FAIL failing.yaml: hand-made (seed 1, P40D, 0/1 expectations held)',
        '  expect[0] at P10D: alarm.lowReservoir: expected = active, found inactive',
        '',
      ].join('\n'),
    );
  });

  it('run: several files run on the pool, each reported once as it finishes, with the totals', () => {
    const files = ['single-bolus', 'pocket-fill', 'subdural-tip'].map(
      (n) => `packages/scenarios/scenarios/${n}.scenario.yaml`,
    );
    const r = itps(['run', ...files]);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(
      lines
        .slice(0, 3)
        .map((l) => l.split(' ')[1])
        .sort(),
    ).toEqual(files.map((f) => `${f}:`).sort());
    expect(lines[3]).toBe('3 passed, 0 failed, 0 without expectations, 0 invalid (3 files)');
    const withBad = itps(['run', ...files, 'missing.yaml']);
    expect(withBad.code).toBe(2);
    expect(withBad.stderr).toContain(
      'missing.yaml: (document): expected a readable scenario file, found no such file or folder (ENOENT)',
    );
    expect(withBad.stdout).toContain('3 passed, 0 failed, 0 without expectations, 1 invalid (4 files)');
  });

  it('validate and run: exit 2 for bad input, one message per problem on standard error', () => {
    const dir = scratch();
    writeFileSync(
      join(dir, 'bad.json'),
      JSON.stringify({ format: 'itps-scenario/1', name: 'x', duration: 'P1X', pump: {} }),
    );
    const v = itps(['validate', 'bad.json'], dir);
    expect(v.code).toBe(2);
    expect(v.stdout).toBe('');
    expect(v.stderr).toContain('bad.json: duration: expected an ISO 8601 duration');
    expect(v.stderr).toContain('bad.json: pump.model: expected one of');
    expect(itps(['run', example, '--seed', 'x']).code).toBe(2);
    expect(itps(['validate', example]).stdout).toBe(`valid ${example}\n`);
  });

  it('--version, and help on an unknown command, exit 0 and 2', () => {
    const version = itps(['--version']);
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toBe(JSON.parse(readFileSync(join(ROOT, 'apps/cli/package.json'), 'utf8')).version);
    const unknown = itps(['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("unknown command 'frobnicate'");
  });

  it('pnpm itps works from a package folder too, with paths relative to that folder (it exited 254 silently)', () => {
    const pnpm = process.env.npm_execpath;
    const r = spawnSync(
      pnpm?.endsWith('.cjs') || pnpm?.endsWith('.js') ? process.execPath : 'pnpm',
      [
        ...(pnpm?.endsWith('.cjs') || pnpm?.endsWith('.js') ? [pnpm] : []),
        'itps',
        'run',
        '../scenarios/scenarios/single-bolus.scenario.yaml',
      ],
      // pnpm sets INIT_CWD itself: the environment the tests run in, less that, plus coverage when measured
      {
        cwd: join(ROOT, 'packages/core'),
        encoding: 'utf8',
        env: withoutInitCwd(childEnv(join(ROOT, 'packages/core'))),
      },
    );
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('PASS ../scenarios/scenarios/single-bolus.scenario.yaml');
  });

  it('run: replays the scenario a failing property wrote to the same failure, exit 1', () => {
    const file = assertScenarioProperty(
      'DEMO-NEVER-LOW-CLI',
      scenarioArb.map((s) => ({ ...s, expect: [{ event: 'alarm.lowReservoir.raised', never: true as const }] })),
      (s) => runScenario(s).passed,
      { seed: 20261122 },
      { throwOnFailure: false },
    );
    if (file === null) throw new Error('the demonstration property held');
    const inProcess = runScenario(parse(file));
    const r = itps(['run', file, '--json']);
    expect(r.code).toBe(1);
    const replayed = JSON.parse(r.stdout);
    expect(replayed.passed).toBe(false);
    expect(replayed.expectations).toEqual(JSON.parse(JSON.stringify(inProcess.expectations)));
    expect(replayed.expectations[0].passed).toBe(false);
  });
});
