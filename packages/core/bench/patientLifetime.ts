// The seven-year history with a patient at the end of the catheter (#18). As a module it gives the
// run to pumpLifetime.perf.ts; run directly (node --import tsx bench/patientLifetime.ts) it prints
// the median of seven warm runs in a plain Node process, without the test runner's module transform
// in between (tsx compiles the sources; an esbuild bundle of the same run, closer to what the CLI runs,
// measured 29-77 ms on this machine where this measured 42-65 ms: the noise is larger than the
// difference).
import { pathToFileURL } from 'node:url';
import { createPatientParameters, daysToMs, type Milliseconds } from '../src/index.ts';
import { createSimulation } from '../src/sim/simulation.ts';
import { input, REFILL_EVERY, refillSimulation } from './lifetimeHistory.ts';

const SEVEN_YEARS = daysToMs(7 * 365);
const parameters = createPatientParameters({ origin: 'spinal', needMcgPerDay: 275 });

/** Seven years, refilled every 84 days, with a spinal patient needing 275 mcg/day. */
export function runWithPatient() {
  const sim = createSimulation(input, undefined, { parameters });
  for (let t: number = REFILL_EVERY; t <= SEVEN_YEARS; t += REFILL_EVERY) {
    sim.advanceTo(t as Milliseconds);
    if (sim.lifecycle() === 'endOfService') break;
    refillSimulation(sim);
  }
  if (sim.lifecycle() !== 'endOfService') sim.advanceTo(SEVEN_YEARS);
  return sim;
}

/** The median of `runs` warm runs, ms. */
export function warmMedianMs(runs = 7): number {
  for (let i = 0; i < 15; i += 1) runWithPatient(); // warm-up: the JIT's optimised code
  const ms = Array.from({ length: runs }, () => {
    const t0 = performance.now();
    runWithPatient();
    return performance.now() - t0;
  }).sort((a, b) => a - b);
  return ms[Math.floor(runs / 2)] as number;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) console.log(warmMedianMs().toFixed(1));
