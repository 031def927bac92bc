import { describe, expect, it } from 'vitest';
import { daysToMs, fluidAt, type McgPerMl, type Nanolitres, type PumpEvent } from '../src/index.ts';
import { logEntries } from '../src/pump/pumpLog.ts';
import { buildPumpInput, simpleProgram } from '../src/testing/index.ts';
import { heard, startListenedPump } from './listenToPump.ts';

const start = (input = buildPumpInput({})) => startListenedPump(input);
type Pump = ReturnType<typeof start>;
const lifecycle = (p: Pump) => p.getSnapshot().value;
const refusal = (p: Pump) => heard(p).refusal;
const log = (p: Pump) => logEntries(p.getSnapshot().context.pump.log).map((e) => e.type);
const bolus: PumpEvent = {
  type: 'bolus.start',
  bolus: { kind: 'single', volume: 10_000 as Nanolitres, durationMs: 3_600_000 },
};
const commit: PumpEvent = { type: 'update.commit', update: { program: simpleProgram(300) } };

const REFUSALS = {
  notUpdating: { code: 'pump.notUpdating', message: 'No programming session is open on the pump.' },
  inProgress: { code: 'pump.updateInProgress', message: 'A programming session is already open on the pump.' },
  stopped: { code: 'bolus.pumpStopped', message: 'The pump is stopped; restart therapy before a bolus.' },
  eos: { code: 'pump.endOfService', message: 'The pump has reached end of service and must be replaced.' },
  failed: { code: 'pump.failed', message: 'The pump has a memory error and must be replaced.' },
};

describe('the pump machine, state by state', () => {
  it('running: commits and aborts need a session; a stop logs it; the alarm test is logged; a bolus runs and is cancelled', () => {
    const p = start();
    expect(lifecycle(p)).toBe('running');
    p.send(commit);
    expect(refusal(p)).toEqual(REFUSALS.notUpdating);
    p.send({ type: 'update.abort' });
    expect(refusal(p)).toEqual(REFUSALS.notUpdating);
    p.send({ type: 'alarm.test' });
    expect(refusal(p)).toBeNull();
    expect(log(p).at(-1)).toBe('alarm.tested');
    p.send(bolus);
    expect(p.getSnapshot().context.pump.bolus).not.toBeNull();
    p.send({ type: 'bolus.cancel' });
    expect(p.getSnapshot().context.pump.bolus).toBeNull();
    expect(log(p).at(-1)).toBe('bolus.cancelled');
    p.send({ type: 'bolus.cancel' });
    expect(refusal(p)?.code).toBe('bolus.noneRunning');
    p.send({ type: 'therapy.stop' });
    expect(lifecycle(p)).toBe('stopped');
    expect(p.getSnapshot().context.pump.therapyActive).toBe(false);
    expect(log(p).at(-1)).toBe('pump.stopped');
  });

  it('stopped: no bolus, commits need a session, restart logs it; a low battery reset still applies', () => {
    const p = start();
    p.send({ type: 'therapy.stop' });
    p.send(bolus);
    expect(refusal(p)).toEqual(REFUSALS.stopped);
    p.send(commit);
    expect(refusal(p)).toEqual(REFUSALS.notUpdating);
    p.send({ type: 'update.abort' });
    expect(refusal(p)).toEqual(REFUSALS.notUpdating);
    p.send({ type: 'therapy.start' });
    expect(lifecycle(p)).toBe('running');
    expect(p.getSnapshot().context.pump.therapyActive).toBe(true);
    expect(log(p).at(-1)).toBe('pump.started');
    p.send({ type: 'therapy.stop' });
    p.send({ type: 'fault.lowBatteryReset' });
    expect(log(p)).toContain('pump.reset');
  });

  it('updating: no second session, no bolus; a commit runs, an abort leaves it stopped', () => {
    const p = start();
    p.send({ type: 'update.begin' });
    expect(lifecycle(p)).toBe('updating');
    p.send({ type: 'update.begin' });
    expect(refusal(p)).toEqual(REFUSALS.inProgress);
    p.send(bolus);
    expect(refusal(p)).toEqual(REFUSALS.stopped);
    p.send({ type: 'update.commit', update: { lowReservoirThreshold: 100 as Nanolitres } });
    expect(refusal(p)?.code).toBeTruthy();
    expect(lifecycle(p)).toBe('updating');
    p.send(commit);
    expect(lifecycle(p)).toBe('running');
    expect(refusal(p)).toBeNull();
    expect(p.getSnapshot().context.pump.program).toEqual(simpleProgram(300));
    p.send({ type: 'update.begin' });
    p.send({ type: 'update.abort' });
    expect(lifecycle(p)).toBe('stopped');
    expect(log(p).at(-1)).toBe('update.incomplete');
    p.send({ type: 'update.begin' });
    p.send({ type: 'fault.lowBatteryReset' });
    expect(log(p)).toContain('pump.reset');
  });

  it('end of service: stops for good and refuses everything but a scan or a memory error', () => {
    const p = start(buildPumpInput({ ageAtStart: daysToMs(2000) as never }));
    p.send({ type: 'time.advance', to: daysToMs(500) });
    expect(lifecycle(p)).toBe('endOfService');
    expect(p.getSnapshot().context.pump.therapyActive).toBe(false);
    for (const e of [{ type: 'update.begin' }, commit, { type: 'therapy.start' }, bolus] as PumpEvent[]) {
      p.send(e);
      expect(refusal(p)).toEqual(REFUSALS.eos);
    }
    p.send({ type: 'fault.memoryError' });
    expect(log(p)).toContain('alarm.memoryError.raised');
  });

  it('failed: refuses every change; a second memory error changes nothing', () => {
    const p = start();
    p.send({ type: 'fault.memoryError' });
    expect(lifecycle(p)).toBe('failed');
    for (const e of [{ type: 'update.begin' }, commit, { type: 'therapy.start' }, bolus] as PumpEvent[]) {
      p.send(e);
      expect(refusal(p)).toEqual(REFUSALS.failed);
    }
    const before = p.getSnapshot().context.pump;
    p.send({ type: 'fault.memoryError' });
    expect(p.getSnapshot().context.pump).toBe(before);
  });

  it('anywhere: the needle records what it withdrew, and an overfill is refused with nothing injected', () => {
    const p = start();
    p.send({ type: 'reservoir.aspirate', volume: 1_000_000 as Nanolitres });
    expect(heard(p).withdrawn).toEqual({ volume: 1_000_000, masses: { baclofen: 500_000_000 } });
    p.send({ type: 'injection.give', site: 'reservoir', fluid: fluidAt(5_000_000 as Nanolitres, 500 as McgPerMl) });
    expect(refusal(p)?.code).toBe('reservoir.overCapacity');
    p.send({ type: 'injection.give', site: 'reservoir', fluid: fluidAt(500_000 as Nanolitres, 500 as McgPerMl) });
    expect(refusal(p)).toBeNull();
    p.send({ type: 'telemetry.interrogate' });
    expect(log(p).at(-1)).toBe('pump.interrogated');
  });

  it('a catheter fault with impossible figures is refused and changes nothing', () => {
    const p = start();
    const before = p.getSnapshot().context.pump;
    p.send({ type: 'fault.catheter.start', fault: { kind: 'occlusion', blockedPpm: 1_000_001 } });
    expect(refusal(p)).toEqual({ code: 'fault.invalid', message: 'An occlusion blocks from 0 to 100 % of the flow.' });
    expect(p.getSnapshot().context.pump).toBe(before);
  });
});
