import { describe, expect, it } from 'vitest';
import { advancePump, createPumpState, type Milliseconds } from '../src/index.ts';
import { buildPumpInput, flexProgram } from '../src/testing/index.ts';
import { referenceFor } from './reference/judgeAgainstReference.ts';
import { ReferenceDrugPath } from './reference/referenceDrugPath.ts';
import { REFERENCE_PROFILES } from './reference/referenceFigures.ts';
import { ReferencePump } from './reference/referencePump.ts';

// The reference's drug path against figures worked out by hand (the working is in each comment),
// and the reference going on from a product state against the reference run from the start.
describe('the reference drug path, by hand', () => {
  it('pushes the path out first, then the reservoir; an access-port injection pushes the catheter out', () => {
    // reservoir 1000 nL at 500 pg/nL; tubing 100 nL and catheter 200 nL of drug-free fluid
    const path = new ReferenceDrugPath(
      { volume: 1000, concentration: 500 },
      { volume: 100, concentration: 0 },
      { volume: 200, concentration: 0 },
    );
    expect(path.loadedMass).toBe(500_000n);
    path.flow(150n); // 150 nL of the catheter's drug-free fluid leave the tip
    expect([path.tipVolume, path.tipMass]).toEqual([150n, 0n]);
    path.flow(200n); // the catheter's last 50 nL, the tubing's 100 nL, then 50 nL of reservoir fluid: 50 x 500
    expect([path.tipVolume, path.tipMass]).toEqual([350n, 25_000n]);
    // 650 nL left (325 000 pg) mixed with 500 nL at 2000 pg/nL: 1150 nL, 1 325 000 pg
    path.injectReservoir(500n, 1_000_000n);
    expect(path.reservoirMass).toBe(1_325_000n);
    path.aspirate(115n); // floor(1 325 000 x 115 / 1150) = 132 500 pg
    expect(path.aspiratedMass).toBe(132_500n);
    // the catheter holds 200 nL of the first reservoir batch (500 pg/nL): 100 nL pushed out is 50 000 pg
    path.injectPort(100n, 5_000n);
    expect([path.tipVolume, path.tipMass]).toEqual([450n, 75_000n]);
    expect(path.loadedMass).toBe(500_000n + 1_000_000n + 5_000n);
  });

  it('splits a batch by floor(mass x offset / volume), so 10 pg in 3 nL leave as 3, 3 and 4 pg', () => {
    const path = new ReferenceDrugPath(
      { volume: 0, concentration: 1 },
      { volume: 0, concentration: 0 },
      { volume: 0, concentration: 0 },
    );
    path.injectReservoir(3n, 10n);
    const seen: bigint[] = [];
    for (let i = 0; i < 3; i += 1) {
      const before = path.tipMass;
      path.flow(1n);
      seen.push(path.tipMass - before);
    }
    expect(seen).toEqual([3n, 3n, 4n]);
  });
});

describe('the reference going on from a product state', () => {
  it('gives the same belief, battery and alarms as the reference run from the start', () => {
    // a flex pump of 20 mL at 500 mcg/mL (about 0.54 mL a day), 2 mL threshold, four steps: low on day 35
    const input = buildPumpInput({
      reservoirVolume: 20_000_000 as never,
      program: flexProgram([
        ['00:00', 200],
        ['06:00', 310],
        ['12:00', 250],
        ['18:00', 333],
      ]),
      ageAtStart: (2000 * 86_400_000) as Milliseconds,
    });
    const fromStart = referenceFor(input, 0);
    const state = createPumpState(input);
    const resumed = ReferencePump.fromState(REFERENCE_PROFILES['synchromed-ii-20'], state, 'running');
    for (const to of [1n, 3_600_000n, 86_400_000n + 17n, 35n * 86_400_000n]) {
      fromStart.advanceTo(to);
      resumed.advanceTo(to);
      expect(resumed.calculated).toBe(fromStart.calculated);
      expect(resumed.eriAt).toBe(fromStart.eriAt);
      expect(resumed.alarms).toEqual(fromStart.alarms);
      expect(resumed.pumping).toBe(fromStart.pumping);
    }
    expect(resumed.alarms.lowReservoir.active).toBe(true);
    // and from a state the product carried to 10 days and 1 ms (every carry mid-way)
    const later = advancePump(state, (10 * 86_400_000 + 1) as Milliseconds);
    const again = ReferencePump.fromState(REFERENCE_PROFILES['synchromed-ii-20'], later, 'running');
    const reference = referenceFor(input, 0);
    reference.advanceTo(35n * 86_400_000n);
    again.advanceTo(35n * 86_400_000n);
    expect(again.calculated).toBe(reference.calculated);
    expect(again.drain).toBe(reference.drain);
    expect(again.alarms).toEqual(reference.alarms);
  });
});
