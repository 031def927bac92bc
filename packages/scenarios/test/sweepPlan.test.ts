import { describe, expect, it } from 'vitest';
import { applySettings, parseSeeds, parseSetting, parseShard, planSweep } from '../src/index.ts';

describe('planning a sweep', () => {
  it('reads seeds as ranges and lists, and says what it expected when it cannot', () => {
    expect(parseSeeds('1..3,7,-2..-1')).toEqual({ ok: true, value: [1, 2, 3, 7, -2, -1] });
    expect(parseSeeds('5..1')).toEqual({ ok: false, message: 'expected a range from low to high, found "5..1"' });
    expect(parseSeeds('1..2000000').ok).toBe(false);
    expect(parseSeeds('x')).toEqual({ ok: false, message: 'expected seeds like 1..1000 or 1,2,7, found "x"' });
  });

  it('reads a setting: numbers and booleans as such, other values as text', () => {
    expect(parseSetting('pump.therapy.doseMcgPerDay=100, 150.5')).toEqual({
      ok: true,
      value: { path: 'pump.therapy.doseMcgPerDay', values: [100, 150.5] },
    });
    expect(parseSetting('timeline[0].at=P30D,P45D')).toEqual({
      ok: true,
      value: { path: 'timeline[0].at', values: ['P30D', 'P45D'] },
    });
    expect(
      parseSetting('timeline[2].bridgeBolus=true,false').ok && parseSetting('timeline[2].bridgeBolus=true').ok,
    ).toBe(true);
    expect(parseSetting('no-equals').ok).toBe(false);
  });

  it('reads a shard K/N only with 1 <= K <= N', () => {
    expect(parseShard('2/4')).toEqual({ ok: true, value: { index: 2, count: 4 } });
    for (const bad of ['0/4', '5/4', '1/0', 'a/b']) expect(parseShard(bad).ok).toBe(false);
  });

  it('plans every value with every seed in a fixed order; the shards are disjoint and make the whole', () => {
    const settings = [{ path: 'a', values: [1, 2] }];
    const whole = planSweep([10, 20, 30], settings);
    if (!whole.ok) throw new Error(whole.message);
    expect(whole.value.map((r) => [r.index, r.seed, r.settings.a])).toEqual([
      [0, 10, 1],
      [1, 20, 1],
      [2, 30, 1],
      [3, 10, 2],
      [4, 20, 2],
      [5, 30, 2],
    ]);
    const shards = [1, 2, 3].map((index) => planSweep([10, 20, 30], settings, { index, count: 3 }));
    const indexes = shards.flatMap((s) => (s.ok ? s.value.map((r) => r.index) : []));
    expect(indexes.sort()).toEqual([0, 1, 2, 3, 4, 5]);
    expect(shards[0]?.ok && shards[0].value.map((r) => r.index)).toEqual([0, 3]);
  });

  it('sets values in a copy of the document, and refuses a path that names nothing', () => {
    const doc = { pump: { therapy: { doseMcgPerDay: 100 } }, timeline: [{ at: 'P1D' }] };
    const set = applySettings(doc, { 'pump.therapy.doseMcgPerDay': 200, 'timeline[0].at': 'P2D' });
    expect(set).toEqual({ ok: true, value: { pump: { therapy: { doseMcgPerDay: 200 } }, timeline: [{ at: 'P2D' }] } });
    expect(doc.pump.therapy.doseMcgPerDay).toBe(100);
    expect(applySettings(doc, { 'patient.origin': 'spinal' })).toEqual({
      ok: false,
      message: 'patient.origin: the file has nothing at patient',
    });
    expect(applySettings(doc, { 'timeline[3].at': 'P2D' })).toEqual({
      ok: false,
      message: 'timeline[3].at: the file has nothing at 3',
    });
  });
});
