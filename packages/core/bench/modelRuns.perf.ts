import { execFileSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { sessionCommands, setup, worldCommands } from '../test/sessionModel.ts';
import { measurePumpModelRuns, sendsPerRun } from './pumpModelRuns.ts';

// How many model-based runs QA gets per second (#18): the pump's random histories of 25 commands
// through the machine with its nine invariants judged after, and the whole world's model runs
// (clinician, link, pump, faults, time) of the world.model test. Inputs are drawn before the clock
// starts, so the figures are the runs' own.
const perSecond = (count: number, ms: number) => (count / (ms / 1000)).toFixed(0);
const us = (micros: number, digits = 0) => `${micros.toFixed(digits)} us`;

it('model-based runs per second: the pump model and the whole world', () => {
  const inRunner = measurePumpModelRuns();
  expect(inRunner.violations).toBe(0);
  const plain = JSON.parse(
    execFileSync(process.execPath, ['--import', 'tsx', 'bench/pumpModelRuns.ts'], { encoding: 'utf8' }),
  ) as ReturnType<typeof measurePumpModelRuns>;
  expect(plain.violations).toBe(0);

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
      `  pump model, 25 commands (${sendsPerRun.toFixed(1)} machine events), nine invariants, in the test runner: ${inRunner.pump.toFixed(0)} runs/s; in a plain Node process: ${plain.pump.toFixed(0)} runs/s   goal >= 5000 runs/s: ${Math.max(inRunner.pump, plain.pump) >= 5000 ? 'met' : 'NOT met'}`,
      `  XState's floor, a two-state counter machine started and sent as many events: ${inRunner.floor.toFixed(0)} runs/s in the runner, ${plain.floor.toFixed(0)} runs/s plain (no machine run through an actor is faster)`,
      `  a pump run's time in a plain Node process: the machine ${us(plain.split.machine)} + the nine invariants ${us(plain.split.invariants)} a history; XState alone: ${us(plain.split.floorStart)} to start an actor, ${us(plain.split.floorEvent, 2)} an event, so ${us(plain.split.floorStart + sendsPerRun * plain.split.floorEvent)} of the 200 us a 5000/s run may take`,
      `  whole world model (session, link, pump, faults, time): ${perSecond(timed.length, worldMs)} runs/s, ${(worldCommandsRun / timed.length).toFixed(1)} commands a run (${timed.length} runs in ${worldMs.toFixed(0)} ms)`,
    ].join('\n'),
  );
});
