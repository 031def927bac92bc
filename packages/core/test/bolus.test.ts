import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import {
  advancePump,
  createPumpState,
  daysToMs,
  hoursToMs,
  type Milliseconds,
  massOf,
  type Nanolitres,
  pumpBeliefView,
  pumpTruthView,
  startBolus,
} from '../src/index.ts';
import { logEntries } from '../src/pump/pumpLog.ts';
import { pumpMachine } from '../src/pump/pumpMachine.ts';
import { buildPumpInput } from '../src/testing/index.ts';
import { pumpAfterConcentrationSwitch } from './concentrationSwitch.ts';
import { listenToPump } from './listenToPump.ts';

const MCG = 1_000_000;

describe('boluses', () => {
  it('a bridge bolus keeps 400 mcg/day through a 2000 to 500 mcg/mL switch (0.3 mL dead volume)', () => {
    const switched = pumpAfterConcentrationSwitch();
    // the old 2000 mcg/mL fluid is moved at 400 / 2000 = 0.2 mL/day: 0.3 mL takes 1.5 days
    const bridged = startBolus(switched, {
      kind: 'bridge',
      volume: 300_000 as Nanolitres,
      durationMs: daysToMs(1.5),
    });
    if (!bridged.ok) throw new Error(bridged.refusal.message);
    let pump = bridged.value;
    expect(pumpBeliefView(pump, 'running').mode).toBe('bolus');
    // every 6 hours the patient receives 100 mcg, before, during and after the switch-over
    for (let h = 6; h <= 72; h += 6) {
      pump = advancePump(pump, hoursToMs(h));
      expect(massOf(pumpTruthView(pump).delivered, 'baclofen')).toBe((400 * MCG * h) / 24);
    }
    expect(logEntries(pump.log).map((e) => e.type)).toContain('bolus.completed');
    expect(pump.bolus).toBeNull();
  });

  it('a single bolus adds to the basal flow, then the basal therapy goes on', () => {
    const pump = createPumpState(buildPumpInput({ catheterVolume: 0 as Nanolitres }));
    // 50 mcg at 500 mcg/mL is 0.1 mL over 1 hour, on top of 250 mcg/day
    const started = startBolus(pump, { kind: 'single', volume: 100_000 as Nanolitres, durationMs: hoursToMs(1) });
    if (!started.ok) throw new Error(started.refusal.message);
    const after = advancePump(started.value, hoursToMs(24));
    // tubing 0.2 mL at 500 mcg/mL is all the same drug: a day of basal (250) plus the bolus (50)
    expect(massOf(pumpTruthView(after).delivered, 'baclofen')).toBe(300 * MCG);
    expect(after.belief.calculatedReservoir).toBe(20_000_000 - 500_000 - 100_000);
    expect(logEntries(after.log).find((e) => e.type === 'bolus.completed')?.at).toBe(hoursToMs(1));
  });

  it('a priming bolus fills an empty catheter after revision, so the drug reaches the tip when it ends', () => {
    // 0.2 mL tubing + 0.104 mL catheter, empty, primed at 1 mL/h
    let pump = createPumpState(buildPumpInput({ primedWith: 'empty', catheterVolume: 104_000 as Nanolitres }));
    const primed = startBolus(pump, { kind: 'priming', volume: 304_000 as Nanolitres, durationMs: 304_000 * 3.6 });
    if (!primed.ok) throw new Error(primed.refusal.message);
    pump = advancePump(primed.value, (304_000 * 3.6) as Milliseconds);
    const truth = pumpTruthView(pump);
    expect(truth.delivered).toEqual({ volume: 304_000, masses: {} });
    expect(massOf(truth.catheter, 'baclofen')).toBe(104_000 * 500);
    expect(pump.bolus).toBeNull();
  });

  it('refuses overlapping boluses, a rate above the maximum, and boluses while stopped or in a critical alarm', () => {
    const actor = createActor(pumpMachine, { input: buildPumpInput() }).start();
    const heard = listenToPump(actor);
    const code = () => heard.refusal?.code;
    actor.send({ type: 'bolus.start', bolus: { kind: 'single', volume: 1_000_000 as Nanolitres, durationMs: 60_000 } });
    expect(code()).toBe('bolus.rateAboveMaximum');
    actor.send({
      type: 'bolus.start',
      bolus: { kind: 'single', volume: 100_000 as Nanolitres, durationMs: hoursToMs(1) },
    });
    expect(code()).toBeUndefined();
    actor.send({
      type: 'bolus.start',
      bolus: { kind: 'single', volume: 100_000 as Nanolitres, durationMs: hoursToMs(1) },
    });
    expect(code()).toBe('bolus.alreadyRunning');
    actor.send({ type: 'bolus.cancel' });
    actor.send({ type: 'therapy.stop' });
    actor.send({
      type: 'bolus.start',
      bolus: { kind: 'single', volume: 100_000 as Nanolitres, durationMs: hoursToMs(1) },
    });
    expect(code()).toBe('bolus.pumpStopped');
    actor.send({ type: 'therapy.start' });
    actor.send({ type: 'fault.motorStall', recoversAt: null });
    actor.send({
      type: 'bolus.start',
      bolus: { kind: 'single', volume: 100_000 as Nanolitres, durationMs: hoursToMs(1) },
    });
    expect(code()).toBe('bolus.motorStalled');
    actor.send({ type: 'time.advance', to: daysToMs(45) });
    actor.send({
      type: 'bolus.start',
      bolus: { kind: 'single', volume: 100_000 as Nanolitres, durationMs: hoursToMs(1) },
    });
    expect(code()).toBe('bolus.motorStalled');
  });
});

describe('a bolus stopped by a fault', () => {
  it('is logged as cancelled when a low battery reset or a memory error stops it (found by the deep campaign)', () => {
    for (const fault of ['fault.lowBatteryReset', 'fault.memoryError'] as const) {
      const actor = createActor(pumpMachine, { input: buildPumpInput() }).start();
      actor.send({
        type: 'bolus.start',
        bolus: { kind: 'single', volume: 100_000 as Nanolitres, durationMs: hoursToMs(1) },
      });
      actor.send({ type: fault });
      const types = logEntries(actor.getSnapshot().context.pump.log).map((e) => e.type);
      expect(types.indexOf('bolus.cancelled'), fault).toBeGreaterThan(types.indexOf('bolus.started'));
      expect(actor.getSnapshot().context.pump.bolus).toBeNull();
    }
  });
});
