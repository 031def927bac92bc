import { describe, expect, it } from 'vitest';
import {
  createPatientParameters,
  createPumpState,
  createWorld,
  type Milliseconds,
  type Nanolitres,
  sampleWorld,
  type WorldCommand,
} from '../src/index.ts';
import { logEntries } from '../src/pump/pumpLog.ts';
import { buildPumpInput, simpleProgram } from '../src/testing/index.ts';
import { act } from './worldActs.ts';

// The world's door, command by command, with the defaults a caller may leave out.
const world = () => createWorld({ pump: buildPumpInput(), origin: 'spinal' });
type W = ReturnType<typeof world>;
const log = (w: W) => logEntries(w.state().pump.log).map((e) => e.type);
const apply = (w: W, command: WorldCommand) => w.apply(command);

describe('the world, command by command', () => {
  it('a bolus at the pump starts, is cancelled, and an interrogation is logged', () => {
    const w = world();
    expect(
      apply(w, { type: 'bolus.start', bolus: { kind: 'single', volume: 10_000 as Nanolitres, durationMs: 3_600_000 } })
        .ok,
    ).toBe(true);
    expect(w.state().pump.bolus).not.toBeNull();
    expect(apply(w, { type: 'bolus.cancel' }).ok).toBe(true);
    expect(w.state().pump.bolus).toBeNull();
    expect(apply(w, { type: 'bolus.cancel' })).toMatchObject({ ok: false, refusal: { code: 'bolus.noneRunning' } });
    expect(apply(w, { type: 'pump.interrogate' }).ok).toBe(true);
    expect(log(w).slice(-3)).toEqual(['bolus.started', 'bolus.cancelled', 'pump.interrogated']);
  });

  it('an update interrupted before it is sent changes nothing at the pump', () => {
    const w = world();
    const before = w.state().pump;
    expect(apply(w, { type: 'pump.update', update: { program: simpleProgram(300) }, interrupt: 'beforeSend' }).ok).toBe(
      true,
    );
    expect(w.state().pump).toBe(before);
  });

  it('a drop or a disturbance given without its options starts with the next message, and drops the message itself', () => {
    const w = world();
    expect(apply(w, { type: 'link.drop', count: 1 }).ok).toBe(true);
    expect(w.persist().link).toMatchObject({ forcedDrops: 1, deliveriesBeforeDrop: 0, dropPart: 'message' });
    act(w, { type: 'session.connect' });
    expect(String(w.state().session.state)).toBe('disconnected');
    const v = world();
    expect(apply(v, { type: 'link.disturb', count: 1, fault: 'duplicate' }).ok).toBe(true);
    expect(v.persist().link).toMatchObject({ forcedDrops: 1, deliveriesBeforeDrop: 0, dropPart: 'duplicate' });
  });

  it('a test dose needs a patient and a dose from 1 mcg to the protocol maximum', () => {
    const w = world();
    expect(apply(w, { type: 'patient.testDose', doseMcg: 50 })).toMatchObject({
      ok: false,
      refusal: { code: 'patient.none' },
    });
    const patient = createPatientParameters({ origin: 'spinal', needMcgPerDay: 250 });
    const v = createWorld({ pump: buildPumpInput(), origin: 'spinal', patient });
    for (const dose of [0, Number.NaN, 1_000])
      expect(apply(v, { type: 'patient.testDose', doseMcg: dose })).toMatchObject({
        ok: false,
        refusal: { code: 'testDose.outOfRange' },
      });
    const csf = () => v.state().patient?.state.drug.csf;
    const before = csf() ?? 0;
    expect(apply(v, { type: 'patient.testDose', doseMcg: 50 }).ok).toBe(true);
    expect(csf()).toBe(before + 50);
  });

  it('a sample of a stopped world with a patient: no dose, and the patient figures', () => {
    const patient = createPatientParameters({ origin: 'spinal', needMcgPerDay: 250 });
    const v = createWorld({ pump: buildPumpInput(), origin: 'spinal', patient });
    apply(v, { type: 'pump.update', update: {}, interrupt: 'afterSend' });
    const s = sampleWorld(v.state());
    expect(s.dose).toBe(0);
    expect(s.patient).not.toBeNull();
    expect(sampleWorld(world().state()).patient).toBeNull();
  });
});

describe('the pump as constructed: misuse is refused loudly', () => {
  it('refuses a program it cannot run, a fill over capacity and a pump older than its battery', () => {
    expect(() => createPumpState(buildPumpInput({ program: simpleProgram(100_000) }))).toThrow(
      /above the pump's maximum/,
    );
    expect(() => createPumpState(buildPumpInput({ reservoirVolume: 20_000_001 as Nanolitres }))).toThrow(
      /over capacity/,
    );
    expect(() => createPumpState(buildPumpInput({ ageAtStart: (3000 * 86_400_000) as Milliseconds }))).toThrow(
      /older than its battery life/,
    );
  });
});
