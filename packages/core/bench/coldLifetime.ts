// node --import tsx bench/coldLifetime.ts: the seven-year history once, in a fresh process, as a
// CLI user meets it (the engine's code not yet compiled by the JIT). Prints the milliseconds.
import { runHistory } from './lifetimeHistory.ts';

const SEVEN_YEARS = 7 * 365 * 86_400_000;
const t0 = performance.now();
runHistory(SEVEN_YEARS as Parameters<typeof runHistory>[0], { kind: 'event' });
console.log((performance.now() - t0).toFixed(1));
