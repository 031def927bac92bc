import { randomInt } from 'node:crypto';
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { PUMP_RUN_INVARIANTS, pumpHistoryArb, runPumpHistory, type Violation } from '../src/testing/index.ts';

// A deep campaign: every pump invariant over many random histories (faults, boluses, needles,
// sessions, waits up to 60 days). FC_RUNS sets the number of histories. Each run draws a fresh seed
// and prints it, so successive campaigns explore new histories; FC_SEED replays one exactly.
const runs = Number(process.env.FC_RUNS ?? 12_000);
const given = process.env.FC_SEED;
if (given !== undefined && !/^-?\d+$/.test(given))
  throw new Error(`campaign: FC_SEED: expected a whole number, found ${JSON.stringify(given)}`);
const seed = given === undefined ? randomInt(0, 2 ** 31 - 1) : Number(given);
const checkers = PUMP_RUN_INVARIANTS;

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
      `ITPS deep campaign (seed ${seed}${given === undefined ? ', drawn fresh' : ', given'}; replay: FC_SEED=${seed} FC_RUNS=${runs} pnpm campaign)`,
      `  ${histories} random histories, ${commands} commands (${(commands / histories).toFixed(1)} per history), ${internalEvents} internal pump events`,
      `  ${commands + internalEvents} simulation steps in all, ${seconds.toFixed(1)} s, ${violations.length} violations of ${checkers.length} invariants`,
    ].join('\n'),
  );
  expect(details.failed ? violations : []).toEqual([]);
});
