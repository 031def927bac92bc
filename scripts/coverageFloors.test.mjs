import { describe, expect, it } from 'vitest';
import { FLOORS, judgeCoverage } from './coverageFloors.mjs';

// The coverage gate judged on made-up summaries: a floor crossed for the whole or for one kernel
// file fails, a missing summary fails, and a per-file floor that matches no file fails.
const m = (covered, total) => ({
  covered,
  total,
  pct: total === 0 ? 100 : Math.round((covered / total) * 10000) / 100,
});
const figures = (lines, branches) => ({
  lines: m(lines, 100),
  statements: m(lines, 100),
  functions: m(10, 10),
  branches: m(branches, 100),
});
const floor = {
  name: 'packages/core',
  total: { lines: 99, branches: 98 },
  files: [{ under: 'packages/core/src/pump/', except: ['table.ts'], lines: 100, branches: 95 }],
};
const summary = (pump, total = figures(100, 99)) => ({
  total,
  '/repo/packages/core/src/pump/kernel.ts': pump,
  '/repo/packages/core/src/pump/table.ts': figures(50, 50),
  '/repo/packages/core/src/sim/world.ts': figures(90, 80),
});

describe('the coverage floors', () => {
  it('hold when the whole and every kernel file are at or above their floors', () => {
    expect(judgeCoverage(floor, summary(figures(100, 95)), '/repo')).toEqual([]);
  });

  it('fail when the whole falls under a floor', () => {
    expect(judgeCoverage(floor, summary(figures(100, 95), figures(100, 97)), '/repo')).toEqual([
      'packages/core: branches 97 % is under its floor of 98 % (97 of 100)',
    ]);
  });

  it('fail when one kernel file falls under its per-file floor, though the whole holds', () => {
    expect(judgeCoverage(floor, summary(figures(99, 96)), '/repo')).toEqual([
      'packages/core/src/pump/kernel.ts: lines 99 % is under its per-file floor of 100 % (99 of 100)',
    ]);
  });

  it('fail when there is no summary, or a per-file floor measures no file', () => {
    expect(judgeCoverage(floor, null, '/repo')).toEqual([
      'packages/core: no coverage summary (run its tests with coverage first)',
    ]);
    const gone = { total: figures(100, 99), '/repo/packages/core/src/pump/table.ts': figures(50, 50) };
    expect(judgeCoverage(floor, gone, '/repo')).toEqual([
      'packages/core: no file measured under packages/core/src/pump/',
    ]);
  });

  it('has floors for every package and app, each with a summary file of its own', () => {
    expect(FLOORS.map((f) => f.name).sort()).toEqual([
      'apps/cli',
      'apps/programmer',
      'apps/programmer (Chromium specs)',
      'apps/server',
      'packages/core',
      'packages/scenarios',
    ]);
    expect(new Set(FLOORS.map((f) => f.summary)).size).toBe(FLOORS.length);
    for (const f of FLOORS) for (const v of Object.values(f.total)) expect(v).toBeGreaterThan(0);
  });
});
