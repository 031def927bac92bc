import { describe, expect, it } from 'vitest';
import {
  checkExerciseFields,
  type FieldProblem,
  parseScenario,
  type ScenarioFile,
  unpassableProblems,
} from '../src/index.ts';

/**
 * A small exercise, worked by hand: a spinal patient on 300 mcg/day whose catheter blocks at 2 h;
 * the trainee meets her at 1 day and the story ends at 3 days. Each test changes one thing.
 */
const BASE = {
  format: 'itps-scenario/1',
  name: 'Occluded at 2 h',
  duration: 'P3D',
  pump: {
    model: 'synchromed-ii-20',
    reservoir: { volumeMl: 18, drug: 'baclofen', concentrationMcgPerMl: 500 },
    catheter: { implantedLengthCm: 40 },
    therapy: { mode: 'simple', doseMcgPerDay: 300 },
  },
  patient: { origin: 'spinal', needMcgPerDay: 300 },
  timeline: [{ at: 'PT2H', action: 'fault', kind: 'catheterOcclusion' }],
  training: {
    visitAt: 'P1D',
    brief: 'Mrs Petrov phones: itching, racing heart.',
    objectives: [
      { text: 'Recognise withdrawal', event: 'clinical.suspectWithdrawal', before: 'P2D' },
      { text: 'Interrogate the pump', event: 'pump.interrogated', after: 'P1D' },
    ],
    silentFault: { at: 'PT2H', detectedBy: 'clinical.suspectCatheter' },
  },
};

type Doc = typeof BASE & Record<string, unknown>;
const edit = (change: (d: Doc) => void): Doc => {
  const d = structuredClone(BASE) as Doc;
  change(d);
  return d;
};
const scenarioOf = (d: unknown): ScenarioFile => {
  const parsed = parseScenario(JSON.stringify(d), 'test.yaml');
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.scenario;
};
const errors = (d: unknown): FieldProblem[] => unpassableProblems(scenarioOf(d)).filter((p) => p.severity === 'error');
const objectives = (d: Doc) => d.training.objectives as unknown[];

