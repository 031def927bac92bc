import fc from 'fast-check';
import { expect, it } from 'vitest';
import {
  checkAlarmsMatchConditions,
  checkAtomicUpdate,
  checkBolusLimits,
  checkCalculatedVolumeBounds,
  checkConservation,
  checkEosAfterEri,
  checkLogAppendOnly,
  checkNoDeliveryWhenHalted,
  checkProgrammedRate,
  pumpHistoryArb,
  runPumpHistory,
  type Violation,
} from '../src/testing/index.ts';

// A deep campaign: every pump invariant over many random histories (faults, boluses, needles,
// sessions, waits up to 60 days). FC_RUNS sets the number of histories, FC_SEED the seed.
const runs = Number(process.env.FC_RUNS ?? 12_000);
const seed = Number(process.env.FC_SEED ?? 20_261_122);
const checkers = [
  checkConservation,
  checkCalculatedVolumeBounds,
  checkProgrammedRate,
  checkNoDeliveryWhenHalted,
  checkAlarmsMatchConditions,
  checkAtomicUpdate,
  checkLogAppendOnly,
  checkEosAfterEri,
  checkBolusLimits,
];

it(`deep campaign: ${runs} random pump histories, every invariant`, () => {
  let commands = 0;
  let internalEvents = 0;
  let histories = 0;
  let violations: Violation[] = [];
  const t0 = performance.now();
  const details = fc.check(
    fc.property(pumpHistoryArb({ minCommands: 20, maxCommands: 60 }), ({ input, commands: cmds }) => {
      const run = runPumpHistory(input, cmds);
      histories += 1;
      commands += cmds.length;
      internalEvents += run[run.length - 1]?.after.context.pump.eventsProcessed ?? 0;
      const found = checkers.flatMap((check) => check(run));
      // the last failing run is the shrunk counterexample
      if (found.length > 0) violations = found;
      return found.length === 0;
    }),
    { numRuns: runs, seed },
  );
  if (details.failed) {
    console.log(`counterexample (seed ${details.seed}, path ${details.counterexamplePath}):`);
    console.log(JSON.stringify(details.counterexample, null, 1));
    console.log(violations);
  }
  const seconds = (performance.now() - t0) / 1000;
  console.log(
    [
      '',
      `ITPS deep campaign (seed ${seed})`,
      `  ${histories} random histories, ${commands} commands (${(commands / histories).toFixed(1)} per history), ${internalEvents} internal pump events`,
      `  ${commands + internalEvents} simulation steps in all, ${seconds.toFixed(1)} s, ${violations.length} violations of ${checkers.length} invariants`,
    ].join('\n'),
  );
  expect(details.failed ? violations : []).toEqual([]);
});
