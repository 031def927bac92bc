import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import {
  daysToMs,
  hoursToMs,
  type Milliseconds,
  massOf,
  type Nanolitres,
  pumpBeliefView,
  pumpTruthView,
} from '../src/index.ts';
import { logEntries } from '../src/pump/pumpLog.ts';
import { pumpMachine } from '../src/pump/pumpMachine.ts';
import { buildPumpInput, simpleProgram } from '../src/testing/index.ts';
import { listenToPump } from './listenToPump.ts';

const MCG = 1_000_000;
const start = (overrides = {}) => createActor(pumpMachine, { input: buildPumpInput(overrides) }).start();
const types = (actor: ReturnType<typeof start>) => logEntries(actor.getSnapshot().context.pump.log).map((e) => e.type);
const belief = (actor: ReturnType<typeof start>) =>
  pumpBeliefView(actor.getSnapshot().context.pump, actor.getSnapshot().value as never);
const truth = (actor: ReturnType<typeof start>) => pumpTruthView(actor.getSnapshot().context.pump);

describe('motor stall and MRI', () => {
  it('a transient stall stops delivery, sounds the critical alarm, and logs stall and recovery', () => {
    const pump = start({ catheterVolume: 0 as Nanolitres });
    pump.send({ type: 'time.advance', to: daysToMs(1) });
    pump.send({ type: 'fault.motorStall', recoversAt: daysToMs(3) });
    expect(belief(pump).state).toBe('stalled');
    expect(belief(pump).alarms.motorStall).toBe(true);
    pump.send({ type: 'time.advance', to: daysToMs(4) });
    // delivered on days 0-1 and 3-4 only
    expect(massOf(truth(pump).delivered, 'baclofen')).toBe(500 * MCG);
    expect(belief(pump).calculatedReservoir).toBe(19_000_000);
    expect(types(pump)).toEqual([
      'motor.stall',
      'alarm.motorStall.raised',
      'motor.recovered',
      'alarm.motorStall.cleared',
    ]);
    expect(logEntries(pump.getSnapshot().context.pump.log)[2]?.at).toBe(daysToMs(3));
  });

  it('an MRI stalls a SynchroMed-like pump for the scan and the recovery delay', () => {
    const pump = start();
    pump.send({
      type: 'mri.scan',
      scan: { durationMs: hoursToMs(1), fieldMilliTesla: 1500, recoveryDelayMs: hoursToMs(5) },
    });
    pump.send({ type: 'time.advance', to: hoursToMs(5) });
    expect(belief(pump).state).toBe('stalled');
    pump.send({ type: 'time.advance', to: hoursToMs(7) });
    expect(belief(pump).state).toBe('running');
    expect(logEntries(pump.getSnapshot().context.pump.log).find((e) => e.type === 'motor.recovered')?.at).toBe(
      hoursToMs(6),
    );
  });

  it('after an MRI with an alarm sounding the pump stays stopped until interrogated', () => {
    const pump = start({ reservoirVolume: 1_500_000 as Nanolitres });
    expect(belief(pump).alarms.lowReservoir).toBe(true);
    pump.send({ type: 'mri.scan', scan: { durationMs: hoursToMs(1), fieldMilliTesla: 1500, recoveryDelayMs: 0 } });
    pump.send({ type: 'time.advance', to: daysToMs(2) });
    expect(belief(pump).awaitingInterrogation).toBe(true);
    expect(belief(pump).state).toBe('stopped');
    expect(belief(pump).calculatedReservoir).toBe(1_500_000);
    pump.send({ type: 'telemetry.interrogate' });
    pump.send({ type: 'time.advance', to: daysToMs(3) });
    expect(belief(pump).state).toBe('running');
    expect(belief(pump).calculatedReservoir).toBe(1_000_000);
  });

  it('an MRI dumps a full Prometra-like reservoir into the patient and its shut-off valve stops the pump', () => {
    const pump = start({ profileId: 'prometra-ii-20', reservoirVolume: 10_000_000 as Nanolitres });
    pump.send({ type: 'mri.scan', scan: { durationMs: hoursToMs(1), fieldMilliTesla: 1500, recoveryDelayMs: 0 } });
    expect(pump.getSnapshot().value).toBe('stopped');
    // the whole reservoir (10 mL at 500 mcg/mL) leaves through the tip
    expect(massOf(truth(pump).delivered, 'baclofen')).toBe(5000 * MCG);
    expect(truth(pump).reservoir.volume).toBe(0);
    expect(belief(pump).calculatedReservoir).toBe(10_000_000);
  });

  it('an emptied Prometra-like pump programmed to stop goes through an MRI unharmed', () => {
    const pump = start({ profileId: 'prometra-ii-20', reservoirVolume: 10_000_000 as Nanolitres });
    pump.send({ type: 'update.begin' });
    pump.send({ type: 'reservoir.aspirate', volume: 'all' });
    pump.send({
      type: 'update.commit',
      update: {
        calculatedReservoir: 0 as Nanolitres,
        program: { ...simpleProgram(250), therapy: { mode: 'stopped' } },
      },
    });
    pump.send({ type: 'mri.scan', scan: { durationMs: hoursToMs(1), fieldMilliTesla: 1500, recoveryDelayMs: 0 } });
    expect(massOf(truth(pump).delivered, 'baclofen')).toBe(0);
    expect(pump.getSnapshot().value).toBe('running');
  });
});

