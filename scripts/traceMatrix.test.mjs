import { describe, expect, it } from 'vitest';
import { listedTestFiles, recordOf, requirementsOf, testId, traceMatrix } from './traceMatrix.mjs';

// The tracer judged on a small docs/safety.md, its record and a made-up last run: it must fail on
// a recorded test removed, skipped, left as todo or filtered out of the run (found by its id, not
// its file), on a listed test that failed, one that did not run, one older than the code it checks,
// and a requirement no test names.
const safety = [
  '| requirement | mitigates | checked by |',
  '| --- | --- | --- |',
  '| REQ-A-01: one thing | H-1 | `packages/core/test/a.prop.test.ts` (a property); `b.test.ts` golden figures |',
  '| REQ-B-01: another | H-2 | `b.test.ts`; `pnpm bench` |',
].join('\n');
const pass = (file, title, ancestors = ['the pump'], startTime = 100) => ({
  file,
  name: [...ancestors, title].join(' '),
  ancestors,
  title,
  status: 'passed',
  startTime,
});
const base = [
  pass('packages/core/test/a.prop.test.ts', 'REQ-A-01: holds'),
  pass('packages/core/test/fidelity.prop.test.ts', 'REQ-A-01: holds over the whole pump'),
  pass('packages/core/test/b.test.ts', 'REQ-B-01: holds'),
  pass('packages/core/test/b.test.ts', 'something else'),
];
const record = {
  'REQ-A-01': [
    'packages/core/test/a.prop.test.ts > the pump > REQ-A-01: holds',
    'packages/core/test/fidelity.prop.test.ts > the pump > REQ-A-01: holds over the whole pump',
  ],
  'REQ-B-01': ['packages/core/test/b.test.ts > the pump > REQ-B-01: holds'],
};
const fresh = () => 50;
const judge = (tests, more = {}) => traceMatrix({ safety, record, tests, sourceChangedAt: fresh, ...more });
const fidelity = 'packages/core/test/fidelity.prop.test.ts > the pump > REQ-A-01: holds over the whole pump';

describe('the safety tracer', () => {
  it('reads each requirement and the test files it lists, leaving out what is not a test file', () => {
    expect(listedTestFiles('`x.test.ts`; `pnpm bench`; `e2e/y.spec.ts` and `z.scenario.yaml`')).toEqual([
      'x.test.ts',
      'e2e/y.spec.ts',
    ]);
    expect(requirementsOf(safety)).toEqual([
      { req: 'REQ-A-01', files: ['packages/core/test/a.prop.test.ts', 'b.test.ts'] },
      { req: 'REQ-B-01', files: ['b.test.ts'] },
    ]);
    expect(testId(base[1])).toBe(fidelity);
  });

  it('passes when every recorded test ran and passed and every listed file ran, passed and is fresh', () => {
    expect(judge(base).broken).toBe(0);
  });

  it('fails when a recorded requirement test is removed, though its file and other tests named after it ran', () => {
    // the case: the REQ test deleted from a file the "checked by" column does not list
    const tests = base.filter((t) => t.title !== 'REQ-A-01: holds over the whole pump');
    const { rows, broken } = judge([...tests, pass('packages/core/test/fidelity.prop.test.ts', 'another test')]);
    expect(broken).toBe(1);
    expect(rows[0].problems).toEqual([
      `MISSING: ${fidelity} has no result in the last run (removed, renamed or filtered out)`,
    ]);
  });

  it('fails when a recorded requirement test is skipped, left as todo, or filtered out by name', () => {
    for (const status of ['skipped', 'todo', 'pending']) {
      const tests = base.map((t) => (testId(t) === fidelity ? { ...t, status } : t));
      const { rows, broken } = judge(tests);
      expect(broken).toBe(1);
      expect(rows[0].problems).toEqual([`SKIPPED: ${fidelity} (${status})`]);
    }
    // a run filtered to other files: the test has no result at all
    const { rows } = judge(base.filter((t) => !t.file.includes('fidelity')));
    expect(rows[0].problems[0]).toMatch(/^MISSING: packages\/core\/test\/fidelity/);
  });

  it('tells apart a recorded test from one of the same title in another describe block', () => {
    const moved = base.map((t) => (testId(t) === fidelity ? { ...t, ancestors: ['elsewhere'] } : t));
    expect(judge(moved).rows[0].problems).toEqual([
      `MISSING: ${fidelity} has no result in the last run (removed, renamed or filtered out)`,
    ]);
    // the moved one is new, shown but not counted
    expect(judge(moved).rows[0].fresh).toEqual([
      'packages/core/test/fidelity.prop.test.ts > elsewhere > REQ-A-01: holds over the whole pump',
    ]);
  });

  it('fails on a recorded test that failed, and on a requirement with nothing recorded', () => {
    const tests = base.map((t) => (testId(t) === fidelity ? { ...t, status: 'failed' } : t));
    expect(judge(tests).rows[0].problems).toContain(`FAILED: ${fidelity}`);
    expect(judge(base, { record: { 'REQ-A-01': record['REQ-A-01'] } }).rows[1].problems).toEqual([
      'NOT RECORDED: no test is recorded for it in docs/safety-tests.json (pnpm trace --record)',
    ]);
  });

  it('fails on a failed test in a listed file, even one not named after the requirement', () => {
    const tests = base.map((t) => (t.title === 'something else' ? { ...t, status: 'failed' } : t));
    const { rows, broken } = judge(tests);
    expect(broken).toBe(2);
    expect(rows[1].problems).toEqual(['FAILED: b.test.ts (1 test)']);
  });

  it('fails on a listed file with no result in the last run', () => {
    const tests = base.filter((t) => !t.file.endsWith('a.prop.test.ts'));
    const { rows } = judge(tests, { record: { ...record, 'REQ-A-01': [fidelity] } });
    expect(rows[0].problems).toEqual(['MISSING: packages/core/test/a.prop.test.ts has no result in the last run']);
  });

  it('fails on a result older than the code it checks', () => {
    const { rows } = judge(base, { sourceChangedAt: (file) => (file.endsWith('a.prop.test.ts') ? 150 : 50) });
    expect(rows[0].problems).toEqual([
      'STALE: packages/core/test/a.prop.test.ts ran before the code it checks last changed',
    ]);
    expect(rows[1].problems).toEqual([]);
  });

  it('records only from a green run, each requirement with the ids of the tests named after it', () => {
    expect(recordOf({ safety, tests: base })).toEqual({ ok: true, record });
    // a name that only contains the id as part of a longer one does not count
    expect(recordOf({ safety, tests: [...base, pass('x.test.ts', 'REQ-A-011 and REQ-A-01-seed-3')] })).toEqual({
      ok: true,
      record,
    });
    const skipped = recordOf({
      safety,
      tests: base.map((t) => (testId(t) === fidelity ? { ...t, status: 'skipped' } : t)),
    });
    expect(skipped).toEqual({ ok: false, reasons: [`REQ-A-01: ${fidelity} is skipped`] });
    const failed = recordOf({
      safety,
      tests: base.map((t) => (t.title === 'something else' ? { ...t, status: 'failed' } : t)),
    });
    expect(failed.ok).toBe(false);
    expect(failed.reasons[0]).toBe(
      '1 test(s) failed in the last run, first packages/core/test/b.test.ts > the pump > something else',
    );
    const unnamed = recordOf({ safety, tests: base.filter((t) => !t.title.startsWith('REQ-B-01')) });
    expect(unnamed).toEqual({ ok: false, reasons: ['REQ-B-01: no test in the last run is named after it'] });
  });
});
