import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type ItpsRun, itps, scenarioText, scratch } from './itps.ts';

// Every way a file, an argument or a path took the command line down or fooled it (issue #16,
// "Found"), as a table: what a user gives it, and what it must do. Each run's wall time and peak
// memory go into test-results/hostile-inputs.md; memory is held to a bound, time only reported.

const dir = scratch();
const file = (name: string, text: string | Buffer) => {
  writeFileSync(join(dir, name), text);
  return name;
};
const timeline = (n: number) =>
  scenarioText([
    'timeline:',
    ...Array.from({ length: n }, (_, i) => `  - { at: PT${i * 60}S, action: interrogate }`),
    'expect:',
    '  - { event: alarm.eos.raised, never: true }',
  ]);
const FIFTY_MB = 50 * 1024 * 1024;
const names: Record<string, string> = {};
const done: { name: string; run: ItpsRun }[] = [];

interface Case {
  readonly name: string;
  readonly args: () => string[];
  readonly code: number;
  /** Text the message must hold (on standard error for code 2, standard output otherwise). */
  readonly says: readonly string[];
  /** The most it may print, in characters (no echo of what it was fed). */
  readonly maxOutput?: number;
  /** Peak memory allowed (default 400 MB); only a limit raised by a flag may need more. */
  readonly maxMb?: number;
}

