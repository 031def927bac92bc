import { execFileSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { expect, it } from 'vitest';
import {
  createWorld,
  daysToMs,
  fluidAt,
  type McgPerMl,
  type Milliseconds,
  MS_PER_MINUTE,
  massOf,
  type Nanolitres,
  type PumpState,
  reservoirVolume,
} from '../src/index.ts';
import { logEntries } from '../src/pump/pumpLog.ts';
import { createSimulation } from '../src/sim/simulation.ts';
import { minimalEventLoop, oneMinuteLoop } from './floorLoops.ts';
import { input, REFILL_EVERY, refillSimulation, runHistory } from './lifetimeHistory.ts';
import { runWithPatient, warmMedianMs } from './patientLifetime.ts';

/** The same history through the world's one door: time commands and whole refill visits. */
function runThroughDoor(until: Milliseconds): PumpState {
  const world = createWorld({ pump: input, origin: 'spinal' });
  for (let t: number = REFILL_EVERY; t <= until; t += REFILL_EVERY) {
    world.apply({ type: 'time.advance', to: t as Milliseconds });
    const { pump, lifecycle } = world.state();
    if (lifecycle === 'endOfService') break;
    const left = Math.min(reservoirVolume(pump.truth.path.reservoir), pump.reservoirDeadSpace);
    world.apply({
      type: 'visit.refill',
      visit: {
        aspirate: 'all',
        inject: fluidAt((20_000_000 - left) as Nanolitres, 2000 as McgPerMl),
        record: 20_000_000 as Nanolitres,
      },
    });
  }
  const { pump, lifecycle } = world.state();
  if (pump.now < until && lifecycle !== 'endOfService') world.apply({ type: 'time.advance', to: until });
  return world.state().pump;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const time = <T>(f: () => T): { ms: number; value: T } => {
  const t0 = performance.now();
  const value = f();
  return { ms: performance.now() - t0, value };
};

it('7-year pump history: event-driven against 1-minute fixed ticks', () => {
  const SEVEN_YEARS = daysToMs(7 * 365);
  // warm: a run is short and crosses its days in few steps, so the JIT needs many runs to optimise it
  for (let i = 0; i < 200; i += 1) runHistory(SEVEN_YEARS, { kind: 'event' });
  const heapBefore = process.memoryUsage().heapUsed;
  const runs = Array.from({ length: 7 }, () => time(() => runHistory(SEVEN_YEARS, { kind: 'event' })));
  const heapAfter = process.memoryUsage().heapUsed;
  const full = runs[0]?.value as ReturnType<typeof runHistory>;
  const eventMs = median(runs.map((r) => r.ms));
  const days = full.state.now / daysToMs(1);

  for (let i = 0; i < 200; i += 1) runThroughDoor(SEVEN_YEARS); // warm-up, as above
  const door = Array.from({ length: 7 }, () => time(() => runThroughDoor(SEVEN_YEARS)));
  expect(door[0]?.value).toEqual(full.state);
  const doorMs = median(door.map((r) => r.ms));

  const YEAR = daysToMs(365);
  const eventYear = runHistory(YEAR, { kind: 'event' });
  const tick = time(() => runHistory(YEAR, { kind: 'tick', tickMs: MS_PER_MINUTE }));
  const strip = (s: PumpState) => ({ ...s, eventsProcessed: 0 });
  expect(strip(tick.value.state)).toEqual(strip(eventYear.state));

  const eventPerDay = eventMs / days;
  const tickPerDay = tick.ms / 365;
  const eos = logEntries(full.state.log).find((e) => e.type === 'alarm.eos.raised');
  const lines = [
    '',
    'ITPS pump lifetime benchmark (20 mL, 4-step flex at 2000 mcg/mL, refill every 84 days, until EOS)',
    `  simulated:            ${days.toFixed(1)} days (${(days / 365).toFixed(2)} years), final state ${full.lifecycle}, EOS at day ${((eos?.at ?? 0) / daysToMs(1)).toFixed(2)}`,
    `  event-driven run:     ${eventMs.toFixed(2)} ms wall (median of ${runs.length}), ${full.state.eventsProcessed} internal events + ${full.sends} machine events`,
    `  through the world's door: ${doorMs.toFixed(2)} ms wall (median of ${door.length}), ${(doorMs / eventMs).toFixed(2)}x the machine driven directly, identical final state`,
    `  memory:               heap delta over ${runs.length} runs ${((heapAfter - heapBefore) / 1048576).toFixed(1)} MiB, process peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`,
    `  fixed-tick, 1 minute: ${tick.ms.toFixed(0)} ms wall for the first 365 days (${tick.value.sends} machine events)`,
    `  per simulated day:    event ${(eventPerDay * 1000).toFixed(2)} us, tick ${(tickPerDay * 1000).toFixed(0)} us, ratio ${(tickPerDay / eventPerDay).toFixed(0)}x`,
    `  totals after 365 days: identical (delivered ${tick.value.state.truth.sinks.csf.volume} nL / ${massOf(tick.value.state.truth.sinks.csf, 'baclofen')} pg in both modes)`,
    `  goals: 7-year run <= 3 ms (${eventMs <= 3 ? 'met' : 'NOT met'}), >= 500x faster per day than 1-minute machine ticks (${tickPerDay / eventPerDay >= 500 ? 'met' : 'NOT met'})`,
  ];
  console.log(lines.join('\n'));
});

it('7-year pump history against its floors: a minimal integer event loop and a plain one-minute loop (#18)', () => {
  const SEVEN_YEARS = daysToMs(7 * 365);
  for (let i = 0; i < 200; i += 1) runHistory(SEVEN_YEARS, { kind: 'event' }); // warm-up, as above
  const engine = median(Array.from({ length: 9 }, () => time(() => runHistory(SEVEN_YEARS, { kind: 'event' })).ms));
  for (let i = 0; i < 200; i += 1) minimalEventLoop(); // warm-up, as the engine's
  const floor = median(Array.from({ length: 31 }, () => time(minimalEventLoop).ms));
  oneMinuteLoop(); // warm-up
  const minute = median(Array.from({ length: 3 }, () => time(oneMinuteLoop).ms));
  const cold = Array.from({ length: 3 }, () =>
    Number(execFileSync(process.execPath, ['--import', 'tsx', 'bench/coldLifetime.ts'], { encoding: 'utf8' }).trim()),
  );
  const days = 7 * 365;
  console.log(
    [
      '',
      `ITPS seven years against its floors (the same history and totals; ${availableParallelism()} cores)`,
      `  engine, warm, in-process:      ${engine.toFixed(2)} ms (median of 9)             goal <= 3 ms: ${engine <= 3 ? 'met' : 'NOT met'}`,
      `  engine, first run in a fresh process: ${median(cold).toFixed(1)} ms (median of 3 processes)   goal <= 60 ms: ${median(cold) <= 60 ? 'met' : 'NOT met'}`,
      `  minimal integer event loop:    ${floor.toFixed(3)} ms (median of 31); engine / floor ${(engine / floor).toFixed(1)}x   goal <= 4x: ${engine / floor <= 4 ? 'met' : 'NOT met'}`,
      `  plain one-minute loop:         ${minute.toFixed(0)} ms (median of 3); per simulated day ${((minute / days) * 1000).toFixed(1)} us against the engine's ${((engine / days) * 1000).toFixed(2)} us: ${(minute / engine).toFixed(1)}x   goal >= 90x: ${minute / engine >= 90 ? 'met' : 'NOT met'}`,
    ].join('\n'),
  );
});

it('7-year history with a patient at the end of the catheter', () => {
  const sim = runWithPatient();
  const patient = sim.patient();
  expect(patient).not.toBeNull();
  const days = sim.now() / daysToMs(1);
  const inRunner = warmMedianMs();
  const plain = median(
    Array.from({ length: 3 }, () =>
      Number(
        execFileSync(process.execPath, ['--import', 'tsx', 'bench/patientLifetime.ts'], { encoding: 'utf8' }).trim(),
      ),
    ),
  );
  console.log(
    [
      '',
      'ITPS pump and patient lifetime benchmark (the same history, a spinal patient needing 275 mcg/day)',
      `  simulated:            ${days.toFixed(1)} days, patient log ${patient?.log.length ?? 0} stage changes, worst ${JSON.stringify(patient?.worst)}`,
      `  warm run, plain Node process (sources loaded by tsx, no test runner): ${plain.toFixed(1)} ms (median of 3 processes, each the median of 7)   goal <= 40 ms: ${plain <= 40 ? 'met' : 'NOT met'}`,
      `  warm run inside the test runner (vitest's module runner, which transforms every import): ${inRunner.toFixed(1)} ms`,
      '  flex steps change the drug rate at the tip four times a day: the patient steps every 15 minutes between them',
    ].join('\n'),
  );
});

it('a refill costs the same whatever the length of the pump log (100 against 30,000 entries)', () => {
  const refillWith = (entries: number) => {
    const sim = createSimulation(input);
    // each interrogation is one log entry
    for (let i = 0; i < entries; i += 1) sim.send({ type: 'telemetry.interrogate' });
    const refill = () => refillSimulation(sim);
    for (let i = 0; i < 20; i += 1) refill(); // warm-up
    const runs = Array.from({ length: 7 }, () => time(() => Array.from({ length: 100 }, refill)));
    expect(logEntries(sim.pumpState().log).length).toBeGreaterThan(entries);
    return median(runs.map((r) => r.ms)) / 100;
  };
  refillWith(100); // warm-up of the whole path, so the first figure is not the JIT's
  const short = refillWith(100);
  const long = refillWith(30_000);
  console.log(
    [
      '',
      'ITPS refill against the length of the pump log (update.begin, aspirate, inject, commit)',
      `  with 100 entries:     ${(short * 1000).toFixed(1)} us a refill (median of 7 runs of 100)`,
      `  with 30,000 entries:  ${(long * 1000).toFixed(1)} us a refill, ${(long / short).toFixed(2)}x (goal: the same)`,
    ].join('\n'),
  );
});
