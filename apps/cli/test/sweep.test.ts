import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundlePath, childEnv, itps, ROOT, scenarioText, scratch } from './itps.ts';

// Sweeps: many seeds and parameter values of one scenario, sharded and merged back to the same bytes.
const nominal = 'packages/scenarios/scenarios/nominal-accuracy-drift.scenario.json';
const read = (dir: string) => readFileSync(join(dir, 'sweep.json'), 'utf8');

describe('itps sweep and merge', () => {
  it('sweeps 60 seeds; three shards merged give the same sweep.json, byte for byte', () => {
    const out = scratch();
    const whole = itps(['sweep', nominal, '--seeds', '1..60', '--out', join(out, 'whole')]);
    expect(whole.code).toBe(0);
    expect(whole.stdout).toContain('60 of 60 runs (shard 1/1): 60 passed, 0 failed');
    expect(whole.stdout).toMatch(/truth\.deliveredMcg: min [\d.]+, p5 [\d.]+, median [\d.]+, p95 [\d.]+, max [\d.]+/);
    for (const k of [1, 2, 3]) {
      const shard = itps(['sweep', nominal, '--seeds', '1..60', '--shard', `${k}/3`, '--out', join(out, `s${k}`)]);
      expect(shard.code).toBe(0);
      expect(shard.stdout).toContain(`20 of 60 runs (shard ${k}/3)`);
    }
    const merged = itps([
      'merge',
      ...[3, 1, 2].map((k) => join(out, `s${k}`, 'sweep.json')),
      '--out',
      join(out, 'merged'),
    ]);
    expect(merged.code).toBe(0);
    expect(read(join(out, 'merged'))).toBe(read(join(out, 'whole')));
    const sweep = JSON.parse(read(join(out, 'whole')));
    expect(sweep.runs.map((r: { seed: number }) => r.seed)).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
    // the nominal pump delivers within its +-2.5 % specification: 7500 mcg in 30 days, give or take 187.5
    const d = sweep.distributions.observed['truth.deliveredMcg'];
    expect(d.min).toBeGreaterThanOrEqual(7312.5);
    expect(d.max).toBeLessThanOrEqual(7687.5);
    expect(d.histogram.reduce((n: number, b: { count: number }) => n + b.count, 0)).toBe(60);
  });

  it('sweeps a parameter: every dose with every seed, and names the seeds that failed', () => {
    const dir = scratch();
    writeFileSync(
      join(dir, 'low.yaml'),
      scenarioText(['expect:', '  - { event: alarm.lowReservoir.raised, never: true }']).replace(
        'duration: P40D',
        'duration: P29D',
      ),
    );
    // 20 mL, alarm at 2 mL: 18 mL last 36 days at 250 mcg/day, 30 days at 300, 22.5 at 400
    const r = itps(
      [
        'sweep',
        'low.yaml',
        '--seeds',
        '1..3',
        '--set',
        'pump.therapy.doseMcgPerDay=250,300,400',
        '--event',
        'alarm.lowReservoir.raised',
        '--out',
        'out',
      ],
      dir,
    );
    expect(r.code).toBe(1);
    const sweep = JSON.parse(read(join(dir, 'out')));
    expect(sweep.totals).toEqual({ pass: 6, fail: 3, none: 0, invalid: 0 });
    expect(sweep.failed).toEqual([
      { index: 6, seed: 1, settings: { 'pump.therapy.doseMcgPerDay': 400 } },
      { index: 7, seed: 2, settings: { 'pump.therapy.doseMcgPerDay': 400 } },
      { index: 8, seed: 3, settings: { 'pump.therapy.doseMcgPerDay': 400 } },
    ]);
    expect(sweep.distributions.firstAt['alarm.lowReservoir.raised']).toMatchObject({
      happened: 3,
      times: { min: 22.5 * 86_400_000, max: 22.5 * 86_400_000 },
    });
    expect(r.stdout).toContain('failed seeds: 1 {"pump.therapy.doseMcgPerDay":400}');
    expect(readFileSync(join(dir, 'out', 'sweep.html'), 'utf8')).toContain(
      'first time, in days (happened in 3 of 9 runs)',
    );
  });

  it.each([
    [['--seeds', '10..1'], 'expected a range from low to high, found "10..1"'],
    [['--seeds', 'many'], 'expected seeds like 1..1000 or 1,2,7, found "many"'],
    [['--seeds', '1..5', '--shard', '4/3'], 'expected K/N with 1 <= K <= N, such as 2/4, found "4/3"'],
    [['--seeds', '1..5', '--set', 'dose'], 'expected PATH=VALUE[,VALUE...]'],
    [['--seeds', '1..5', '--event', 'alarm.nope'], 'expected event names of the format, found alarm.nope'],
  ])('refuses %j with exit 2', (args, message) => {
    const r = itps(['sweep', nominal, ...args, '--out', scratch()]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  });

  it('prints the command that replays each failed run; that command, run, fails the same way', () => {
    const dir = scratch();
    // at 200 mcg/day the reservoir holds 8 mL at day 30, not the 5 the file expects: every seed
    // fails, and the real reservoir (the pump's accuracy, drawn from the seed) differs by seed
    const r = itps(['sweep', nominal, '--seeds', '1..10', '--set', 'pump.therapy.doseMcgPerDay=200', '--out', dir]);
    expect(r.code).toBe(1);
    const sweep = JSON.parse(read(dir));
    expect(sweep.totals.fail).toBe(10);
    const replays = r.stdout.split('\n').filter((l) => l.startsWith('  replay: '));
    expect(replays).toHaveLength(10);
    expect(replays[6]).toBe(`  replay: itps run ${nominal} --seed 7 --set pump.therapy.doseMcgPerDay=200`);
    const founds = new Set<string>();
    for (const k of [2, 6]) {
      const command = (replays[k] ?? '').slice('  replay: '.length);
      // run as printed, by a shell, with itps the built command line
      const replayed = spawnSync('bash', ['-c', `itps() { "${process.execPath}" "${bundlePath}" "$@"; }\n${command}`], {
        cwd: ROOT,
        encoding: 'utf8',
        env: childEnv(ROOT),
      });
      expect(replayed.status, replayed.stderr).toBe(1);
      const run = sweep.runs[k];
      expect(run.failures.length).toBeGreaterThan(0);
      for (const failure of run.failures) {
        // the sweep's words for a failed expectation are the run's, after its subject's place
        expect(replayed.stdout).toContain(failure.replace(/^expect\[\d+\] /, ''));
        founds.add(failure);
      }
      expect(replayed.stdout).toContain(`(seed ${k + 1},`);
      // the same words through itps report, with --out
      const out = join(scratch(), 'report');
      const report = spawnSync(
        'bash',
        [
          '-c',
          `itps() { "${process.execPath}" "${bundlePath}" "$@"; }\n${command.replace(' run ', ' report ')} --out ${out}`,
        ],
        { cwd: ROOT, encoding: 'utf8', env: childEnv(ROOT) },
      );
      expect(report.status, report.stderr).toBe(1);
      expect(JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')).passed).toBe(false);
    }
    // two seeds, two different real reservoirs: the seed mattered, and the replay kept it
    const truths = [...founds].filter((f) => f.includes('truth.reservoirMl'));
    expect(new Set(truths).size).toBe(2);
    // without --set the file passes with that seed: the setting is what the replay must carry
    expect(itps(['run', nominal, '--seed', '7']).code).toBe(0);
  });

  it('refuses to merge shards of different sweeps, or a run two shards both hold', () => {
    const out = scratch();
    itps(['sweep', nominal, '--seeds', '1..4', '--out', join(out, 'a')]);
    itps(['sweep', nominal, '--seeds', '1..5', '--out', join(out, 'b')]);
    const other = itps(['merge', join(out, 'a', 'sweep.json'), join(out, 'b', 'sweep.json'), '--out', join(out, 'm')]);
    expect(other.code).toBe(2);
    expect(other.stderr).toContain('is a shard of another sweep');
    const twice = itps(['merge', join(out, 'a', 'sweep.json'), join(out, 'a', 'sweep.json'), '--out', join(out, 'm')]);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toContain('run 0 is in both');
    // one shard of three is not the sweep: refused, naming the shards missing, unless --partial
    itps(['sweep', nominal, '--seeds', '1..6', '--shard', '1/3', '--out', join(out, 's1')]);
    const single = itps(['merge', join(out, 's1', 'sweep.json'), '--out', join(out, 'm1')]);
    expect(single.code).toBe(2);
    expect(single.stderr).toContain(
      'itps merge: expected every shard of the sweep (6 runs), found 2 runs in 1/3: missing shards 2/3, 3/3 (merge them all, or say --partial)',
    );
    const partial = itps(['merge', join(out, 's1', 'sweep.json'), '--partial', '--out', join(out, 'm1')]);
    expect(partial.code).toBe(0);
    expect(partial.stdout).toContain('2 of 6 runs (shard 1/3)');
    writeFileSync(join(out, 'bad.json'), '{"format":"itps-sweep/1"}');
    const bad = itps(['merge', join(out, 'bad.json'), '--out', join(out, 'm')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('bad.json: notice: expected a string');
  });
});

describe('itps diff', () => {
  it('names every observable and event that moved between two seeds, and agrees with itself', () => {
    const dir = scratch();
    writeFileSync(join(dir, 'a.json'), itps(['run', nominal, '--json', '--seed', '1']).stdout);
    writeFileSync(join(dir, 'b.json'), itps(['run', nominal, '--json', '--seed', '2']).stdout);
    const same = itps(['diff', 'a.json', 'a.json'], dir);
    expect(same.code).toBe(0);
    expect(same.stdout).toBe('a.json and a.json agree\n');
    const moved = itps(['diff', 'a.json', 'b.json'], dir);
    expect(moved.code).toBe(1);
    expect(moved.stdout).toContain('seed: 1 -> 2');
    expect(moved.stdout).toMatch(/final\.truth\.truth\.deliveredMcg: 7368\.675 -> 7497\.09 \(\+128\.415\)/);
    expect(moved.stdout).not.toContain('final.belief');
    const loose = itps(['diff', 'a.json', 'b.json', '--tolerance', '1000'], dir);
    expect(loose.stdout).not.toContain('deliveredMcg');
  });

  it('compares event times within a tolerance, and refuses what is not a report', () => {
    const dir = scratch();
    const example = 'packages/scenarios/scenarios/contract-example.scenario.yaml';
    writeFileSync(join(dir, 'golden.json'), itps(['run', example, '--json']).stdout);
    const late = JSON.parse(readFileSync(join(dir, 'golden.json'), 'utf8'));
    late.events[0].at += 60_000;
    writeFileSync(join(dir, 'late.json'), JSON.stringify(late));
    const strict = itps(['diff', 'golden.json', 'late.json'], dir);
    expect(strict.code).toBe(1);
    expect(strict.stdout).toContain('event alarm.lowReservoir.raised first: P36D -> P36DT1M (+PT1M)');
    expect(itps(['diff', 'golden.json', 'late.json', '--time-tolerance', 'PT5M'], dir).code).toBe(0);
    writeFileSync(join(dir, 'junk.json'), '{"format":"itps-report/1"}');
    const junk = itps(['diff', 'golden.json', 'junk.json'], dir);
    expect(junk.code).toBe(2);
    expect(junk.stderr).toContain('junk.json: name: expected a string');
    writeFileSync(join(dir, 'broken.json'), '{');
    expect(itps(['diff', 'golden.json', 'broken.json'], dir).stderr).toContain(
      'broken.json: (document): expected a JSON file written by itps',
    );
  });
});