describe('unpassableProblems: what no trainee can pass, at its field', () => {
  it('the base exercise has none', () => {
    expect(errors(BASE)).toEqual([]);
  });

  it('an objective naming an event nothing in the exercise produces (no ERI on a new pump in 3 days)', () => {
    const d = edit((d) => {
      objectives(d).push({ text: 'See the ERI', event: 'alarm.eri.raised' });
    });
    expect(errors(d)).toEqual([
      {
        path: 'training.objectives.2.event',
        message:
          'What the trainee must do: expected something a trainee can do, or that happens in this exercise; found "alarm.eri.raised", which nothing in this exercise produces.',
        severity: 'error',
      },
    ]);
    // the same alarm on a pump 2126 days old does come (the elective replacement exercise's pump)
    const old = edit((d) => {
      (d.pump as Record<string, unknown>).ageAtStart = 'P2128D';
      objectives(d).push({ text: 'See the ERI', event: 'alarm.eri.raised' });
    });
    expect(errors(old)).toEqual([]);
  });

  it('a trainee action a screening trial does not offer (no programmer before a pump)', () => {
    const d = edit((d) => {
      (d.training as Record<string, unknown>).phase = 'screening';
      d.pump.therapy = { mode: 'stopped' } as never;
      d.timeline = [];
      delete (d.training as Record<string, unknown>).silentFault;
    });
    expect(errors(d).map((p) => p.path)).toEqual(['training.objectives.1.event']);
  });

  it('a window that closes before the visit: the trainee cannot act before they arrive', () => {
    const d = edit((d) => {
      objectives(d)[0] = { text: 'Recognise withdrawal', event: 'clinical.suspectWithdrawal', before: 'PT20H' };
    });
    expect(errors(d)).toEqual([
      {
        path: 'training.objectives.0.before',
        message:
          'The objective’s window closes: expected a window that closes after the trainee arrives (P1D); found PT20H.',
        severity: 'error',
      },
    ]);
  });

  it('but a window before the visit that the story itself meets is passable (the pump logs its own start)', () => {
    const d = edit((d) => {
      d.timeline.push({ at: 'PT3H', action: 'program', therapy: { mode: 'simple', doseMcgPerDay: 310 } } as never);
      objectives(d)[0] = { text: 'Colleague’s change stored', event: 'program.committed', before: 'PT20H' };
    });
    // before the visit every run is the same: the colleague's program, stored at 3 h, meets it for all
    expect(errors(d)).toEqual([]);
    const alarm = edit((d) => {
      d.pump.reservoir.volumeMl = 2.2;
      objectives(d)[0] = { text: 'Alarm before the visit', event: 'alarm.lowReservoir.raised', before: 'PT20H' };
    });
    // low reservoir: 2.2 mL at 0.6 mL/day crosses 2 mL at 8 h, before the visit: the story meets it
    expect(errors(alarm)).toEqual([]);
  });

  it('a window that opens after the end, and one that closes before it opens', () => {
    const d = edit((d) => {
      objectives(d)[1] = { text: 'Interrogate', event: 'pump.interrogated', after: 'P4D' };
      objectives(d).push({ text: 'Upside down', event: 'pump.interrogated', after: 'P2D', before: 'P1DT12H' });
    });
    expect(errors(d).map((p) => [p.path, p.message])).toEqual([
      [
        'training.objectives.1.after',
        'The objective’s window opens: expected a window that opens before the end (P3D); found P4D.',
      ],
      [
        'training.objectives.2.before',
        'The objective’s window closes: expected a window that closes after it opens (P2D); found P1DT12H.',
      ],
    ]);
  });

  it('an atEnd value no run can reach: a pump state that does not exist, 25 mL in a 20 mL reservoir, an Ashworth of 5', () => {
    const d = edit((d) => {
      objectives(d).push({
        text: 'End state',
        atEnd: { 'pump.state': 'paused', 'truth.reservoirMl': { min: 25, max: 30 }, 'patient.ashworth': 5 },
      });
    });
    expect(errors(d).map((p) => p.path)).toEqual([
      'training.objectives.2.atEnd.pump.state',
      'training.objectives.2.atEnd.truth.reservoirMl',
      'training.objectives.2.atEnd.patient.ashworth',
    ]);
    // within reach: 18 mL in a 20 mL reservoir, near 1 within 0.5
    const ok = edit((d) => {
      objectives(d).push({
        text: 'End',
        atEnd: { 'truth.reservoirMl': { near: 18, within: 2 }, 'patient.ashworth': { near: 1, within: 0.5 } },
      });
    });
    expect(errors(ok)).toEqual([]);
  });

  it('something that must never happen but already has when the trainee arrives', () => {
    // the occlusion at 2 h: by the visit at 1 day the patient is already in early withdrawal? no: work it out from the run
    const d = edit((d) => {
      d.training.visitAt = 'P2D';
      objectives(d).push({ text: 'Never early withdrawal', never: 'patient.withdrawal.early' });
    });
    const found = errors(d);
    expect(found).toHaveLength(1);
    expect(found[0]?.path).toBe('training.objectives.2.never');
    expect(found[0]?.message).toMatch(
      /^What must never happen: expected something that has not already happened when the trainee arrives; found "patient.withdrawal.early" at P1DT\d+H(\d+M)?(\d+S)?, before the visit at P2D\.$/,
    );
  });

  it('a visit after the end, and a silent fault after the end', () => {
    // the format itself refuses a fault after the end (timeline order and duration); a visit and the
    // silent fault's instant are the exercise's own: judged here
    const late = scenarioOf(BASE);
    const s: ScenarioFile = {
      ...late,
      training: {
        ...(late.training as NonNullable<ScenarioFile['training']>),
        visitAt: late.duration + 1,
        silentFault: { at: late.duration + 3_600_000, detectedBy: 'clinical.suspectCatheter' },
      },
    } as ScenarioFile;
    expect(
      unpassableProblems(s)
        .filter((p) => p.severity === 'error')
        .map((p) => [p.path, p.message]),
    ).toEqual([
      [
        'training.visitAt',
        'When the trainee meets the patient: expected a visit before the end of the exercise (P3D); found P3DT0.001S.',
      ],
      [
        'training.silentFault.at',
        'When the silent fault begins: expected a time within the exercise (P3D); found P3DT1H.',
      ],
      // and the first objective's window, which closes at 2 days, now closes before the trainee arrives
      [
        'training.objectives.0.before',
        'The objective’s window closes: expected a window that closes after the trainee arrives (P3DT0.001S); found P2D.',
      ],
    ]);
    const fault: ScenarioFile = {
      ...late,
      timeline: [
        { ...(late.timeline?.[0] as NonNullable<ScenarioFile['timeline']>[number]), at: late.duration + 60_000 },
      ],
    } as ScenarioFile;
    expect(unpassableProblems(fault).filter((p) => p.path === 'timeline.0.at')).toEqual([
      {
        path: 'timeline.0.at',
        message: 'When it happens: expected a time within the exercise (P3D); found P3DT1M.',
        severity: 'error',
      },
    ]);
  });

  it('points that sum to zero (a scenario built in code: a file cannot give an objective 0 points)', () => {
    const s = scenarioOf(BASE);
    const zero = {
      ...s,
      training: {
        ...(s.training as NonNullable<ScenarioFile['training']>),
        silentFault: undefined,
        objectives: [{ text: 'Nothing', never: 'pump.reset', points: 0 }],
      },
    } as unknown as ScenarioFile;
    expect(unpassableProblems(zero).filter((p) => p.severity === 'error')).toEqual([
      {
        path: 'training.objectives',
        message: 'The objectives: expected points to earn; found points that sum to zero.',
        severity: 'error',
      },
    ]);
  });

  it('warns when a trainee who does nothing passes, and when the right plan falls short', () => {
    const idlePasses = edit((d) => {
      d.timeline = [];
      delete (d.training as Record<string, unknown>).silentFault;
      d.training.objectives = [{ text: 'Never severe', never: 'patient.withdrawal.severe' }] as never;
    });
    expect(unpassableProblems(scenarioOf(idlePasses))).toEqual([
      {
        path: 'training.objectives',
        message:
          'The objectives: expected objectives a trainee who does nothing fails (below 70 %); found a pass at 100 % with nothing done.',
        severity: 'warning',
      },
    ]);
    const plan = edit((d) => {
      (d.training as Record<string, unknown>).plan = [{ at: 'P1D', do: 'clinical.suspectWithdrawal' }];
    });
    const warnings = unpassableProblems(scenarioOf(plan)).filter((p) => p.severity === 'warning');
    expect(warnings.map((p) => p.path)).toEqual(['training.plan']);
    expect(warnings[0]?.message).toContain('Interrogate the pump: Pump interrogated: not done after day 1, 00:00');
  });
});

