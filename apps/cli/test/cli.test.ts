import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseScenario, runScenario } from '@itps/scenarios';
import { describe, expect, it } from 'vitest';
// The counterexample writer is the scenarios package's test kit; the command line must replay what it writes.
import { assertScenarioProperty } from '../../../packages/scenarios/test/assertScenarioProperty.ts';
import { scenarioArb } from '../../../packages/scenarios/test/scenarioArb.ts';

const root = new URL('../../..', import.meta.url).pathname;
const tsx = join(root, 'node_modules/.bin/tsx');
const main = join(root, 'apps/cli/src/main.ts');
const parse = (file: string) => {
  const parsed = parseScenario(readFileSync(file, 'utf8'), file);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.scenario;
};
const example = 'packages/scenarios/scenarios/contract-example.scenario.yaml';

/** Runs `itps` as a user would, from a directory, and returns its exit code and output. */
const itps = (args: string[], cwd = root) => {
  const r = spawnSync(tsx, [main, ...args], { cwd, encoding: 'utf8', env: { ...process.env, INIT_CWD: cwd } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

describe('itps command line', () => {
  it('run: passes the contract example with exit 0 and a short summary', () => {
    const r = itps(['run', example]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('PASS');
    expect(r.stdout).toContain('5/5 expectations held');
  });

  it('run --json: prints an itps-report/1 that is byte-identical run after run', () => {
    const a = itps(['run', example, '--json']);
    const b = itps(['run', example, '--json']);
    expect(a.code).toBe(0);
    const report = JSON.parse(a.stdout);
    expect(report.format).toBe('itps-report/1');
    expect(report.seed).toBe(7);
    expect(report.expectations[0]).toMatchObject({ index: 0, passed: true });
    expect(report.events[0]).toEqual({ at: expect.any(Number), type: 'alarm.lowReservoir.raised' });
    expect(a.stdout).toBe(b.stdout);
    const seeded = JSON.parse(itps(['run', example, '--json', '--seed', '11']).stdout);
    expect(seeded.seed).toBe(11);
  });

  it('run: exits 1 when an expectation fails, and says which and what was found', () => {
    const dir = mkdtempSync(join(tmpdir(), 'itps-'));
    writeFileSync(
      join(dir, 'failing.yaml'),
      [
        'format: itps-scenario/1',
        'name: wrong expectation',
        'duration: P40D',
        'pump:',
        '  model: synchromed-ii-20',
        '  reservoir: { volumeMl: 20, drug: baclofen, concentrationMcgPerMl: 500 }',
        '  catheter: { implantedLengthCm: 40 }',
        '  therapy: { mode: simple, doseMcgPerDay: 250 }',
        'expect:',
        '  - at: P10D',
        '    that: { alarm.lowReservoir: active }',
      ].join('\n'),
    );
    const r = itps(['run', 'failing.yaml'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('FAIL failing.yaml');
    expect(r.stdout).toContain(
      'expect[0] at P10D: expected {"alarm.lowReservoir":"active"}, found {"alarm.lowReservoir":"inactive"}',
    );
  });

  it('run: several files go through worker threads, reported in the order given', () => {
    const files = ['single-bolus', 'pocket-fill', 'subdural-tip'].map(
      (n) => `packages/scenarios/scenarios/${n}.scenario.yaml`,
    );
    const r = itps(['run', ...files]);
    expect(r.code).toBe(0);
    const order = r.stdout
      .trim()
      .split('\n')
      .map((line) => line.split(' ')[1]);
    expect(order).toEqual(files.map((f) => `${f}:`));
    expect(r.stderr).not.toContain('scenarios');
    const withBad = itps(['run', ...files, 'missing.yaml']);
    expect(withBad.code).toBe(2);
  });

  it('validate and run: exit 2 for bad input, one message per problem naming file, path, expected and found', () => {
    const dir = mkdtempSync(join(tmpdir(), 'itps-'));
    writeFileSync(
      join(dir, 'bad.json'),
      JSON.stringify({ format: 'itps-scenario/1', name: 'x', duration: 'P1X', pump: {} }),
    );
    const v = itps(['validate', 'bad.json'], dir);
    expect(v.code).toBe(2);
    expect(v.stdout).toContain('bad.json: duration: expected an ISO 8601 duration');
    expect(v.stdout).toContain('bad.json: pump.model: expected one of');
    const missing = itps(['run', 'nope.yaml'], dir);
    expect(missing.code).toBe(2);
    expect(missing.stdout).toContain('nope.yaml: (document): expected a readable scenario file, found no such file');
    expect(itps(['run', example, '--seed', 'x']).code).toBe(2);
    expect(itps(['validate', example]).stdout).toContain(`valid ${example}`);
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
