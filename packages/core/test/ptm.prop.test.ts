import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import type { McgPerMl, Milliseconds, Nanolitres, PicogramsPerDay, PumpProgram } from '../src/index.ts';
import { logEntries } from '../src/pump/pumpLog.ts';
import { pumpMachine } from '../src/pump/pumpMachine.ts';
import { buildPumpInput } from '../src/testing/index.ts';

// REQ-PTM-01 judged by a reference written here from the rule, importing none of the product's PTM
// code: a press is given when PTM is programmed, fewer than `maxPerDay` boluses started in the
// half-open 24 hours before it, at least `lockoutMs` have passed since the last one started, and
// therapy runs; otherwise it is refused, the day's limit named before the lockout. Every press is
// logged once. The limits in force are those of the last program the pump accepted.

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

/** PTM settings as the test writes them (no product type): dose in pg, times in ms. */
interface Settings {
  readonly bolusDose: number;
  readonly bolusDurationMs: number;
  readonly lockoutMs: number;
  readonly maxPerDay: number;
}

type Step =
  | { readonly kind: 'wait'; readonly ms: number }
  /** Wait to the instant the lockout ends, or that plus `offset` ms (an off-by-one hunter). */
  | { readonly kind: 'toLockoutEnd'; readonly offset: -1 | 0 | 1 }
  /** Wait to the instant the oldest bolus of the window leaves it, or that plus `offset` ms. */
  | { readonly kind: 'toWindowEnd'; readonly offset: -1 | 0 | 1 }
  | { readonly kind: 'press' }
  | { readonly kind: 'program'; readonly settings: Settings | null }
  | { readonly kind: 'stop' }
  | { readonly kind: 'start' };

// 1000 mcg/mL (1 mg/mL morphine's figures), 0.5 mg/day: 0.5 mL/day basal; a 20 mL reservoir lasts
const CONCENTRATION = 1000;
const program = (settings: Settings | null) =>
  ({
    drug: 'baclofen',
    concentration: CONCENTRATION as McgPerMl,
    therapy: { mode: 'simple', dose: 500_000_000 as PicogramsPerDay },
    ...(settings === null ? {} : { ptm: settings }),
  }) as PumpProgram;

// within the pump's ranges: 1 to 20 mcg (20 uL) over 2 to 60 min never passes 24 mL/day with the basal
const settingsArb: fc.Arbitrary<Settings> = fc
  .record({
    lockoutMin: fc.integer({ min: 10, max: 8 * 60 }),
    maxPerDay: fc.oneof(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 12 })),
  })
  .chain(({ lockoutMin, maxPerDay }) =>
    fc.record({
      bolusDose: fc.integer({ min: 1, max: 20 }).map((mcg) => mcg * 1_000_000),
      bolusDurationMs: fc.integer({ min: 2, max: Math.min(60, lockoutMin) }).map((m) => m * MIN),
      lockoutMs: fc.constant(lockoutMin * MIN),
      maxPerDay: fc.constant(maxPerDay),
    }),
  );

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 6, arbitrary: fc.constant({ kind: 'press' as const }) },
  { weight: 4, arbitrary: fc.integer({ min: 0, max: 6 * 60 }).map((m) => ({ kind: 'wait' as const, ms: m * MIN })) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 59_999 }).map((ms) => ({ kind: 'wait' as const, ms })) },
  {
    weight: 3,
    arbitrary: fc.constantFrom(-1, 0, 1).map((offset) => ({ kind: 'toLockoutEnd' as const, offset: offset as -1 })),
  },
  {
    weight: 3,
    arbitrary: fc.constantFrom(-1, 0, 1).map((offset) => ({ kind: 'toWindowEnd' as const, offset: offset as -1 })),
  },
  {
    weight: 1,
    arbitrary: fc.option(settingsArb, { nil: null }).map((settings) => ({ kind: 'program' as const, settings })),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'stop' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'start' as const }) },
);

