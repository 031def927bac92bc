// The pump's model-based runs (#18): random histories of 25 commands through the pump machine, its
// nine run invariants judged after each, and XState's own floor for the same events. As a module it
// gives the runs to modelRuns.perf.ts; run directly (node --import tsx bench/pumpModelRuns.ts) it
// prints the runs a second of both in a plain Node process, without the test runner in between.
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { assign, createActor, setup } from 'xstate';
import { PUMP_RUN_INVARIANTS, type PumpCommand, pumpHistoryArb, runPumpHistory } from '../src/testing/index.ts';

/** The histories, drawn before any clock starts: 200 to warm up, 1000 to time. */
export const pumpHistories = fc.sample(pumpHistoryArb({ minCommands: 25, maxCommands: 25 }), {
  numRuns: 1200,
  seed: 18,
});

/** One history through the machine and the nine invariants; the violations found (none expected). */
export function pumpModelRun({ input, commands }: (typeof pumpHistories)[number]): number {
  const run = runPumpHistory(input, commands);
  return PUMP_RUN_INVARIANTS.reduce((n, check) => n + check(run).length, 0);
}

// the events a command sends the machine (runPumpHistory's applyCommand, time moving by events)
const sendsOf = (command: PumpCommand): number => (command.kind === 'refill' ? 4 : command.kind === 'update' ? 2 : 1);

/** Events each history sends, on average. */
export const sendsPerRun =
  pumpHistories.reduce((n, h) => n + h.commands.reduce((m, c) => m + sendsOf(c), 0), 0) / pumpHistories.length;

/**
 * XState's floor: a machine of two states and a counter, no kernel behind it, started and sent as
 * many events as a pump history sends. No machine tested through an XState actor runs faster.
 */
const counter = setup({
  types: { context: {} as { n: number }, events: {} as { type: 'count' } | { type: 'toggle' } },
}).createMachine({
  context: { n: 0 },
  initial: 'on',
  states: {
    on: { on: { count: { actions: assign(({ context }) => ({ n: context.n + 1 })) }, toggle: { target: 'off' } } },
    off: { on: { count: { actions: assign(({ context }) => ({ n: context.n + 1 })) }, toggle: { target: 'on' } } },
  },
});

export function xstateFloorRun(): number {
  const actor = createActor(counter).start();
  const sends = Math.round(sendsPerRun);
  for (let i = 0; i < sends; i += 1) actor.send({ type: i % 5 === 0 ? 'toggle' : 'count' });
  const n = actor.getSnapshot().context.n;
  actor.stop();
  return n;
}

/** Runs a second of `run` over `count` calls after `warm` calls: the median of three rounds. */
export function runsPerSecond(run: (i: number) => unknown, count: number, warm: number): number {
  for (let i = 0; i < warm; i += 1) run(i);
  const rounds = Array.from({ length: 3 }, () => {
    const t0 = performance.now();
    for (let i = 0; i < count; i += 1) run(warm + i);
    return count / ((performance.now() - t0) / 1000);
  }).sort((a, b) => a - b);
  return rounds[1] as number;
}

/** The pump model's runs a second, and XState's floor's. */
export function measurePumpModelRuns(): { pump: number; floor: number; violations: number } {
  let violations = 0;
  const pump = runsPerSecond(
    (i) => {
      violations += pumpModelRun(pumpHistories[i] as (typeof pumpHistories)[number]);
    },
    1000,
    200,
  );
  const floor = runsPerSecond(xstateFloorRun, 5000, 2000);
  return { pump, floor, violations };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) console.log(JSON.stringify(measurePumpModelRuns()));
