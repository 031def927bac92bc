import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

const SCRIPT = new URL('../../../scripts/testPostgres.sh', import.meta.url).pathname;

declare module 'vitest' {
  export interface ProvidedContext {
    /** The PostgreSQL server the records' tests use beside the embedded database. */
    postgresUrl: string;
  }
}

/**
 * Starts a throwaway PostgreSQL server (Debian's package, installed when missing) for the tests, or
 * uses the one `ITPS_TEST_DATABASE_URL` names; stops it afterwards.
 */
export default function setup(project: TestProject) {
  const given = process.env.ITPS_TEST_DATABASE_URL;
  if (given !== undefined && given !== '') {
    project.provide('postgresUrl', given);
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'itps-pg-'));
  const port = String(54_000 + (process.pid % 900));
  const out = execFileSync('bash', [SCRIPT, 'start', dir, port], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  project.provide('postgresUrl', out.trim().split('\n').pop() ?? '');
  return () => {
    execFileSync('bash', [SCRIPT, 'stop', dir], { stdio: 'inherit' });
  };
}
