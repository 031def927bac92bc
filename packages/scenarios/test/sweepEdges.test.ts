import { describe, expect, it } from 'vitest';
import {
  applySettings,
  MAX_SWEEP_RUNS,
  planSweep,
  runScenario,
  type SweepRun,
  sweepHtml,
  sweepResultOf,
  sweepRunOf,
} from '../src/index.ts';
import { SMALL_SCENARIO, smallScenario } from './smallScenario.ts';

// A sweep at its edges: runs with no verdict, a failing run's settings, hundreds of failures, no
// value for an observable, paths that name nothing, and a plan past the limit.
const chart = { script: '', css: '' };
const head = {
  scenario: 's',
  file: 'f.yaml',
  seeds: '1..300',
  settings: ['pump.therapy.doseMcgPerDay=100,200'],
  observe: ['truth.deliveredMcg'],
  events: ['alarm.lowReservoir.raised'],
  shard: '1/1',
  plannedRuns: 300,
};
const failing = (index: number): SweepRun => ({
  index,
  seed: index + 1,
  settings: { 'pump.therapy.doseMcgPerDay': 100 },
  status: 'fail',
  failures: ['expect[0]'],
  observed: { 'truth.deliveredMcg': null },
  firstAt: { 'alarm.lowReservoir.raised': null },
});

describe('a sweep at its edges', () => {
  it('a run with no expectation and no check has no verdict; a failed one keeps what failed', () => {
    const plan = { index: 0, seed: 1, settings: {} };
    expect(sweepRunOf(plan, runScenario(smallScenario()), [], []).status).toBe('none');
    const failed = runScenario(smallScenario({ expect: [{ at: 'P1D', that: { 'truth.deliveredMcg': 1 } }] }));
    const r = sweepRunOf(plan, failed, ['truth.deliveredMcg', 'pump.nothing'], ['bolus.started']);
    expect(r.status).toBe('fail');
    expect(r.failures[0]).toMatch(/^expect\[0\] truth\.deliveredMcg: expected = 1, found /);
    expect(r.observed['pump.nothing']).toBeNull();
    expect(r.firstAt['bolus.started']).toBeNull();
  });

  it('the page names the settings of failed seeds, shortens past 200 of them, and says when an observable had no value', () => {
    const result = sweepResultOf(
      head,
      'n',
      Array.from({ length: 201 }, (_, i) => failing(i)),
    );
    const html = sweepHtml(result, chart);
    expect(html).toContain('1 ({&quot;pump.therapy.doseMcgPerDay&quot;:100})');
    expect(html).toContain(', ...</p>');
    expect(html).toContain('<td colspan="7">no values</td>');
    expect(html).toContain('&middot; pump.therapy.doseMcgPerDay=100,200 &middot;');
    const none = sweepHtml(sweepResultOf({ ...head, settings: [] }, 'n', []), chart);
    expect(none).toContain('No run failed.');
    expect(none).not.toContain('doseMcgPerDay=');
  });

  it('a setting whose path names nothing the file could hold is refused with where', () => {
    expect(applySettings(SMALL_SCENARIO, { 'pump.nothing.here': 1 })).toEqual({
      ok: false,
      message: 'pump.nothing.here: the file has nothing at nothing',
    });
    const withList = { ...SMALL_SCENARIO, timeline: [{ at: 'P1D', action: 'interrogate' }] };
    expect(applySettings(withList, { 'timeline[3].at': 'P2D' })).toEqual({
      ok: false,
      message: 'timeline[3].at: the file has nothing at 3',
    });
    expect(applySettings(withList, { 'timeline[5]': 'x' })).toEqual({
      ok: false,
      message: 'timeline[5]: the list has no entry 5',
    });
  });

  it('a plan of more runs than the limit is refused before any runs', () => {
    const seeds = Array.from({ length: 1001 }, (_, i) => i);
    const values = Array.from({ length: 1000 }, (_, i) => i);
    expect(planSweep(seeds, [{ path: 'seed', values }])).toEqual({
      ok: false,
      message: `expected at most ${MAX_SWEEP_RUNS} runs, found 1001000`,
    });
  });
});
