import { describe, expect, it } from 'vitest';
import { daysToMs, fluidAt, mcgPerMl, type Nanolitres, pumpTruthView } from '../src/index.ts';
import { createSimulation } from '../src/sim/simulation.ts';
import { buildPumpInput } from '../src/testing/index.ts';
import { refillAt } from './refillAt.ts';

// A refill visit is whole or nothing: refused before any step when the pump cannot take it.
const sim = (over = {}) => createSimulation(buildPumpInput({ reservoirVolume: 4_000_000 as Nanolitres, ...over }));
const inject = (ml: number) => fluidAt((ml * 1_000_000) as Nanolitres, mcgPerMl(500));

describe('a refill visit', () => {
  it('aspirates, injects, records what is there and returns what the syringe withdrew', () => {
    const s = sim();
    const result = refillAt(s, { aspirate: 'all', inject: inject(18) });
    if (!result.ok) throw new Error(result.refusal.message);
    const truth = pumpTruthView(s.pumpState());
    expect(result.value.withdrawn.volume).toBe(4_000_000 - truth.reservoir.volume + 18_000_000);
    expect(s.pumpState().belief.calculatedReservoir).toBe(truth.reservoir.volume);
    expect(s.lifecycle()).toBe('running');
  });

  it('records the volume the clinician enters, even a wrong one', () => {
    const s = sim();
    const result = refillAt(s, { aspirate: 'all', inject: inject(18), record: 15_000_000 as Nanolitres });
    expect(result.ok).toBe(true);
    expect(s.pumpState().belief.calculatedReservoir).toBe(15_000_000);
  });

  it('refuses a recorded volume above the reservoir, and an overfill, with nothing done', () => {
    const s = sim();
    const before = s.pumpState();
    expect(refillAt(s, { aspirate: 'all', inject: inject(18), record: 21_000_000 as Nanolitres })).toMatchObject({
      ok: false,
      refusal: { code: 'reservoir.calculatedOverCapacity' },
    });
    expect(refillAt(s, { aspirate: 0 as Nanolitres, inject: inject(18) })).toMatchObject({
      ok: false,
      refusal: { code: 'reservoir.overCapacity' },
    });
    expect(s.pumpState()).toEqual(before);
    expect(s.lifecycle()).toBe('running');
  });

  it('refuses while another session is open, and at end of service, in words', () => {
    const open = sim();
    open.send({ type: 'update.begin' });
    const before = open.pumpState();
    expect(refillAt(open, { aspirate: 'all', inject: inject(18) })).toEqual({
      ok: false,
      refusal: { code: 'pump.updateInProgress', message: 'A programming session is already open on the pump.' },
    });
    expect(open.pumpState()).toEqual(before);
    const old = sim();
    old.advanceTo(daysToMs(12 * 365));
    expect(old.lifecycle()).toBe('endOfService');
    expect(refillAt(old, { aspirate: 'all', inject: inject(18) })).toEqual({
      ok: false,
      refusal: { code: 'pump.endOfService', message: 'The pump has reached end of service and must be replaced.' },
    });
  });
});