const cases: Case[] = [
  {
    name: 'a 50 MB file',
    args: () => ['run', file('fifty.yaml', `${scenarioText()}\n#${'x'.repeat(FIFTY_MB)}\n`)],
    code: 2,
    says: ['fifty.yaml: (document): expected a file of at most 1000000 bytes, found 524'],
  },
  {
    name: 'a 5 MB file of 124,000 timeline entries, size limit raised',
    args: () => ['run', file('long.yaml', timeline(124_000)), '--max-bytes', '8000000'],
    code: 2,
    says: ['long.yaml: timeline: expected at most 10000 actions, found 124000'],
    // reading 5 MB of YAML into a document takes about 110 bytes a byte: the reason for the 1 MB default
    maxMb: 800,
  },
  {
    name: 'the same 5 MB file with the default limits',
    args: () => ['run', 'long.yaml'],
    code: 2,
    says: ['long.yaml: (document): expected a file of at most 1000000 bytes, found 5'],
  },
  {
    name: '12,500 timeline entries, refused by default',
    args: () => ['run', file('twelve.yaml', timeline(12_500))],
    code: 2,
    says: ['twelve.yaml: timeline: expected at most 10000 actions, found 12500'],
  },
  {
    name: '12,500 timeline entries with --max-timeline 20000',
    args: () => ['run', 'twelve.yaml', '--max-timeline', '20000'],
    code: 0,
    says: ['PASS twelve.yaml'],
  },
  {
    name: 'a 500,000-character name',
    args: () => [
      'run',
      file(
        'name.yaml',
        `${scenarioText([], 'n'.repeat(500_000))}\nexpect:\n  - { event: alarm.eos.raised, never: true }\n`,
      ),
    ],
    code: 0,
    says: ['PASS name.yaml: "nnnnnnnnnn', '... (500000 characters)'],
    maxOutput: 300,
  },
  {
    name: '1 MB of binary',
    args: () => [
      'run',
      file('binary.yaml', Buffer.from(Array.from({ length: 999_000 }, (_, i) => (i * 7919 + 13) % 256))),
    ],
    code: 2,
    says: [
      'binary.yaml: line 1, column 2: expected a text file (YAML or JSON in UTF-8), found bytes that are not UTF-8 (binary data)',
    ],
    maxOutput: 300,
  },
  {
    name: 'a duration of P10000000D',
    args: () => ['run', file('forever.yaml', scenarioText().replace('duration: P40D', 'duration: P10000000D'))],
    code: 2,
    says: ['forever.yaml: duration: expected at most P7300D of simulated time, found P10000000D'],
  },
  {
    name: 'nesting 100,000 deep',
    args: () => ['run', file('deep.yaml', `${scenarioText()}\nextra: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`)],
    code: 2,
    says: [
      'deep.yaml: line 9, column 39: expected mappings and sequences nested at most 32 deep, found deeper nesting',
    ],
    maxOutput: 300,
  },
  {
    name: 'a YAML alias bomb',
    args: () => [
      'run',
      file(
        'bomb.yaml',
        `${scenarioText()}\na: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n`,
      ),
    ],
    code: 2,
    says: ['bomb.yaml: line 10, column 8: expected aliases (*name) that expand to at most 100 nodes'],
  },
  {
    name: '.nan, .inf and 1e400',
    args: () => [
      'run',
      file(
        'nan.yaml',
        scenarioText()
          .replace('volumeMl: 20', 'volumeMl: .nan')
          .replace('implantedLengthCm: 40', 'implantedLengthCm: .inf')
          .replace('doseMcgPerDay: 250', 'doseMcgPerDay: 1e400'),
      ),
    ],
    code: 2,
    says: [
      'nan.yaml: pump.reservoir.volumeMl: expected a finite number, found NaN (not a number)',
      'nan.yaml: pump.catheter.implantedLengthCm: expected a finite number, found infinity (or a number too large)',
      'nan.yaml: pump.therapy.doseMcgPerDay: expected a finite number, found infinity (or a number too large)',
    ],
  },
  {
    name: 'NaN in an expectation: named at its field (was only expect[0], NaN shown as null)',
    args: () => [
      'run',
      file(
        'nan-near.yaml',
        scenarioText(['expect:', '  - { at: P1D, that: { pump.reservoirMl: { near: .nan, within: 1 } } }']),
      ),
    ],
    code: 2,
    says: ['nan-near.yaml: expect[0].that.pump.reservoirMl.near: expected a finite number, found NaN (not a number)'],
  },
  {
    name: 'a leak placed past the catheter tip (was moved to the tip in silence)',
    args: () => [
      'run',
      file('leak.yaml', scenarioText(['timeline:', '  - { at: P1D, action: fault, kind: catheterLeak, atCm: 60 }'])),
    ],
    code: 2,
    says: [
      'leak.yaml: timeline[0].atCm: expected a place along the 40 cm catheter (pump.catheter.implantedLengthCm): 0 to 40 cm from the pump, found 60 cm, past its tip',
    ],
  },
  {
    name: 'an empty that: {}',
    args: () => ['run', file('empty-that.yaml', scenarioText(['expect:', '  - { at: P1D, that: {} }']))],
    code: 2,
    says: ['empty-that.yaml: expect[0].that: expected at least one observable to check, found {} (nothing)'],
  },
  {
    name: 'a file with no expectations',
    args: () => ['run', file('nothing.yaml', scenarioText())],
    code: 1,
    says: ['NONE nothing.yaml: hand-made (seed 1, P40D, no expectations and no checks: nothing was checked)'],
  },
  {
    name: 'a batch where one file checks nothing',
    args: () => ['run', 'nothing.yaml', 'twelve.yaml', '--max-timeline', '20000'],
    code: 1,
    says: ['1 passed, 0 failed, 1 without expectations, 0 invalid (2 files)'],
  },
  {
    name: 'report --out onto an existing file',
    args: () => ['report', 'nothing.yaml', '--out', file('taken.txt', 'mine')],
    code: 2,
    says: ['itps report: could not write taken.txt: it already exists and is not a folder (EEXIST)'],
  },
  {
    name: 'report --out under a file',
    args: () => ['report', 'nothing.yaml', '--out', 'taken.txt/report'],
    code: 2,
    says: ['itps report: could not write taken.txt/report: a part of the path is a file, not a folder (ENOTDIR)'],
  },
  {
    name: 'report --out /proc/x (spun for ever before)',
    args: () => ['report', 'nothing.yaml', '--out', '/proc/x'],
    code: 2,
    says: ['itps report: could not write /proc/x: no such file or folder (ENOENT)'],
  },
  {
    name: 'a folder given as a file',
    args: () => {
      mkdirSync(join(dir, 'folder.yaml'), { recursive: true });
      return ['run', 'folder.yaml'];
    },
    code: 2,
    says: ['folder.yaml: (document): expected a readable scenario file, found it is a folder, not a file (EISDIR)'],
  },
  {
    name: 'a named pipe given as a file (waited for a writer for ever before)',
    args: () => {
      if (!existsSync(join(dir, 'fifo.yaml'))) spawnSync('mkfifo', [join(dir, 'fifo.yaml')]);
      return ['run', 'fifo.yaml'];
    },
    code: 2,
    says: [
      'fifo.yaml: (document): expected a regular file (a scenario is read whole, never from a stream), found a named pipe (FIFO)',
    ],
  },
  {
    name: 'a character device given as a file',
    args: () => ['validate', '/dev/zero'],
    code: 2,
    says: [
      '/dev/zero: (document): expected a regular file (a scenario is read whole, never from a stream), found a character device',
    ],
  },
  {
    name: 'run --set with two values (a sweep has those)',
    args: () => ['run', 'nothing.yaml', '--set', 'pump.therapy.doseMcgPerDay=100,200'],
    code: 2,
    says: [
      'itps: --set: expected one value for pump.therapy.doseMcgPerDay (several values are a sweep: itps sweep FILE --seeds N --set pump.therapy.doseMcgPerDay=V1,V2), found 2',
    ],
  },
  {
    name: "report --set that is not PATH=VALUE: the sweep's own words",
    args: () => ['report', 'nothing.yaml', '--set', 'dose', '--out', 'never'],
    code: 2,
    says: ['itps: expected PATH=VALUE[,VALUE...] such as pump.therapy.doseMcgPerDay=100,200, found "dose"'],
  },
  {
    name: 'run --set of a path the file cannot hold',
    args: () => ['run', 'nothing.yaml', '--set', 'timeline[3].at=P1D'],
    code: 2,
    says: [
      'nothing.yaml: (document): expected a --set path naming a field the file can hold, found timeline[3].at: the file has nothing at timeline',
    ],
  },
  {
    name: 'run --set of a value the format refuses',
    args: () => ['run', 'nothing.yaml', '--set', 'pump.therapy.doseMcgPerDay=lots'],
    code: 2,
    says: ['nothing.yaml: pump.therapy.doseMcgPerDay: expected a finite number, found "lots"'],
  },
  {
    name: 'sweep --out under a file: refused before any run',
    args: () => ['sweep', 'twelve.yaml', '--max-timeline', '20000', '--seeds', '1..500', '--out', 'taken.txt/sweep'],
    code: 2,
    says: [
      'itps sweep: cannot write taken.txt/sweep: a part of the path is a file, not a folder (ENOTDIR); nothing was run',
    ],
  },
  {
    name: 'a limit flag that is not a number',
    args: () => ['run', 'nothing.yaml', '--max-bytes', 'lots'],
    code: 2,
    says: ["option '--max-bytes <n>' argument 'lots' is invalid. expected a whole number, found \"lots\""],
  },
];

