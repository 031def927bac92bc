import { availableParallelism } from 'node:os';
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { PUMP_RUN_INVARIANTS, pumpHistoryArb, runPumpHistory } from '../src/testing/index.ts';
import { sessionCommands, setup, worldCommands } from '../test/sessionModel.ts';

// How many model-based runs QA gets per second (#18): the pump's random histories of 25 commands
// through the machine with its nine invariants judged after, and the whole world's model runs
// (clinician, link, pump, faults, time) of the world.model test. Inputs are drawn before the clock
// starts, so the figures are the runs' own.
const checkers = PUMP_RUN_INVARIANTS;

const perSecond = (count: number, ms: number) => (count / (ms / 1000)).toFixed(0);

it('model-based runs per second: the pump model and the whole world', () => {
  const pumpRuns = fc.sample(pumpHistoryArb({ minCommands: 25, maxCommands: 25 }), { numRuns: 1200, seed: 18 });
  const pumpRun = ({ input, commands }: (typeof pumpRuns)[number]) => {
    const run = runPumpHistory(input, commands);
    return checkers.reduce((n, check) => n + check(run).length, 0);
  };
  let violations = 0;
  for (const h of pumpRuns.slice(0, 200)) violations += pumpRun(h); // warm-up
  const t0 = performance.now();
  for (const h of pumpRuns.slice(200)) violations += pumpRun(h);
  const pumpMs = performance.now() - t0;
  expect(violations).toBe(0);

  const commands = fc.commands([...sessionCommands, ...worldCommands], { maxCommands: 60, size: 'max' });
  const worldRuns = fc.sample(fc.tuple(fc.integer(), commands), { numRuns: 130, seed: 18 });
  for (const [seed, cmds] of worldRuns.slice(0, 30)) fc.modelRun(() => setup(seed), cmds); // warm-up
  const timed = worldRuns.slice(30);
  let worldCommandsRun = 0;
  const t1 = performance.now();
  for (const [seed, cmds] of timed) {
    fc.modelRun(() => setup(seed), cmds);
    worldCommandsRun += [...cmds].length;
  }
  const worldMs = performance.now() - t1;

  console.log(
    [
      '',
      `ITPS model-based runs (one process of ${availableParallelism()} cores; inputs drawn before timing)`,
      `  pump model, 25 commands, nine invariants: ${perSecond(1000, pumpMs)} runs/s (1000 runs in ${pumpMs.toFixed(0)} ms)   goal >= 5000 runs/s: ${1000 / (pumpMs / 1000) >= 5000 ? 'met' : 'NOT met'}`,
      `  whole world model (session, link, pump, faults, time): ${perSecond(timed.length, worldMs)} runs/s, ${(worldCommandsRun / timed.length).toFixed(1)} commands a run (${timed.length} runs in ${worldMs.toFixed(0)} ms)`,
    ].join('\n'),
  );
});
