import { describe, expect, it } from 'vitest';
import type { PumpProgram } from '../src/index.ts';
import { REFERENCE_PROFILES } from './reference/referenceFigures.ts';
import { referenceAccepts, referenceRate } from './reference/referenceProgram.ts';
import { type ReferenceInput, ReferencePump } from './reference/referencePump.ts';

// The reference pump against figures worked out by hand (the working is in each comment), so the
// oracle that judges the product is itself judged by arithmetic, not by the product.
const DAY = 86_400_000;
const synchromed20 = REFERENCE_PROFILES['synchromed-ii-20'];
const simple = (mcgPerMl: number, pgPerDay: number): PumpProgram => ({
  drug: 'baclofen',
  concentration: mcgPerMl as PumpProgram['concentration'],
  therapy: { mode: 'simple', dose: pgPerDay as never },
});
const pump = (fields: Partial<ReferenceInput> & { program: PumpProgram }) =>
  new ReferencePump(synchromed20, {
    reservoirVolume: 20_000_000,
    lowReservoirThreshold: 2_000_000,
    timeOfDayAtStart: 0,
    ageAtStart: 0,
    catheterVolume: 100_000,
    tubingVolume: 200_000,
    biasPpm: 0,
    ...fields,
  });

describe('the reference pump against hand-derived figures', () => {
  it.each([
    // pg/day, mcg/mL (= pg/nL), nL/day: the quotient, rounded to the nearest with halves up
    [250_000_000, 500, 500_000], // 250 mcg/day at 500 mcg/mL is 0.5 mL/day
    [100_000_000, 3, 33_333_333], // 33 333 333.33
    [200_000_000, 3, 66_666_667], // 66 666 666.67
    [1, 2, 1], // 0.5: a half goes up
    [3, 2, 2], // 1.5
    [5, 4, 1], // 1.25
    [0, 500, 0],
  ])('%i pg/day at %i mcg/mL is %i nL/day', (dose, concentration, rate) => {
    expect(referenceRate(dose, concentration)).toBe(BigInt(rate));
  });

  it.each([
    // the SynchroMed-like limits: 0.048 to 24 mL/day, judged on the rounded rate
    [2000, 48_000_000_000, true], // exactly 24 mL/day
    [2000, 48_000_000_999, true], // 24 000 000.4995 rounds down to the maximum
    [2000, 48_000_001_000, false], // 24 000 000.5 rounds up, just over
    [1, 48_000, true], // exactly 0.048 mL/day
    [1, 47_999, false], // just under
    [2, 95_999, true], // 47 999.5 rounds up to the minimum
    [2, 95_998, false], // 47 999
    [2001, 1_000_000, false], // a concentration above 2000 mcg/mL
  ])('at %i mcg/mL a dose of %i pg/day is accepted: %s', (concentration, dose, accepted) => {
    expect(referenceAccepts(simple(concentration, dose), synchromed20)).toBe(accepted);
  });

  it('a flex schedule must start at midnight, ascend, and keep every step in the limits', () => {
    const flex = (steps: { startMinute: number; dose: number }[]): PumpProgram => ({
      drug: 'baclofen',
      concentration: 500 as PumpProgram['concentration'],
      therapy: { mode: 'flex', steps: steps as never },
    });
    expect(referenceAccepts(flex([{ startMinute: 0, dose: 100_000_000 }]), synchromed20)).toBe(true);
    expect(referenceAccepts(flex([{ startMinute: 60, dose: 100_000_000 }]), synchromed20)).toBe(false);
    const twice = [
      { startMinute: 0, dose: 100_000_000 },
      { startMinute: 0, dose: 100_000_000 },
    ];
    expect(referenceAccepts(flex(twice), synchromed20)).toBe(false);
    // 23 mcg/day at 500 mcg/mL is 0.046 mL/day, under the minimum
    const low = [
      { startMinute: 0, dose: 100_000_000 },
      { startMinute: 720, dose: 23_000_000 },
    ];
    expect(referenceAccepts(flex(low), synchromed20)).toBe(false);
  });

  it('0.5 mL/day from 20 mL with the alarm at 2 mL: low at day 36, empty at day 40, then nothing moves', () => {
    const p = pump({ program: simple(500, 250_000_000) });
    p.advanceTo(BigInt(50 * DAY));
    expect(p.alarms.lowReservoir).toEqual({ active: true, since: BigInt(36 * DAY) });
    expect(p.alarms.reservoirEmpty).toEqual({ active: true, since: BigInt(40 * DAY) });
    expect(p.calculated).toBe(0n);
    expect(p.delivered).toBe(20_000_000n);
  });

  it('33 333 333 nL/day from 1 mL with the alarm at 0.5 mL: raised at 1 296 001 ms, not 1 ms before', () => {
    // 500 000 nL x 86 400 000 ms / 33 333 333 nL/day = 1 296 000.013 ms, so the first whole ms is 1 296 001
    const p = pump({ program: simple(3, 100_000_000), reservoirVolume: 1_000_000, lowReservoirThreshold: 500_000 });
    const before = p.copy();
    before.advanceTo(1_296_000n);
    expect(before.calculated).toBe(500_001n);
    expect(before.alarms.lowReservoir.active).toBe(false);
    p.advanceTo(1_296_001n);
    expect(p.calculated).toBe(500_000n);
    expect(p.alarms.lowReservoir).toEqual({ active: true, since: 1_296_001n });
  });

  it('a flex day of 100 then 300 mcg/day from noon uses 0.1 + 0.3 mL at 500 mcg/mL', () => {
    const program: PumpProgram = {
      drug: 'baclofen',
      concentration: 500 as PumpProgram['concentration'],
      therapy: {
        mode: 'flex',
        steps: [
          { startMinute: 0, dose: 100_000_000 as never },
          { startMinute: 720, dose: 300_000_000 as never },
        ],
      },
    };
    const p = pump({ program, reservoirVolume: 10_000_000 });
    p.advanceTo(BigInt(DAY / 2));
    expect(p.calculated).toBe(9_900_000n); // 200 000 nL/day for half a day
    p.advanceTo(BigInt(DAY));
    expect(p.calculated).toBe(9_600_000n); // then 600 000 nL/day for half a day
    const whole = pump({ program, reservoirVolume: 10_000_000 });
    whole.advanceTo(BigInt(DAY));
    expect(whole.calculated).toBe(9_600_000n);
    expect(whole.breakpoints).toEqual([BigInt(DAY / 2)]); // the step at noon, where the rate changes
  });

  it('a stopped pump 2554 days old reaches ERI one day later and EOS 90 days after that', () => {
    // 7 665 000 000 units at 3 000 000 a day idle is 2555 days
    const stopped: PumpProgram = { ...simple(500, 0), therapy: { mode: 'stopped' } };
    const p = pump({ program: stopped, ageAtStart: 2554 * DAY });
    p.advanceTo(BigInt(100 * DAY));
    expect(p.eriAt).toBe(BigInt(DAY));
    expect(p.eosAt).toBe(BigInt(91 * DAY));
    expect(p.lifecycle).toBe('endOfService');
    expect(p.alarms.eos).toEqual({ active: true, since: BigInt(91 * DAY) });
  });

  it('0.1 mL over an hour runs at 2.4 mL/day on top of the basal flow, and completes at the hour', () => {
    const p = pump({ program: simple(500, 250_000_000), reservoirVolume: 10_000_000 });
    p.apply({ kind: 'bolus', bolus: { kind: 'single', volume: 100_000 as never, durationMs: 3_600_000 } });
    expect(p.bolus?.rate).toBe(2_400_000n);
    p.apply({ kind: 'wait', ms: 2 * 3_600_000 });
    expect(p.entries.at(-1)).toEqual({ at: 3_600_000, type: 'bolus.completed' });
    // 100 000 nL of bolus and 500 000 / 12 = 41 666.67 nL of basal flow in two hours
    expect(p.calculated).toBe(10_000_000n - 100_000n - 41_666n);
  });

  it('a bolus of 1 nL over two days runs at 0.5 rounded up to 1 nL/day', () => {
    const p = pump({ program: simple(500, 250_000_000) });
    p.apply({ kind: 'bolus', bolus: { kind: 'priming', volume: 1 as never, durationMs: 2 * DAY } });
    expect(p.bolus?.rate).toBe(1n);
  });

  it('a pump running 2.5 % fast takes 512 500 nL a day from its reservoir when programmed for 500 000', () => {
    const p = pump({ program: simple(500, 250_000_000), reservoirVolume: 10_000_000, biasPpm: 25_000 });
    p.advanceTo(BigInt(DAY));
    expect(p.realVolume).toBe(10_000_000n - 512_500n);
    expect(p.calculated).toBe(9_500_000n);
  });

  it('refused: a bolus while the reservoir-empty alarm sounds, an update that leaves the pump updating', () => {
    const p = pump({ program: simple(500, 250_000_000), reservoirVolume: 0 });
    p.apply({ kind: 'bolus', bolus: { kind: 'single', volume: 1 as never, durationMs: DAY } });
    expect(p.bolus).toBeNull();
    // a threshold of 0.1 mL is outside 0.5 to 10 mL: the session stays open and the pump stopped
    p.apply({ kind: 'update', update: { lowReservoirThreshold: 100_000 as never }, abandon: false });
    expect([p.lifecycle, p.therapyActive, p.threshold]).toEqual(['updating', false, 2_000_000n]);
    p.apply({ kind: 'update', update: {}, abandon: true });
    expect(p.lifecycle).toBe('stopped');
  });
});
