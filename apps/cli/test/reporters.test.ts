import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { Parser } from 'tap-parser';
import { describe, expect, it } from 'vitest';
import { itps, scenarioText, scratch } from './itps.ts';

// CI formats, read back by maintained parsers of each format: what a CI server would see.
const dir = scratch();
const write = (name: string, text: string) => {
  writeFileSync(join(dir, name), text);
  return name;
};
const passing = write(
  'passing.yaml',
  scenarioText(['expect:', '  - { at: P10D, that: { pump.reservoirMl: { near: 15, within: 0.01 } } }']),
);
const failing = write(
  'failing.yaml',
  scenarioText([
    'expect:',
    '  - { at: P10D, that: { alarm.lowReservoir: active, pump.reservoirMl: 15 } }',
    '  - { event: alarm.eos.raised, never: true }',
  ]),
);
const empty = write('empty.yaml', scenarioText());
const invalid = write('invalid.yaml', 'format: itps-scenario/1\nname: x\n');
const all = [passing, failing, empty, invalid];

const tap = (text: string) =>
  new Promise<{ ok: boolean; count: number; pass: number; fail: number; failures: { name: string; diag: unknown }[] }>(
    (resolve) => {
      const p = new Parser((results) =>
        resolve({
          ok: results.ok,
          count: results.count,
          pass: results.pass,
          fail: results.fail,
          failures: results.failures.map((f) => ({ name: f.name, diag: f.diag })),
        }),
      );
      p.end(text);
    },
  );

describe('itps run --reporter', () => {
  it('junit: one testsuite per file, a testcase per observable or event checked, failures and errors counted', () => {
    const r = itps(['run', ...all, '--reporter', 'junit'], dir);
    expect(r.code).toBe(2);
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(r.stdout);
    const suites = [doc.testsuites.testsuite].flat() as Record<string, unknown>[];
    const byName = Object.fromEntries(suites.map((s) => [s.name, s]));
    expect(Object.keys(byName).sort()).toEqual([...all].sort());
    expect(byName[passing]).toMatchObject({ tests: '1', failures: '0', errors: '0' });
    expect(byName[failing]).toMatchObject({ tests: '3', failures: '1', errors: '0' });
    const failed = [byName[failing]?.testcase]
      .flat()
      .find((c) => (c as { failure?: unknown }).failure !== undefined) as {
      name: string;
      failure: { message: string };
    };
    expect(failed.name).toBe('expect[0] alarm.lowReservoir at P10D');
    expect(failed.failure.message).toBe('expected = active, found inactive');
    expect(byName[empty]).toMatchObject({ tests: '1', failures: '1' });
    expect(byName[invalid]).toMatchObject({ tests: '1', errors: '1' });
  });

  it('tap: a TAP 14 stream a TAP parser accepts, failing where the files fail', async () => {
    const r = itps(['run', ...all, '--reporter', 'tap'], dir);
    expect(r.code).toBe(2);
    const result = await tap(r.stdout);
    expect(result).toMatchObject({ ok: false, count: 4, pass: 1, fail: 3 });
    const names = result.failures.map((f) => f.name).sort();
    expect(names).toEqual([`${empty}: hand-made`, `${failing}: hand-made`, invalid].sort());
    const diag = result.failures.find((f) => f.name.startsWith(failing))?.diag as { failures: string[] };
    expect(diag.failures).toEqual(['expect[0] at P10D: alarm.lowReservoir: expected = active, found inactive']);
    expect((await tap(itps(['run', passing, '--reporter', 'tap'], dir).stdout)).ok).toBe(true);
  });

  it('a file name with a newline cannot forge a TAP line; control characters in names are escaped by every reporter', async () => {
    // a failing file whose name would, written raw, end its test point and add a passing one
    const forged = write('evil\nok 2 - all good \u001b[2J.yaml', readFileSync(join(dir, failing), 'utf8'));
    const shown = 'evil\\nok 2 - all good \\u001b[2J.yaml';
    const t = itps(['run', forged, '--reporter', 'tap'], dir);
    expect(t.code).toBe(1);
    expect(t.stdout).not.toMatch(/^ok /m);
    expect(t.stdout).not.toContain('\u001b');
    const result = await tap(t.stdout);
    expect(result).toMatchObject({ ok: false, count: 1, pass: 0, fail: 1 });
    expect(result.failures[0]?.name).toBe(`${shown}: hand-made`);
    for (const reporter of ['human', 'junit']) {
      const r = itps(['run', forged, '--reporter', reporter], dir);
      expect(r.code).toBe(1);
      expect(r.stdout).not.toContain('\u001b');
      expect(r.stdout).not.toContain('evil\nok');
      expect(r.stdout).toContain(shown);
    }
    const junit = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(
      itps(['run', forged, '--reporter', 'junit'], dir).stdout,
    );
    expect(junit.testsuites.testsuite.name).toBe(shown);
    // bad input names the file the same way, on standard error
    const bad = write('bad\rname.yaml', 'format: itps-scenario/1\n');
    const v = itps(['validate', bad], dir);
    expect(v.code).toBe(2);
    expect(v.stderr).toContain('bad\\rname.yaml: ');
    expect(v.stderr).not.toContain('\r');
  });

  it('json: an array of reports with file and status for several files; totals on standard error', () => {
    const r = itps(['run', passing, failing, '--reporter', 'json'], dir);
    expect(r.code).toBe(1);
    const reports = JSON.parse(r.stdout) as { file: string; status: string; format: string }[];
    expect(reports.map((x) => [x.file, x.status, x.format]).sort()).toEqual([
      [failing, 'fail', 'itps-report/1'],
      [passing, 'pass', 'itps-report/1'],
    ]);
    expect(r.stderr).toBe('1 passed, 1 failed, 0 without expectations, 0 invalid (2 files)\n');
  });

  it('--quiet prints only what did not pass and the totals; --fail-fast stops at the first that does not pass', () => {
    const quiet = itps(['run', passing, failing, '--quiet'], dir);
    expect(quiet.code).toBe(1);
    expect(quiet.stdout).not.toContain('PASS');
    expect(quiet.stdout).toContain(`FAIL ${failing}`);
    expect(quiet.stdout).toContain('1 passed, 1 failed, 0 without expectations, 0 invalid (2 files)');
    const many = Array.from({ length: 12 }, () => failing);
    const fast = itps(['run', ...many, '--fail-fast'], dir);
    expect(fast.code).toBe(1);
    const failures = fast.stdout.split('\n').filter((l) => l.startsWith('FAIL'));
    expect(failures.length).toBeGreaterThanOrEqual(1);
    expect(failures.length).toBeLessThan(12);
    expect(fast.stdout).toMatch(/not run\)\n$/);
    const bail = itps(['run', ...many, '--fail-fast', '--reporter', 'tap'], dir);
    expect(bail.stdout).toContain('Bail out!');
  });

  it('refuses a reporter it does not have', () => {
    const r = itps(['run', passing, '--reporter', 'xml'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('expected one of human, json, junit, tap, found "xml"');
  });
});
