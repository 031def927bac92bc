import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

// A failing property says how to replay it, and its seed and path replay exactly that failure.
const property = fc.property(
  fc.integer({ min: 0, max: 1000 }),
  fc.integer({ min: 0, max: 1000 }),
  (a, b) => a + b < 1500,
);

describe('replaying a failed property', () => {
  it('prints the command with the seed and path, and the seed and path alone give back the same counterexample', () => {
    let message = '';
    try {
      fc.assert(property, { seed: 20261130 });
    } catch (error) {
      message = String(error);
    }
    const replay = /Replay exactly: FC_SEED=(-?\d+) FC_PATH=([\d:]+) pnpm exec vitest run (\S+) -t "(.+)"/.exec(
      message,
    );
    expect(replay?.[3]).toBe('test/replay.test.ts');
    expect(replay?.[4]).toBe(
      'prints the command with the seed and path, and the seed and path alone give back the same counterexample',
    );
    const counterexample = /Counterexample: (\[.*\])/.exec(message)?.[1];
    // the path names the failing run, so it replays whatever numRuns says
    const again = fc.check(property, {
      seed: Number(replay?.[1]),
      path: replay?.[2] ?? '',
      numRuns: 1,
      endOnFailure: true,
    });
    expect(again.failed).toBe(true);
    expect(JSON.stringify(again.counterexample)).toBe(counterexample);
  });
});