/** The reference: what the rule says a press at `now` must do, from the boluses it has given. */
function expectedPress(
  settings: Settings | null,
  given: readonly number[],
  now: number,
  running: boolean,
): 'ptm.bolus' | 'ptm.lockedOut' | 'ptm.dayLimit' | 'ptm.unavailable' {
  if (settings === null) return 'ptm.unavailable';
  const inWindow = given.filter((t) => t > now - DAY);
  if (inWindow.length >= settings.maxPerDay) return 'ptm.dayLimit';
  const last = given[given.length - 1];
  if (last !== undefined && now - last < settings.lockoutMs) return 'ptm.lockedOut';
  return running ? 'ptm.bolus' : 'ptm.unavailable';
}

describe('the patient therapy manager', () => {
  it('REQ-PTM-01: never more PTM boluses than the programmed limits allow', () =>
    fc.assert(
      fc.property(settingsArb, fc.array(stepArb, { minLength: 1, maxLength: 60 }), (first, steps) => {
        const input = buildPumpInput({ program: program(first), catheterVolume: 0 as Nanolitres });
        const pump = createActor(pumpMachine, { input }).start();
        let refused = false;
        pump.on('refused', () => {
          refused = true;
        });
        // the reference's own record: the settings in force, the presses it expects, the boluses it gave
        let settings: Settings | null = first;
        let running = true;
        const given: number[] = [];
        const expected: { at: number; type: string }[] = [];
        // the limits in force at each press (for the log's own check below)
        const inForce: (Settings | null)[] = [];
        const now = () => pump.getSnapshot().context.pump.now as number;
        const advance = (ms: number) => {
          if (ms > 0) pump.send({ type: 'time.advance', to: (now() + ms) as Milliseconds });
        };
        for (const step of steps) {
          const t = now();
          const last = given[given.length - 1];
          switch (step.kind) {
            case 'wait':
              advance(step.ms);
              break;
            case 'toLockoutEnd':
              if (last !== undefined && settings !== null) advance(last + settings.lockoutMs + step.offset - t);
              break;
            case 'toWindowEnd': {
              const oldest = given.find((g) => g > t - DAY);
              if (oldest !== undefined) advance(oldest + DAY + step.offset - t);
              break;
            }
            case 'press': {
              const outcome = expectedPress(settings, given, t, running);
              expected.push({ at: t, type: outcome });
              inForce.push(settings);
              if (outcome === 'ptm.bolus') given.push(t);
              pump.send({ type: 'ptm.press' });
              break;
            }
            case 'program':
              refused = false;
              pump.send({ type: 'update.apply', update: { program: program(step.settings) } });
              // every generated program is one the pump runs; a refusal would leave the old limits
              expect(refused).toBe(false);
              settings = step.settings;
              running = true;
              break;
            case 'stop':
              if (pump.getSnapshot().value === 'running') {
                pump.send({ type: 'therapy.stop' });
                running = false;
              }
              break;
            case 'start':
              if (pump.getSnapshot().value === 'stopped') {
                pump.send({ type: 'therapy.start' });
                running = true;
              }
              break;
          }
        }
        const log = logEntries(pump.getSnapshot().context.pump.log);
        const presses = log.filter((e) => e.type.startsWith('ptm.')).map((e) => ({ at: e.at as number, type: e.type }));
        // every press logged once, as the reference says
        expect(presses).toEqual(expected);
        // and read from the log alone: no bolus closer to the one before than the lockout in force,
        // and never more in any 24 hours than the day's limit in force
        const starts = presses.filter((p) => p.type === 'ptm.bolus').map((p) => p.at);
        presses.forEach((press, i) => {
          if (press.type !== 'ptm.bolus') return;
          const limits = inForce[i];
          expect(limits).not.toBeNull();
          if (limits == null) return;
          const before = starts.filter((s) => s < press.at).at(-1);
          if (before !== undefined) expect(press.at - before).toBeGreaterThanOrEqual(limits.lockoutMs);
          const inDay = starts.filter((s) => s > press.at - DAY && s <= press.at).length;
          expect(inDay).toBeLessThanOrEqual(limits.maxPerDay);
        });
      }),
    ));
});
