import { describe, expect, it } from 'vitest';
import { daysToMs, hoursToMs, type Nanolitres, pumpBeliefView } from '../src/index.ts';
import { logEntries } from '../src/pump/pumpLog.ts';
import { buildPumpInput, simpleProgram } from '../src/testing/index.ts';
import { heard, startListenedPump } from './listenToPump.ts';

const start = (overrides = {}) => startListenedPump(buildPumpInput(overrides));
const logTypes = (actor: ReturnType<typeof start>) =>
  logEntries(actor.getSnapshot().context.pump.log).map((e) => e.type);

describe('pumpMachine updates', () => {
  it('stops the pump while an update is open and restarts it with the new program on commit', () => {
    const pump = start();
    pump.send({ type: 'time.advance', to: daysToMs(1) });
    pump.send({ type: 'update.begin' });
    expect(pump.getSnapshot().value).toBe('updating');
    pump.send({ type: 'time.advance', to: daysToMs(2) });
    // no delivery during the open session: 1 day at 0.5 mL/day only
    expect(pump.getSnapshot().context.pump.belief.calculatedReservoir).toBe(19_500_000);
    pump.send({ type: 'update.commit', update: { program: simpleProgram(300) } });
    expect(pump.getSnapshot().value).toBe('running');
    expect(pump.getSnapshot().context.pump.program).toEqual(simpleProgram(300));
    expect(logTypes(pump)).toEqual(['update.begun', 'pump.stopped', 'program.committed', 'pump.started']);
  });

  it('leaves an abandoned update stopped with the old program and an incomplete-update entry', () => {
    const pump = start();
    pump.send({ type: 'update.begin' });
    pump.send({ type: 'update.abort' });
    const snap = pump.getSnapshot();
    expect(snap.value).toBe('stopped');
    expect(snap.context.pump.program).toEqual(simpleProgram(250));
    expect(logTypes(pump)).toContain('update.incomplete');
    expect(pumpBeliefView(snap.context.pump, 'stopped').state).toBe('stopped');
    pump.send({ type: 'time.advance', to: daysToMs(10) });
    expect(pump.getSnapshot().context.pump.truth.sinks.csf.volume).toBe(0);
    pump.send({ type: 'therapy.start' });
    expect(pump.getSnapshot().value).toBe('running');
  });

  it('refuses an invalid update with a reason code and stays in the session, nothing applied', () => {
    const pump = start();
    pump.send({ type: 'update.begin' });
    pump.send({
      type: 'update.commit',
      update: { program: simpleProgram(300), calculatedReservoir: 25_000_000 as Nanolitres },
    });
    const snap = pump.getSnapshot();
    expect(snap.value).toBe('updating');
    expect(heard(pump).refusal?.code).toBe('reservoir.calculatedOverCapacity');
    expect(snap.context.pump.program).toEqual(simpleProgram(250));
    pump.send({ type: 'update.commit', update: { lowReservoirThreshold: 100 as Nanolitres } });
    expect(heard(pump).refusal?.code).toBe('alarm.thresholdOutOfRange');
  });

  it('refuses a commit without an open session', () => {
    const pump = start();
    pump.send({ type: 'update.commit', update: { program: simpleProgram(300) } });
    expect(heard(pump).refusal?.code).toBe('pump.notUpdating');
    expect(pump.getSnapshot().context.pump.program).toEqual(simpleProgram(250));
    pump.send({ type: 'update.begin' });
    pump.send({ type: 'update.begin' });
    expect(heard(pump).refusal?.code).toBe('pump.updateInProgress');
  });

  it('a recorded refill clears the low-reservoir alarm', () => {
    const pump = start();
    pump.send({ type: 'time.advance', to: daysToMs(37) });
    expect(pump.getSnapshot().context.pump.alarms.lowReservoir.active).toBe(true);
    pump.send({ type: 'update.begin' });
    pump.send({ type: 'reservoir.aspirate', volume: 'all' });
    // 1.5 mL left, 1.4 mL of dead space: 0.1 mL can be withdrawn
    expect(heard(pump).withdrawn?.volume).toBe(100_000);
    pump.send({
      type: 'injection.give',
      site: 'reservoir',
      fluid: { volume: 18_600_000 as Nanolitres, masses: { baclofen: 9_300_000_000 as never } },
    });
    pump.send({ type: 'update.commit', update: { calculatedReservoir: 20_000_000 as Nanolitres } });
    const snap = pump.getSnapshot();
    expect(snap.context.pump.alarms.lowReservoir.active).toBe(false);
    expect(logTypes(pump)).toEqual([
      'alarm.lowReservoir.raised',
      'update.begun',
      'pump.stopped',
      'refill.recorded',
      'alarm.lowReservoir.cleared',
      'pump.started',
    ]);
  });

  it('reaches end of service 90 days after ERI and refuses programming from then on', () => {
    // at 100 mcg/day (0.2 mL/day) the battery drains 3 200 000 units a day: 7 665 000 000 last 2395.3125
    // days, so a pump implanted 2305.3125 days ago reaches ERI at day 90 (the reservoir lasts 100 days)
    const pump = start({ program: simpleProgram(100), ageAtStart: daysToMs(2305) + hoursToMs(7.5) });
    pump.send({ type: 'time.advance', to: daysToMs(89) });
    expect(pump.getSnapshot().context.pump.alarms.eri.active).toBe(false);
    pump.send({ type: 'time.advance', to: daysToMs(90) });
    expect(pump.getSnapshot().context.pump.battery.eriAt).toBe(daysToMs(90));
    pump.send({ type: 'time.advance', to: daysToMs(400) });
    const snap = pump.getSnapshot();
    expect(snap.value).toBe('endOfService');
    expect(snap.context.pump.battery.eosAt).toBe(daysToMs(180));
    pump.send({ type: 'update.begin' });
    expect(heard(pump).refusal?.code).toBe('pump.endOfService');
  });
});
