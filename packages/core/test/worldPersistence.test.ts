import { describe, expect, it } from 'vitest';
import { createPatientParameters, createWorld, daysToMs, EMPTY_DRAFT, type Milliseconds } from '../src/index.ts';
import { buildPumpInput, simpleProgram } from '../src/testing/index.ts';
import { act, advance } from './worldActs.ts';

describe('saving and restoring a world', () => {
  it('a world restored from JSON continues exactly as the original does', () => {
    const input = { pump: buildPumpInput({ accuracy: 'nominal', seed: 9 }), origin: 'spinal' as const };
    const original = createWorld(input);
    advance(original, daysToMs(3));
    act(original, { type: 'session.connect' });
    act(original, { type: 'workflow.start', workflow: 'doseChange' });
    act(original, { type: 'draft.change', draft: { ...EMPTY_DRAFT, update: { program: simpleProgram(300) } } });
    original.apply({
      type: 'fault.inject',
      fault: { kind: 'catheter', fault: { kind: 'kink', periodMs: 3_600_000, kinkedMs: 600_000 } },
    });
    const saved = JSON.parse(JSON.stringify(original.persist()));
    const restored = createWorld(saved.input, saved);
    expect(restored.state().session.state).toBe('editing');
    for (const w of [original, restored]) {
      act(w, { type: 'review.open' });
      act(w, { type: 'review.confirm' });
      advance(w, daysToMs(20) as Milliseconds);
    }
    expect(restored.state().pump).toEqual(original.state().pump);
    expect(restored.state().session.context).toEqual(original.state().session.context);
    expect(restored.state().pump.program).toEqual(simpleProgram(300));
  });

  it('a world with a patient keeps the patient across a save and restore, and both go on identically', () => {
    const input = {
      pump: buildPumpInput({ program: simpleProgram(250) }),
      origin: 'spinal' as const,
      patient: createPatientParameters({ origin: 'spinal', needMcgPerDay: 250 }),
    };
    const original = createWorld(input);
    original.apply({
      type: 'fault.inject',
      fault: { kind: 'catheter', fault: { kind: 'occlusion', blockedPpm: 1_000_000 } },
    });
    advance(original, daysToMs(1));
    const saved = JSON.parse(JSON.stringify(original.persist()));
    expect(saved.patient.now).toBe(daysToMs(1));
    const restored = createWorld(saved.input, saved);
    for (const w of [original, restored]) advance(w, daysToMs(4) as Milliseconds);
    expect(restored.state().patient?.state).toEqual(original.state().patient?.state);
    expect(original.state().patient?.state?.withdrawal).not.toBe('none');
  });
});
