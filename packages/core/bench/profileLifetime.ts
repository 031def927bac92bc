// node --import tsx bench/profileLifetime.ts: a CPU profile of the warm seven-year history (#18),
// taken in-process with V8's sampling profiler, printed as the functions with the most self time.
// The runs before the profile starts warm the JIT, so the profile is of the steady engine.
import { Session } from 'node:inspector';
import { runHistory } from './lifetimeHistory.ts';

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
}
interface Profile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

const SEVEN_YEARS = 7 * 365 * 86_400_000;
const RUNS = Number(process.env.PROFILE_RUNS ?? 300);
const run = () => runHistory(SEVEN_YEARS as Parameters<typeof runHistory>[0], { kind: 'event' });
for (let i = 0; i < 30; i += 1) run();

const session = new Session();
session.connect();
const post = <T>(method: string, params: object = {}): Promise<T> =>
  new Promise((resolve, reject) =>
    session.post(method, params, (error, result) => (error ? reject(error) : resolve(result as T))),
  );
await post('Profiler.enable');
await post('Profiler.setSamplingInterval', { interval: 100 });
await post('Profiler.start');
const t0 = performance.now();
for (let i = 0; i < RUNS; i += 1) run();
const ms = (performance.now() - t0) / RUNS;
const { profile } = await post<{ profile: Profile }>('Profiler.stop');
session.disconnect();

const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map<string, number>();
let total = 0;
profile.samples.forEach((id, i) => {
  const node = byId.get(id);
  const dt = profile.timeDeltas[i] ?? 0;
  total += dt;
  if (node === undefined) return;
  const { functionName, url, lineNumber } = node.callFrame;
  const where = url === '' ? '' : ` (${url.split('/').slice(-2).join('/')}:${lineNumber + 1})`;
  const name = `${functionName || '(anonymous)'}${where}`;
  self.set(name, (self.get(name) ?? 0) + dt);
});
console.log(`seven-year history, warm: ${ms.toFixed(2)} ms a run over ${RUNS} runs; self time by function:`);
for (const [name, t] of [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.PROFILE_TOP ?? 10)))
  console.log(`  ${((100 * t) / total).toFixed(1).padStart(5)} %  ${name}`);
