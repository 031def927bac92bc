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

export function xstateFloorRun(sends = Math.round(sendsPerRun)): number {
  const actor = createActor(counter).start();
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

/** Where a pump model run's time goes, in microseconds a history (each the median of three rounds). */
export interface PumpRunSplit {
  /** The history through the pump machine alone (runPumpHistory). */
  readonly machine: number;
  /** The nine invariants judged over the finished history. */
  readonly invariants: number;
  /** XState's floor: a counter actor created, started and stopped, sent nothing. */
  readonly floorStart: number;
  /** XState's floor: one event sent to the started counter actor. */
  readonly floorEvent: number;
}

/** The pump model's runs a second, XState's floor's, and where a run's time goes. */
export function measurePumpModelRuns(): {
  pump: number;
  floor: number;
  violations: number;
  split: PumpRunSplit;
} {
  let violations = 0;
  const pump = runsPerSecond(
    (i) => {
      violations += pumpModelRun(pumpHistories[i] as (typeof pumpHistories)[number]);
    },
    1000,
    200,
  );
  const floor = runsPerSecond(() => xstateFloorRun(), 5000, 2000);
  return { pump, floor, violations, split: splitPumpRuns() };
}

const usPer = (runsPerSecondFigure: number) => 1e6 / runsPerSecondFigure;

function splitPumpRuns(): PumpRunSplit {
  const timed = pumpHistories.slice(200);
  const runs = timed.map(({ input, commands }) => runPumpHistory(input, commands));
  const machine = usPer(runsPerSecond((i) => runPumpHistory(...historyAt(timed, i)), timed.length, 0));
  const invariants = usPer(
    runsPerSecond(
      (i) => PUMP_RUN_INVARIANTS.reduce((n, check) => n + check(runs[i % runs.length] ?? []).length, 0),
      runs.length,
      0,
    ),
  );
  const sends = Math.round(sendsPerRun);
  const floorStart = usPer(runsPerSecond(() => xstateFloorRun(0), 5000, 2000));
  const floorWhole = usPer(runsPerSecond(() => xstateFloorRun(sends), 5000, 2000));
  return { machine, invariants, floorStart, floorEvent: (floorWhole - floorStart) / sends };
}

const historyAt = (histories: typeof pumpHistories, i: number) => {
  const h = histories[i % histories.length] as (typeof pumpHistories)[number];
  return [h.input, h.commands] as const;
};

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) console.log(JSON.stringify(measurePumpModelRuns()));