describe('hostile input to itps', () => {
  it.each(cases)('$name: exit $code, says so, stays within its memory', (c) => {
    const run = itps(c.args(), dir);
    done.push({ name: c.name, run });
    expect(run.code, `${run.stdout}\n${run.stderr}`).toBe(c.code);
    const said = c.code === 2 ? run.stderr : run.stdout;
    for (const text of c.says) expect(said).toContain(text);
    if (c.code === 2) expect(run.stdout).not.toContain('PASS');
    if (c.maxOutput !== undefined) expect(run.stdout.length + run.stderr.length).toBeLessThanOrEqual(c.maxOutput);
    expect(run.maxRssMb).toBeGreaterThan(0);
    expect(run.maxRssMb).toBeLessThan(c.maxMb ?? 400);
    names[c.name] = `${run.ms} ms, ${run.maxRssMb} MB`;
  });

  afterAll(() => {
    const out = new URL('../test-results/', import.meta.url);
    mkdirSync(out, { recursive: true });
    writeFileSync(
      new URL('hostile-inputs.md', out),
      [
        '| input | exit | wall time | peak memory |',
        '| --- | --- | --- | --- |',
        ...done.map(({ name, run }) => `| ${name} | ${run.code} | ${run.ms} ms | ${run.maxRssMb} MB |`),
        '',
      ].join('\n'),
    );
  });
});