describe('checkExerciseFields: one message per field, in plain words', () => {
  it('the base exercise is clean', () => {
    expect(checkExerciseFields(BASE)).toEqual([]);
  });

  it('the schema’s problems, each at its field with what was expected and what was found', () => {
    const d = edit((d) => {
      d.pump.reservoir.volumeMl = 'twenty' as never;
      d.pump.model = 'synchromed-iii' as never;
      objectives(d)[0] = { text: 'Recognise withdrawal', event: 'clinical.suspectWithdrawal', before: 'tomorrow' };
    });
    expect(checkExerciseFields(d)).toEqual([
      {
        path: 'pump.model',
        message:
          'The pump model: expected one of "synchromed-ii-20", "synchromed-ii-40", "prometra-ii-20"; found "synchromed-iii".',
        severity: 'error',
      },
      {
        path: 'pump.reservoir.volumeMl',
        message: 'The reservoir volume (mL): expected a finite number; found "twenty".',
        severity: 'error',
      },
      {
        path: 'training.objectives.0.before',
        message:
          'The objective’s window closes: expected an ISO 8601 duration with days, hours, minutes, seconds (P36DT1H30M); found "tomorrow".',
        severity: 'error',
      },
    ]);
  });

  it('the format’s own checks beyond the schema: 25 mL in a 20 mL reservoir', () => {
    const d = edit((d) => {
      d.pump.reservoir.volumeMl = 25;
    });
    expect(checkExerciseFields(d)).toEqual([
      {
        path: 'pump.reservoir.volumeMl',
        message: 'The reservoir volume (mL): expected at most 20 mL (the synchromed-ii-20 reservoir); found 25.',
        severity: 'error',
      },
    ]);
  });

  it('the drug library: a starting dose above the highest daily dose is an error, above the usual a warning; a strength no stock has a warning', () => {
    const hard = edit((d) => {
      d.pump.therapy.doseMcgPerDay = 2500;
      d.pump.reservoir.concentrationMcgPerMl = 2000;
    });
    expect(checkExerciseFields(hard)).toEqual([
      {
        path: 'pump.therapy.doseMcgPerDay',
        message:
          "The daily dose (mcg/day): expected at most 2000 mcg/day, the drug library's highest daily dose of Baclofen (intrathecal); found 2500 mcg/day.",
        severity: 'error',
      },
    ]);
    const soft = edit((d) => {
      d.pump.therapy.doseMcgPerDay = 1200;
      d.pump.reservoir.concentrationMcgPerMl = 750;
    });
    expect(checkExerciseFields(soft)).toEqual([
      {
        path: 'pump.reservoir.concentrationMcgPerMl',
        message:
          'The concentration (mcg/mL): expected a stock strength (50, 500, 1000, 2000 mcg/mL), or a dilution made up on purpose; found 750 mcg/mL.',
        severity: 'warning',
      },
      {
        path: 'pump.therapy.doseMcgPerDay',
        message:
          'The daily dose (mcg/day): expected at most 1000 mcg/day, the usual maximum (above it the programmer asks to confirm); found 1200 mcg/day.',
        severity: 'warning',
      },
    ]);
  });

  it('a colleague’s tenfold program in the story is only pointed out; the same in the right plan is an error', () => {
    const d = edit((d) => {
      d.timeline.push({ at: 'PT3H', action: 'program', therapy: { mode: 'simple', doseMcgPerDay: 3000 } } as never);
      (d.training as Record<string, unknown>).plan = [
        { at: 'P1D', do: 'program', therapy: { mode: 'simple', doseMcgPerDay: 3000 } },
        { at: 'P1D', do: 'bolus', kind: 'single', doseMcg: 400, duration: 'PT1H' },
      ];
    });
    expect(checkExerciseFields(d).map((p) => [p.path, p.severity])).toEqual([
      ['timeline.1.therapy.doseMcgPerDay', 'warning'],
      ['training.plan.0.therapy.doseMcgPerDay', 'error'],
      ['training.plan.1.doseMcg', 'error'],
    ]);
  });

  it('a plan step before the visit, and one a screening trial does not offer', () => {
    const d = edit((d) => {
      (d.training as Record<string, unknown>).plan = [
        { at: 'PT12H', do: 'interrogate' },
        { at: 'P1D', do: 'clinical.testDose', doseMcg: 50 },
      ];
    });
    expect(checkExerciseFields(d)).toEqual([
      {
        path: 'training.plan.0.at',
        message:
          'When the step is done: expected a time at or after the visit (training.visitAt, P1D): the trainee starts there; found PT12H.',
        severity: 'error',
      },
      {
        path: 'training.plan.1.do',
        message:
          'What the step does: expected a step with an implanted pump (test doses and the decision belong to phase: screening); found "clinical.testDose".',
        severity: 'error',
      },
    ]);
  });

  it('a replacement step outside theatre, a new catheter without its length, more fill than the new reservoir holds', () => {
    const d = edit((d) => {
      (d.training as Record<string, unknown>).plan = [
        {
          at: 'P1D',
          do: 'replace',
          model: 'synchromed-ii-20',
          catheter: 'new',
          fill: { volumeMl: 21, concentrationMcgPerMl: 500 },
          priming: 'tubingAndCatheter',
        },
        { at: 'P1DT1H', do: 'connectCatheter' },
      ];
    });
    const outside =
      'What the step does: expected a step the trainee can take outside theatre (the surgeon replaces the pump in phase: theatre)';
    expect(checkExerciseFields(d)).toEqual([
      { path: 'training.plan.0.do', message: `${outside}; found "replace".`, severity: 'error' },
      {
        path: 'training.plan.0.newCatheterLengthCm',
        message:
          "The new catheter’s length (cm): expected the new catheter's implanted length in cm (above 0); found nothing.",
        severity: 'error',
      },
      {
        path: 'training.plan.0.fill.volumeMl',
        message:
          'The volume filled into the new pump (mL): expected at most 20 mL (the synchromed-ii-20 reservoir); found 21.',
        severity: 'error',
      },
      { path: 'training.plan.1.do', message: `${outside}; found "connectCatheter".`, severity: 'error' },
    ]);
    // in theatre, with the length and a fill the reservoir holds: nothing to say
    const theatre = edit((d) => {
      (d.training as Record<string, unknown>).phase = 'theatre';
      (d.training as Record<string, unknown>).plan = [
        {
          at: 'P1D',
          do: 'replace',
          model: 'synchromed-ii-20',
          catheter: 'new',
          newCatheterLengthCm: 45,
          fill: { volumeMl: 18, concentrationMcgPerMl: 500 },
          priming: 'tubingAndCatheter',
        },
        { at: 'P1DT1H', do: 'connectCatheter' },
      ];
    });
    expect(checkExerciseFields(theatre).filter((p) => p.path.startsWith('training.plan'))).toEqual([]);
  });

  it('an exercise without its training part, and a document that is not one', () => {
    const d = edit((d) => {
      delete (d as Record<string, unknown>).training;
    });
    expect(checkExerciseFields(d)).toEqual([
      {
        path: 'training',
        message: 'The exercise’s training part: expected a brief and at least one objective; found none.',
        severity: 'error',
      },
    ]);
    expect(checkExerciseFields('a string')).toEqual([
      {
        path: '',
        message: 'The exercise: expected a mapping with format, name, duration, pump; found "a string".',
        severity: 'error',
      },
    ]);
  });

  it('one message per field: the first, an error before a warning', () => {
    const d = edit((d) => {
      // a drug the library does not hold (morphine is one of the library's since the pain pump)
      d.pump.reservoir = { volumeMl: -1, drug: 'clonidine', concentrationMcgPerMl: 0.5 } as never;
    });
    const paths = checkExerciseFields(d).map((p) => p.path);
    expect(paths).toEqual([...new Set(paths)]);
    expect(paths).toEqual(['pump.reservoir.volumeMl', 'pump.reservoir.drug', 'pump.reservoir.concentrationMcgPerMl']);
  });
});
