import { describe, expect, it } from 'vitest';
import {
  advancePump,
  advancePumpFixedTick,
  assertNever,
  createPumpState,
  daysToMs,
  EMPTY_DRAFT,
  fluidAt,
  ItpsMisuseError,
  isEmptyDraft,
  type McgPerMl,
  type Milliseconds,
  type Nanolitres,
  type PumpState,
} from '../src/index.ts';
import { createSimulation } from '../src/sim/simulation.ts';
import { buildPumpInput } from '../src/testing/index.ts';
import { refillAt } from './refillAt.ts';

// 20 mL at 500 mcg/mL and 250 mcg/day: the low-reservoir alarm (2 mL) falls due at exactly day 36
const input = buildPumpInput({});
const DAY = 86_400_000;

describe('the simulation', () => {
  it('moves forward only, says so when asked to go back, and stays put when asked for now', () => {
    const sim = createSimulation(input);
    sim.advanceTo(daysToMs(2));
    expect(() => sim.advanceTo(daysToMs(1))).toThrow(
      new ItpsMisuseError('advanceTo', `time cannot go back to ${DAY} ms`),
    );
    const before = sim.pumpState();
    sim.advanceTo(daysToMs(2));
    expect(sim.pumpState()).toBe(before);
  });

  it('knows its next event and jumps to it, or to the limit when that comes first', () => {
    const sim = createSimulation(input);
    expect(sim.nextEventTime()).toBe(36 * DAY);
    expect(sim.stepToNextEvent(daysToMs(10))).toBe(10 * DAY);
    expect(sim.now()).toBe(10 * DAY);
    expect(sim.stepToNextEvent(daysToMs(100))).toBe(36 * DAY);
    expect(sim.pumpState().alarms.lowReservoir.active).toBe(true);
  });

  it('restores from its persisted snapshot and goes on identically', () => {
    const sim = createSimulation(input);
    sim.advanceTo(daysToMs(20));
    const restored = createSimulation(input, JSON.parse(JSON.stringify(sim.persist())));
    expect(restored.now()).toBe(20 * DAY);
    sim.advanceTo(daysToMs(50));
    restored.advanceTo(daysToMs(50));
    expect(restored.pumpState()).toEqual(sim.pumpState());
    expect(restored.patient()).toBeNull();
    expect(restored.patientParameters).toBeNull();
  });
});

describe('advancing the pump state directly', () => {
  it('gives the same state in fixed ticks as in one event-driven step (but the count of events)', () => {
    const start = createPumpState(input);
    const strip = (s: PumpState) => ({ ...s, eventsProcessed: 0 });
    const ticked = advancePumpFixedTick(start, daysToMs(40), 3_600_000);
    expect(strip(ticked)).toEqual(strip(advancePump(start, daysToMs(40))));
    expect(ticked.now).toBe(40 * DAY);
    expect(advancePump(start, 0 as Milliseconds)).toBe(start);
  });

  it('refuses a tick that is not a positive integer, and a move backwards', () => {
    const start = createPumpState(input);
    expect(() => advancePumpFixedTick(start, daysToMs(1), 0)).toThrow(
      new ItpsMisuseError('advancePumpFixedTick', 'tick must be a positive integer, got 0'),
    );
    expect(() => advancePumpFixedTick(start, daysToMs(1), 1.5)).toThrow(ItpsMisuseError);
    const later = advancePump(start, daysToMs(1));
    expect(() => advancePump(later, 5 as Milliseconds)).toThrow(
      new ItpsMisuseError('advancePump', `cannot move from ${DAY} ms to 5 ms`),
    );
  });
});

describe('a refill visit at the pump', () => {
  it('is refused whole while a session is open, or when it would overfill', () => {
    const sim = createSimulation(input);
    sim.send({ type: 'update.begin' });
    expect(refillAt(sim, { aspirate: 'all', inject: fluidAt(1_000_000 as Nanolitres, 500 as McgPerMl) })).toEqual({
      ok: false,
      refusal: { code: 'pump.updateInProgress', message: 'A programming session is already open on the pump.' },
    });
    sim.send({ type: 'update.abort' });
    sim.send({ type: 'therapy.start' });
    const overfill = refillAt(sim, {
      aspirate: 0 as Nanolitres,
      inject: fluidAt(1_000_000 as Nanolitres, 500 as McgPerMl),
    });
    expect(overfill.ok).toBe(false);
    expect(sim.lifecycle()).toBe('running');
  });

  it('records what was left plus what was injected unless told otherwise', () => {
    const sim = createSimulation(input);
    sim.advanceTo(daysToMs(10));
    const done = refillAt(sim, { aspirate: 'all', inject: fluidAt(10_000_000 as Nanolitres, 500 as McgPerMl) });
    expect(done.ok).toBe(true);
    // 20 mL less 5 mL delivered, less what aspiration reached (all but the 1.4 mL dead space), plus 10 mL
    expect(sim.pumpState().belief.calculatedReservoir).toBe(11_400_000);
    const told = refillAt(sim, {
      aspirate: 0 as Nanolitres,
      inject: fluidAt(1_000_000 as Nanolitres, 500 as McgPerMl),
      record: 9_000_000 as Nanolitres,
    });
    expect(told.ok).toBe(true);
    expect(sim.pumpState().belief.calculatedReservoir).toBe(9_000_000);
  });
});

describe('small pieces', () => {
  it('an empty draft changes nothing; any update, bolus or alarm test is a change', () => {
    expect(isEmptyDraft(EMPTY_DRAFT)).toBe(true);
    expect(isEmptyDraft({ ...EMPTY_DRAFT, alarmTest: true })).toBe(false);
    expect(isEmptyDraft({ ...EMPTY_DRAFT, update: { lowReservoirThreshold: 3_000_000 as Nanolitres } })).toBe(false);
    expect(isEmptyDraft({ ...EMPTY_DRAFT, bolus: { kind: 'single', volume: 1 as Nanolitres, durationMs: 1 } })).toBe(
      false,
    );
    expect(EMPTY_DRAFT).toEqual({ update: {}, bolus: null, alarmTest: false, bridgeDecision: null });
  });

  it('misuse errors name where they were raised', () => {
    const e = new ItpsMisuseError('here', 'what went wrong');
    expect(e.name).toBe('ItpsMisuseError');
    expect(e.message).toBe('here: what went wrong');
    expect(() => assertNever('x' as never, 'switch')).toThrow(new ItpsMisuseError('switch', 'unexpected value "x"'));
  });
});
