import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { TRAINING_DIR } from '../src/classroom/exercises.ts';
import { inlineLibraryChecker, workerLibraryChecker } from '../src/library/libraryChecker.ts';

const yaml = readFileSync(`${TRAINING_DIR}/low-reservoir-alarm.scenario.yaml`, 'utf8');

/** Which finishes first: a timer set as the check starts, or the check. */
async function orderOf(check: (yaml: string) => Promise<unknown>): Promise<string[]> {
  const order: string[] = [];
  const checked = check(yaml).then(() => order.push('check'));
  const timer = new Promise<void>((resolve) => setTimeout(() => resolve(void order.push('timer')), 0));
  await Promise.all([checked, timer]);
  return order;
}

describe('the library checks an exercise off the thread that runs the classes', () => {
  const checker = workerLibraryChecker();
  afterAll(() => checker.close());

  it('gives the same answer as a check on this thread', async () => {
    const [there, here] = await Promise.all([checker.check(yaml), inlineLibraryChecker.check(yaml)]);
    expect(there.ok).toBe(true);
    expect(JSON.stringify(there)).toBe(JSON.stringify(here));
  });

  it('leaves the event loop free while the exercise runs (a timer set at the start fires first)', async () => {
    expect(await orderOf((y) => checker.check(y))).toEqual(['timer', 'check']);
    // the same measure on this thread: the whole check runs before any timer (what the worker avoids)
    expect(await orderOf((y) => inlineLibraryChecker.check(y))).toEqual(['check', 'timer']);
  });

  it('refuses a check that outlasts its time, naming the limit, and carries on', async () => {
    const hasty = workerLibraryChecker(1);
    try {
      const answer = await hasty.check(yaml);
      expect(answer.ok).toBe(false);
      if (!answer.ok) expect(answer.problems[0]?.message).toMatch(/within 0\.001 s; it did not/);
    } finally {
      await hasty.close();
    }
    expect((await checker.check(yaml)).ok).toBe(true);
  });
});
