import { describe, expect, it } from 'vitest';
import { parseClientMessage } from '../src/classroom/classMessages.ts';
import { FAULT_CHOICES } from '../src/classroom/faultChoices.ts';
import { parseTraineeCommand } from '../src/classroom/traineeCommand.ts';

describe('parseTraineeCommand: what a trainee device may send', () => {
  it('takes the programmer, a needle, a test dose and a bedside act', () => {
    for (const command of [
      { type: 'programmer.act', event: { type: 'session.connect' } },
      { type: 'programmer.act', event: { type: 'workflow.start', workflow: 'refill' } },
      {
        type: 'programmer.act',
        event: {
          type: 'draft.change',
          draft: {
            update: {
              program: { drug: 'baclofen', concentration: 500, therapy: { mode: 'simple', dose: 100_000_000 } },
            },
            bolus: null,
            alarmTest: false,
            bridgeDecision: null,
          },
        },
      },
      { type: 'programmer.act', event: { type: 'refill.aspirate' } },
      { type: 'programmer.act', event: { type: 'refill.inject', volume: 18_000_000, concentration: 500 } },
      { type: 'patient.testDose', doseMcg: 50 },
      // a pain class's trial: morphine, in mcg (the world bounds each drug's dose)
      { type: 'patient.testDose', doseMcg: 500, drug: 'morphine' },
      { type: 'clinical.act', action: 'clinical.suspectOverdose', detail: 'drowsy' },
      { type: 'ptm.press' },
      {
        type: 'programmer.act',
        event: {
          type: 'draft.change',
          draft: {
            update: {
              program: {
                drug: 'baclofen',
                concentration: 1000,
                therapy: { mode: 'simple', dose: 2_000_000_000 },
                ptm: { bolusDose: 100_000_000, bolusDurationMs: 900_000, lockoutMs: 3_600_000, maxPerDay: 6 },
              },
            },
            bolus: null,
            alarmTest: false,
            bridgeDecision: null,
          },
        },
      },
      // a pump replacement: the workflow, reading the new pump, the surgeon's steps
      { type: 'programmer.act', event: { type: 'workflow.start', workflow: 'replacement' } },
      { type: 'programmer.act', event: { type: 'replacement.readNew' } },
      { type: 'pump.replace', replacement: { profileId: 'synchromed-ii-20', catheter: 'kept' } },
      {
        type: 'pump.replace',
        replacement: { profileId: 'prometra-ii-20', catheter: 'new', newCatheterVolume: 156_000 },
      },
      { type: 'pump.connect' },
    ])
      expect(parseTraineeCommand(command)).toEqual({ ok: true, command });
  });

  it("the patient's handheld is a bare press: nothing else rides on it, and the programmer cannot press it", () => {
    expect(parseTraineeCommand({ type: 'ptm.press', bolusDose: 1 }).ok).toBe(false);
    expect(parseTraineeCommand({ type: 'programmer.act', event: { type: 'ptm.press' } }).ok).toBe(false);
  });

  it('refuses time, faults, what only a pump or link says, and bad numbers, saying where and what', () => {
    expect(parseTraineeCommand({ type: 'time.advance', to: 1 })).toEqual({
      ok: false,
      problems: [
        'command: type: expected type one of "programmer.act", "patient.testDose", "ptm.press", "pump.replace", "pump.connect", "clinical.act", found "time.advance"',
      ],
    });
    for (const bad of [
      { type: 'fault.inject', fault: { kind: 'memoryError' } },
      { type: 'programmer.act', event: { type: 'message.delivered' } },
      { type: 'programmer.act', event: { type: 'workflow.start', workflow: 'selfDestruct' } },
      // a needle outside the programmer's refill would act where the session cannot see it
      { type: 'visit.needle', visit: { aspirate: 'all', site: 'reservoir', inject: { volume: 0, masses: {} } } },
      { type: 'programmer.act', event: { type: 'refill.inject', volume: -1, concentration: 500 } },
      { type: 'patient.testDose', doseMcg: 1.5 },
      { type: 'patient.testDose', doseMcg: 500, drug: 'ziconotide' },
      { type: 'patient.testDose', doseMcg: 2001, drug: 'morphine' },
      { type: 'clinical.act', action: 'x'.repeat(101) },
      { type: 'clinical.act', action: 'clinical.suspectOverdose', extra: true },
      // a replacement names a model the library has, and brings nothing of its own (no prepared pump)
      { type: 'pump.replace', replacement: { profileId: 'acme-9000', catheter: 'kept' } },
      { type: 'pump.replace', replacement: { profileId: 'synchromed-ii-20', catheter: 'kept', prepared: {} } },
    ]) {
      const checked = parseTraineeCommand(bad);
      expect(checked.ok).toBe(false);
      if (!checked.ok) expect(checked.problems[0]).toMatch(/^command: .+: expected .+, found .+/);
    }
  });
});

describe('parseClientMessage', () => {
  it('normalises a join code and refuses one of the wrong shape', () => {
    expect(parseClientMessage({ type: 'join', code: ' ab12cd ', name: ' Ana ' })).toEqual({
      ok: true,
      message: { type: 'join', code: 'AB12CD', name: 'Ana' },
    });
    expect(parseClientMessage({ type: 'join', code: 'AB-12', name: 'Ana' }).ok).toBe(false);
    expect(parseClientMessage({ type: 'join', code: 'AB12CD', name: '' }).ok).toBe(false);
  });

  it('takes only the class speeds and the known actions', () => {
    expect(parseClientMessage({ type: 'control', classId: 'c', action: 'run', speed: 3600 }).ok).toBe(true);
    expect(parseClientMessage({ type: 'control', classId: 'c', action: 'run', speed: 1000 }).ok).toBe(false);
    expect(parseClientMessage({ type: 'control', classId: 'c', action: 'reset' }).ok).toBe(false);
    expect(parseClientMessage('join').ok).toBe(false);
  });

  it('names every fault choice once', () => {
    const ids = FAULT_CHOICES.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
