import { describe, expect, it } from 'vitest';
import { listedTestFiles, requirementsOf, traceMatrix } from './traceMatrix.mjs';

// The tracer judged on a small docs/safety.md and a made-up last run: it must fail on a listed test
// that failed, one that did not run, one older than the code it checks, and a requirement no test names.
const safety = [
  '| requirement | mitigates | checked by |',
  '| --- | --- | --- |',
  '| REQ-A-01: one thing | H-1 | `packages/core/test/a.prop.test.ts` (a property); `b.test.ts` golden figures |',
  '| REQ-B-01: another | H-2 | `b.test.ts`; `pnpm bench` |',
].join('\n');
const pass = (file, name, startTime = 100) => ({ file, name, status: 'passed', startTime });
const base = [
  pass('packages/core/test/a.prop.test.ts', 'REQ-A-01: holds'),
  pass('packages/core/test/b.test.ts', 'REQ-B-01: holds'),
  pass('packages/core/test/b.test.ts', 'something else'),
];
const fresh = () => 50;

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
  });

  it('passes when every requirement has a named, passing test and every listed file ran, passed and is fresh', () => {
    expect(traceMatrix({ safety, tests: base, sourceChangedAt: fresh }).broken).toBe(0);
  });

  it('fails on a failed test in a listed file, even one not named after the requirement', () => {
    const tests = base.map((t) => (t.name === 'something else' ? { ...t, status: 'failed' } : t));
    const { rows, broken } = traceMatrix({ safety, tests, sourceChangedAt: fresh });
    expect(broken).toBe(2);
    expect(rows[1].problems).toEqual(['FAILED: b.test.ts (1 test)']);
  });

  it('fails on a listed file with no result in the last run', () => {
    const tests = base.filter((t) => !t.file.endsWith('a.prop.test.ts'));
    const { rows } = traceMatrix({
      safety,
      tests: [...tests, pass('x/other.test.ts', 'REQ-A-01: named elsewhere')],
      sourceChangedAt: fresh,
    });
    expect(rows[0].problems).toEqual(['MISSING: packages/core/test/a.prop.test.ts has no result in the last run']);
  });

  it('fails on a result older than the code it checks', () => {
    const { rows } = traceMatrix({
      safety,
      tests: base,
      sourceChangedAt: (file) => (file.endsWith('a.prop.test.ts') ? 150 : 50),
    });
    expect(rows[0].problems).toEqual([
      'STALE: packages/core/test/a.prop.test.ts ran before the code it checks last changed',
    ]);
    expect(rows[1].problems).toEqual([]);
  });

  it('fails on a requirement no test is named after', () => {
    const tests = base.map((t) => (t.name === 'REQ-B-01: holds' ? { ...t, name: 'holds' } : t));
    expect(traceMatrix({ safety, tests, sourceChangedAt: fresh }).rows[1].problems).toEqual([
      'no test is named after it',
    ]);
  });
});
