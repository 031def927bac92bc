import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's root, where `pnpm itps` is usually typed. */
export const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
/** The command line's package folder. */
const APP = fileURLToPath(new URL('..', import.meta.url));
// ITPS_BUNDLE runs the tests against another build (an older commit's, to see them fail on the old behaviour)
const bundle = process.env.ITPS_BUNDLE ?? fileURLToPath(new URL('../dist/itps.mjs', import.meta.url));
/** The built command line the tests run (a shell function named itps can call it). */
export const bundlePath = bundle;
const measure = fileURLToPath(new URL('./measure.mjs', import.meta.url));

/**
 * The environment a child `itps` runs in: typed in `cwd`, and, when the tests measure coverage
 * (`ITPS_V8_COVERAGE`, a folder, set by the package's test script), writing V8's coverage of the
 * bundle there for c8 to map back to the sources (the bundle carries source maps).
 */
export function childEnv(cwd: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const coverage = process.env.ITPS_V8_COVERAGE;
  return {
    ...process.env,
    INIT_CWD: cwd,
    ...(coverage === undefined || coverage === '' ? {} : { NODE_V8_COVERAGE: resolve(APP, coverage) }),
    ...extra,
  };
}

/** What one run of `itps` did: its exit code, what it wrote where, how long it took and its peak memory. */
export interface ItpsRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly ms: number;
  /** CPU time of the process and its worker threads. */
  readonly cpuMs: number;
  readonly maxRssMb: number;
}

/**
 * Runs the built `itps` as a user would, from a folder (FILE paths relative to it), and measures it.
 * A run that takes longer than `hangAfterMs` is killed and reported with code null (a hang).
 */
export function itps(args: readonly string[], cwd = ROOT, hangAfterMs = 120_000): ItpsRun {
  const out = join(mkdtempSync(join(tmpdir(), 'itps-measure-')), 'm.json');
  const r = spawnSync(process.execPath, ['--import', measure, bundle, ...args], {
    cwd,
    encoding: 'utf8',
    env: childEnv(cwd, { ITPS_MEASURE_FILE: out }),
    timeout: hangAfterMs,
    maxBuffer: 256 * 1024 * 1024,
  });
  let m = { ms: -1, cpuMs: -1, maxRssMb: -1 };
  try {
    m = JSON.parse(readFileSync(out, 'utf8'));
  } catch {
    // killed before it could write: the caller sees code null
  }
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, ...m };
}

/** A fresh folder for a test's files. */
export const scratch = (): string => mkdtempSync(join(tmpdir(), 'itps-'));

/** A valid scenario's text, with `extra` lines appended (an `expect:` block, say). */
export const scenarioText = (extra: readonly string[] = [], name = 'hand-made'): string =>
  [
    'format: itps-scenario/1',
    `name: ${name}`,
    'duration: P40D',
    'pump:',
    '  model: synchromed-ii-20',
    '  reservoir: { volumeMl: 20, drug: baclofen, concentrationMcgPerMl: 500 }',
    '  catheter: { implantedLengthCm: 40 }',
    '  therapy: { mode: simple, doseMcgPerDay: 250 }',
    ...extra,
  ].join('\n');
