import { describe, expect, it } from 'vitest';
import {
  distributionOf,
  mergeSweeps,
  missingShards,
  readSweep,
  replayCommand,
  runScenario,
  type SweepRun,
  shellWord,
  sweepHtml,
  sweepResultOf,
  sweepRunOf,
} from '../src/index.ts';
import { smallScenario } from './smallScenario.ts';

const run = (
  index: number,
  seed: number,
  status: SweepRun['status'],
  delivered: number | null,
  at: number | null,
): SweepRun => ({
  index,
  seed,
  settings: {},
  status,
  failures: status === 'fail' ? ['expect[0] x: expected = 1, found 2'] : [],
  observed: { 'truth.deliveredMcg': delivered },
  firstAt: { 'alarm.lowReservoir.raised': at },
});
const head = {
  scenario: 's',
  file: 'f.yaml',
  seeds: '1..4',
  settings: [],
  observe: ['truth.deliveredMcg'],
  events: ['alarm.lowReservoir.raised'],
  shard: '1/1',
  plannedRuns: 4,
};

describe('sweep results', () => {
  it('gives the nearest-rank percentiles, the mean and equal-width bins of 1 to 10', () => {
    const d = distributionOf([10, 1, 9, 2, 8, 3, 7, 4, 6, 5], 3);
    expect(d).toMatchObject({ count: 10, min: 1, p5: 1, p50: 5, p95: 10, max: 10, mean: 5.5 });
    // bins of width 3: [1, 4) holds 1, 2, 3; [4, 7) holds 4, 5, 6; [7, 10] holds 7, 8, 9, 10
    expect(d?.histogram).toEqual([
      { from: 1, count: 3 },
      { from: 4, count: 3 },
      { from: 7, count: 4 },
    ]);
    expect(distributionOf([])).toBeNull();
    expect(distributionOf([2, 2])?.histogram).toEqual([{ from: 2, count: 2 }]);
  });

  it('keeps a run small: its verdict, the observables and the first times asked for', () => {
    const report = runScenario(smallScenario({ expect: [{ at: 'P1D', that: { 'pump.reservoirMl': 19.5 } }] }));
    expect(
      sweepRunOf({ index: 0, seed: 1, settings: {} }, report, ['truth.deliveredMcg', 'nope'], ['alarm.eos.raised']),
    ).toEqual({
      index: 0,
      seed: 1,
      settings: {},
      status: 'pass',
      failures: [],
      observed: { 'truth.deliveredMcg': 500, nope: null },
      firstAt: { 'alarm.eos.raised': null },
    });
  });

  it('totals the verdicts, lists the failed seeds, and sorts runs by their place in the sweep', () => {
    const r = sweepResultOf(head, 'n', [
      run(2, 3, 'fail', 3, 30),
      run(0, 1, 'pass', 1, null),
      run(1, 2, 'pass', 2, 10),
      run(3, 4, 'invalid', null, null),
    ]);
    expect(r.totals).toEqual({ pass: 2, fail: 1, none: 0, invalid: 1 });
    expect(r.failed.map((f) => f.seed)).toEqual([3, 4]);
    expect(r.runs.map((x) => x.index)).toEqual([0, 1, 2, 3]);
    expect(r.distributions.observed['truth.deliveredMcg']?.count).toBe(3);
    expect(r.distributions.firstAt['alarm.lowReservoir.raised']).toMatchObject({
      happened: 2,
      times: { min: 10, max: 30 },
    });
    expect(sweepHtml(r, { script: '', css: '' })).toContain('2 runs failed or were invalid. Seeds: 3, 4');
  });

  it('merges shards into the whole, refusing another sweep and a run held twice', () => {
    const whole = sweepResultOf(head, 'n', [
      run(0, 1, 'pass', 1, null),
      run(1, 2, 'pass', 2, null),
      run(2, 3, 'pass', 3, null),
      run(3, 4, 'pass', 4, null),
    ]);
    const a = sweepResultOf({ ...head, shard: '1/2' }, 'n', [whole.runs[0] as SweepRun, whole.runs[2] as SweepRun]);
    const b = sweepResultOf({ ...head, shard: '2/2' }, 'n', [whole.runs[1] as SweepRun, whole.runs[3] as SweepRun]);
    const merged = mergeSweeps([
      { file: 'b', sweep: b },
      { file: 'a', sweep: a },
    ]);
    expect(merged.ok && JSON.stringify(merged.result)).toBe(JSON.stringify(whole));
    expect(
      mergeSweeps([
        { file: 'a', sweep: a },
        { file: 'a2', sweep: a },
      ]),
    ).toEqual({ ok: false, message: 'run 0 is in both a and a2' });
    const other = { ...b, seeds: '1..5' };
    expect(
      mergeSweeps([
        { file: 'a', sweep: a },
        { file: 'o', sweep: other },
      ]).ok,
    ).toBe(false);
    expect(mergeSweeps([])).toEqual({ ok: false, message: 'no sweeps to merge' });
    expect(mergeSweeps([{ file: 'a', sweep: a }])).toEqual({
      ok: false,
      message:
        'expected every shard of the sweep (4 runs), found 2 runs in 1/2: missing shard 2/2 (merge them all, or say --partial)',
    });
    const partial = mergeSweeps([{ file: 'a', sweep: a }], { partial: true });
    expect(partial.ok && partial.result.shard).toBe('1/2');
    expect(readSweep(JSON.parse(JSON.stringify(whole)), 'w').ok).toBe(true);
    expect(readSweep({ format: 'itps-sweep/1' }, 'w').ok).toBe(false);
  });

  it('names the shards a merge misses', () => {
    expect(missingShards(['1/4'])).toEqual(['2/4', '3/4', '4/4']);
    expect(missingShards(['2/4', '1/4+4/4'])).toEqual(['3/4']);
    expect(missingShards(['1/2', '3/4'])).toEqual([]);
    expect(missingShards(['1/1', 'all'])).toEqual([]);
  });

  it('writes the command that replays a run, each word safe for a shell', () => {
    expect(replayCommand('a.yaml', { seed: 7, settings: { 'pump.therapy.doseMcgPerDay': 200 } })).toBe(
      'itps run a.yaml --seed 7 --set pump.therapy.doseMcgPerDay=200',
    );
    expect(
      replayCommand("my dir/it's.yaml", { seed: -3, settings: { name: 'a b', 'timeline[0].at': 'P1D' } }, [
        '--max-timeline',
        '20000',
      ]),
    ).toBe(
      "itps run 'my dir/it'\\''s.yaml' --seed -3 --set 'name=a b' --set 'timeline[0].at=P1D' --max-timeline 20000",
    );
    expect(replayCommand('a.yaml', { seed: 1, settings: {} }, [], 'report')).toBe('itps report a.yaml --seed 1');
    expect(shellWord('x\ny')).toBe("'x'$'\\x0a''y'");
    expect(shellWord('')).toBe("''");
    expect(shellWord('$(rm -rf ~)')).toBe("'$(rm -rf ~)'");
  });
});