describe('electronics faults', () => {
  it('a low battery reset drops to the minimum rate with a critical alarm until reprogrammed', () => {
    const pump = start();
    pump.send({ type: 'fault.lowBatteryReset' });
    expect(belief(pump).mode).toBe('minimum');
    expect(belief(pump).rate).toBe(6_000);
    expect(belief(pump).alarms.lowBatteryReset).toBe(true);
    pump.send({ type: 'update.begin' });
    pump.send({ type: 'update.commit', update: { program: simpleProgram(250) } });
    expect(belief(pump).alarms.lowBatteryReset).toBe(false);
    expect(belief(pump).mode).toBe('simple');
  });

  it('a memory error stops the pump for good', () => {
    const pump = start();
    pump.send({ type: 'fault.memoryError' });
    expect(pump.getSnapshot().value).toBe('failed');
    expect(belief(pump).state).toBe('error');
    expect(belief(pump).alarms.memoryError).toBe(true);
    pump.send({ type: 'time.advance', to: daysToMs(5) });
    expect(truth(pump).delivered.volume).toBe(0);
    const heard = listenToPump(pump);
    pump.send({ type: 'update.begin' });
    expect(heard.refusal?.code).toBe('pump.failed');
  });
});

describe('catheter faults the pump cannot sense', () => {
  it('a full occlusion delivers nothing, raises nothing, and the pump counts as before', () => {
    const pump = start();
    pump.send({ type: 'fault.catheter.start', fault: { kind: 'occlusion', blockedPpm: 1_000_000 } });
    pump.send({ type: 'time.advance', to: daysToMs(10) });
    expect(truth(pump).delivered.volume).toBe(0);
    expect(truth(pump).reservoir.volume).toBe(20_000_000);
    expect(belief(pump).calculatedReservoir).toBe(15_000_000);
    expect(types(pump)).toEqual([]);
    pump.send({ type: 'fault.catheter.end', kind: 'occlusion' });
    pump.send({ type: 'time.advance', to: daysToMs(11) });
    expect(truth(pump).delivered.volume).toBe(500_000);
  });

  it('an intermittent kink blocks the flow for its share of each period', () => {
    const pump = start();
    pump.send({
      type: 'fault.catheter.start',
      fault: { kind: 'kink', periodMs: hoursToMs(6), kinkedMs: hoursToMs(2) },
    });
    pump.send({ type: 'time.advance', to: daysToMs(3) });
    // kinked a third of the time: two thirds of 1.5 mL
    expect(truth(pump).delivered.volume).toBe(1_000_000);
    expect(types(pump)).toEqual([]);
  });

  it('a fracture at 0.05 mL of catheter sends everything into the tissue and leaves the tip segment still', () => {
    const pump = start();
    pump.send({ type: 'fault.catheter.start', fault: { kind: 'fracture', atVolume: 50_000 as Nanolitres } });
    pump.send({ type: 'time.advance', to: daysToMs(4) });
    expect(truth(pump).delivered.volume).toBe(0);
    expect(truth(pump).sinks.leak).toEqual({ volume: 2_000_000, masses: { baclofen: 1000 * MCG } });
    expect(truth(pump).catheter.volume).toBe(104_000);
  });

  it('a disconnection at the pump sends the flow into the pocket', () => {
    const pump = start();
    pump.send({ type: 'fault.catheter.start', fault: { kind: 'disconnect' } });
    pump.send({ type: 'time.advance', to: daysToMs(2) });
    expect(truth(pump).sinks.pocket).toEqual({ volume: 1_000_000, masses: { baclofen: 500 * MCG } });
    expect(truth(pump).delivered.volume).toBe(0);
  });

  it('a tip migrated under the skin delivers to subcutaneous tissue, then intrathecal again once revised', () => {
    const pump = start({ catheterVolume: 0 as Nanolitres, pumpTubingVolume: 0 as Nanolitres });
    pump.send({ type: 'fault.catheter.start', fault: { kind: 'tipMigration', tip: 'subcutaneous' } });
    pump.send({ type: 'time.advance', to: daysToMs(1) });
    pump.send({ type: 'fault.catheter.end', kind: 'tipMigration' });
    pump.send({ type: 'time.advance', to: (daysToMs(1) + daysToMs(1)) as Milliseconds });
    expect(massOf(truth(pump).sinks.pocket, 'baclofen')).toBe(250 * MCG);
    expect(massOf(truth(pump).delivered, 'baclofen')).toBe(250 * MCG);
  });
});

describe('seeded draws', () => {
  const scan = { durationMs: hoursToMs(1), fieldMilliTesla: 3000, recoveryDelayMs: 'drawn' as const };
  const recovery = (seed: number) => {
    const pump = start({ seed });
    pump.send({ type: 'mri.scan', scan });
    return pump.getSnapshot().context.pump.motor.stall?.recoversAt;
  };

  it('draws the MRI recovery delay from the seed: 0 to 24 h after the scan, the same for the same seed', () => {
    const delays = [1, 2, 3, 4, 5, 6, 7, 8].map((seed) => (recovery(seed) ?? 0) - hoursToMs(1));
    for (const d of delays) {
      expect(d).toBeGreaterThanOrEqual(0);
      expect(d).toBeLessThanOrEqual(hoursToMs(24));
    }
    expect(new Set(delays).size).toBeGreaterThan(1);
    expect(recovery(3)).toBe(recovery(3));
  });

  it('draws a random stall as permanent or transient (at most 72 h) from the seed', () => {
    const outcomes = Array.from({ length: 40 }, (_, seed) => {
      const pump = start({ seed });
      pump.send({ type: 'fault.motorStall', recoversAt: 'drawn' });
      return pump.getSnapshot().context.pump.motor.stall?.recoversAt;
    });
    expect(outcomes.some((r) => r === null)).toBe(true);
    const transient = outcomes.filter((r): r is Milliseconds => r !== null && r !== undefined);
    expect(transient.length).toBeGreaterThan(0);
    for (const r of transient) expect(r).toBeLessThanOrEqual(hoursToMs(72));
  });
});
