import { describe, expect, it } from 'vitest';
import {
  createPatientParameters,
  createWorld,
  daysToMs,
  EMPTY_DRAFT,
  isWorldSnapshot,
  type Milliseconds,
} from '../src/index.ts';
import { buildPumpInput, simpleProgram } from '../src/testing/index.ts';

describe('saving and restoring a world', () => {
  it('a world restored from JSON continues exactly as the original does', () => {
    const input = { pump: buildPumpInput({ accuracy: 'nominal', seed: 9 }), origin: 'spinal' as const };
    const original = createWorld(input);
    original.simulation.advanceTo(daysToMs(3));
    original.act({ type: 'session.connect' });
    original.act({ type: 'workflow.start', workflow: 'doseChange' });
    original.act({ type: 'draft.change', draft: { ...EMPTY_DRAFT, update: { program: simpleProgram(300) } } });
    original.simulation.send({
      type: 'fault.catheter.start',
      fault: { kind: 'kink', periodMs: 3_600_000, kinkedMs: 600_000 },
    });
    const saved = JSON.parse(JSON.stringify(original.persist()));
    expect(isWorldSnapshot(saved)).toBe(true);
    expect(isWorldSnapshot({ format: 'something else' })).toBe(false);
    const restored = createWorld(saved.input, saved);
    expect(restored.session.getSnapshot().value).toBe('editing');
    for (const w of [original, restored]) {
      w.act({ type: 'review.open' });
      w.act({ type: 'review.confirm' });
      w.simulation.advanceTo(daysToMs(20) as Milliseconds);
    }
    expect(restored.simulation.pumpState()).toEqual(original.simulation.pumpState());
    expect(restored.session.getSnapshot().context).toEqual(original.session.getSnapshot().context);
    expect(restored.simulation.pumpState().program).toEqual(simpleProgram(300));
  });

  it('a world with a patient keeps the patient across a save and restore, and both go on identically', () => {
    const input = {
      pump: buildPumpInput({ program: simpleProgram(250) }),
      origin: 'spinal' as const,
      patient: createPatientParameters({ origin: 'spinal', needMcgPerDay: 250 }),
    };
    const original = createWorld(input);
    original.simulation.send({ type: 'fault.catheter.start', fault: { kind: 'occlusion', blockedPpm: 1_000_000 } });
    original.simulation.advanceTo(daysToMs(1));
    const saved = JSON.parse(JSON.stringify(original.persist()));
    expect(saved.patient.now).toBe(daysToMs(1));
    const restored = createWorld(saved.input, saved);
    for (const w of [original, restored]) w.simulation.advanceTo(daysToMs(4) as Milliseconds);
    expect(restored.simulation.patient()).toEqual(original.simulation.patient());
    expect(original.simulation.patient()?.withdrawal).not.toBe('none');
  });
});
