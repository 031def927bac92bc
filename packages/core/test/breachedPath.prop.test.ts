import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BreachedPath } from '../src/pump/breachedPath.ts';
import { flowThroughPath } from '../src/pump/flowThroughPath.ts';
import type { Batch, Portion } from '../src/pump/fluid.ts';
import type { Breach, CatheterCondition, FluidPath, Sinks, TipLocation } from '../src/pump/pumpState.ts';
import type { Nanolitres, Picograms } from '../src/units/quantity.ts';

// The path changed in place is held to flowThroughPath, the push the stepwise advance makes at each
// instant. Batches are small and their offsets collide often, so pieces of two batches that happen
// to meet end to start are common (they must never join), and pushes are often longer than a tube.
const batches: Batch[] = [
  { id: 1, volume: 12 as Nanolitres, masses: { baclofen: 7_001 as Picograms } },
  { id: 2, volume: 12 as Nanolitres, masses: { baclofen: 24_000 as Picograms } },
  { id: 3, volume: 30 as Nanolitres, masses: { baclofen: 2_999 as Picograms } },
];
const reservoirBatch: Batch = { id: 4, volume: 400 as Nanolitres, masses: { baclofen: 1_234_567 as Picograms } };

const portionArb: fc.Arbitrary<Portion> = fc
  .record({ batch: fc.constantFrom(...batches), a: fc.nat(12), b: fc.nat(12) })
  // an empty piece now and then, which both ways pass along and never keep
  .map(({ batch, a, b }) => ({ batch, from: Math.min(a, b), to: Math.max(a, b) }));
const tubeArb = fc.array(portionArb, { maxLength: 5 });

const EMPTY = { volume: 0 as Nanolitres, masses: {} };
const sinksArb: fc.Arbitrary<Sinks> = fc.constant({
  csf: { volume: 5 as Nanolitres, masses: { baclofen: 17 as Picograms } },
  pocket: EMPTY,
  epidural: EMPTY,
  subdural: EMPTY,
  leak: { volume: 3 as Nanolitres, masses: { baclofen: 2 as Picograms } },
  aspirated: EMPTY,
  explanted: EMPTY,
});

const breachArb: fc.Arbitrary<Breach> = fc.record({
  kind: fc.constantFrom('disconnect' as const, 'leak' as const, 'fracture' as const),
  atVolume: fc.nat(20).map((v) => v as Nanolitres),
  escapePpm: fc.oneof(fc.constant(1_000_000), fc.integer({ min: 0, max: 1_000_000 })),
  passed: fc.nat(50),
  escaped: fc.constant(0),
});

const caseArb = fc.record({
  tubing: tubeArb,
  proximal: tubeArb,
  catheter: tubeArb,
  sinks: sinksArb,
  tip: fc.constantFrom<TipLocation>('intrathecal', 'subdural', 'epidural', 'subcutaneous'),
  breach: breachArb,
  drawnAt: fc.nat(100),
  pushes: fc.oneof(
    fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 8 }),
    // many pushes, each emptying a short tube: the queues drop what has left them
    fc.array(fc.integer({ min: 20, max: 40 }), { minLength: 150, maxLength: 200 }),
  ),
});

/** An intrathecal catheter with a new leak and nothing else wrong. */
const freshLeak = (atVolume: number, escapePpm: number) => ({
  tip: 'intrathecal' as const,
  occlusionPpm: 0,
  kink: null,
  breach: { kind: 'leak' as const, atVolume: atVolume as Nanolitres, escapePpm, passed: 0, escaped: 0 },
});

describe('a breached path pushed through in place', () => {
  it('REQ-TIME-02: leaves the path, the sinks and the split as flowThroughPath at each push does', () =>
    fc.assert(
      fc.property(caseArb, ({ tubing, proximal, catheter, sinks, tip, breach, drawnAt, pushes }) => {
        const condition: CatheterCondition & { breach: Breach } = {
          tip,
          occlusionPpm: 0,
          kink: null,
          breach: { ...breach, escaped: Math.floor((breach.passed * breach.escapePpm) / 1_000_000) },
        };
        let path: FluidPath = {
          reservoir: { batch: reservoirBatch, drawn: drawnAt },
          tubing,
          catheter,
          catheterProximal: proximal,
        };
        const inPlace = new BreachedPath(path, sinks, condition);
        let expected = { path, sinks, catheter: condition as CatheterCondition };
        let drawn = drawnAt;
        for (const volume of pushes) {
          const portion: Portion = { batch: reservoirBatch, from: drawn, to: drawn + volume };
          drawn += volume;
          inPlace.push(portion);
          path = { ...expected.path, reservoir: { batch: reservoirBatch, drawn } };
          expected = flowThroughPath(path, expected.sinks, expected.catheter, [portion], 'tubing');
        }
        expect(inPlace.result({ batch: reservoirBatch, drawn })).toEqual(expected);
      }),
    ));

  it('passes an empty piece along and never keeps it, as flowThroughPath drops it', () => {
    const [b1, b2, b3] = batches as [Batch, Batch, Batch];
    const path: FluidPath = {
      reservoir: { batch: reservoirBatch, drawn: 0 },
      tubing: [
        { batch: b1, from: 3, to: 3 },
        { batch: b2, from: 0, to: 5 },
      ],
      catheterProximal: [{ batch: b3, from: 0, to: 10 }],
      catheter: [{ batch: b3, from: 10, to: 20 }],
    };
    const sinks = fc.sample(sinksArb, 1)[0] as Sinks;
    const condition = freshLeak(10, 500_000);
    const inPlace = new BreachedPath(path, sinks, condition);
    const portion: Portion = { batch: reservoirBatch, from: 0, to: 2 };
    inPlace.push(portion);
    const reservoir = { batch: reservoirBatch, drawn: 2 };
    const result = inPlace.result(reservoir);
    expect(result).toEqual(flowThroughPath({ ...path, reservoir }, sinks, condition, [portion], 'tubing'));
    expect(result.path.catheterProximal).toEqual([
      { batch: b3, from: 2, to: 10 },
      { batch: b2, from: 0, to: 2 },
    ]);
  });

  it('with nothing pushed, gives the path back as it was', () => {
    const path: FluidPath = {
      reservoir: { batch: reservoirBatch, drawn: 0 },
      tubing: [],
      catheter: [],
      catheterProximal: [],
    };
    const sinks = fc.sample(sinksArb, 1)[0] as Sinks;
    const condition = freshLeak(0, 5);
    const result = new BreachedPath(path, sinks, condition).result(path.reservoir);
    expect(result.sinks).toBe(sinks);
    expect(result.catheter).toBe(condition);
    expect(result.path).toEqual(path);
  });
});
