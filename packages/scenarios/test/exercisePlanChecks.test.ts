import { describe, expect, it } from 'vitest';
import {
  checkExerciseFields,
  exerciseMeta,
  parseScenario,
  previewExercise,
  type ScenarioFile,
  unpassableProblems,
} from '../src/index.ts';

/** A small exercise (as unpassableProblems.test.ts's): 300 mcg/day, the visit at 1 day, 3 days in all. */
const BASE = {
  format: 'itps-scenario/1',
  name: 'Training: plan checks',
  duration: 'P3D',
  pump: {
    model: 'synchromed-ii-20',
    reservoir: { volumeMl: 18, drug: 'baclofen', concentrationMcgPerMl: 500 },
    catheter: { implantedLengthCm: 40 },
    therapy: { mode: 'simple', doseMcgPerDay: 300 },
  },
  patient: { origin: 'spinal', needMcgPerDay: 300 },
  training: {
    visitAt: 'P1D',
    brief: 'Check the pump.',
    objectives: [{ text: 'Interrogate the pump', event: 'pump.interrogated', after: 'P1D' }],
  },
};
type Doc = Record<string, unknown> & typeof BASE;
const withTraining = (extra: Record<string, unknown>, change?: (d: Doc) => void): Doc => {
  const d = structuredClone(BASE) as Doc;
  Object.assign(d.training, extra);
  change?.(d);
  return d;
};
const scenarioOf = (d: unknown): ScenarioFile => {
  const parsed = parseScenario(JSON.stringify(d), 'plan.yaml');
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.scenario;
};
const at = (d: unknown) => checkExerciseFields(d).map((p) => [p.path, p.severity]);

describe('the right plan as the format checks it', () => {
  it('each step in time order, from the visit, within the exercise', () => {
    const d = withTraining({
      plan: [
        { at: 'P1DT2H', do: 'interrogate' },
        { at: 'P1DT1H', do: 'clinical.suspectCatheter' },
        { at: 'P4D', do: 'clinical.examine', detail: 'tone 3' },
      ],
    });
    expect(checkExerciseFields(d).map((p) => p.message)).toEqual([
      'When the step is done: expected a time at or after the previous step (P1DT2H); found P1DT1H.',
      "When the step is done: expected a time within the scenario's duration (P3D); found P4D.",
    ]);
  });

  it('a therapy the pump cannot run, a concentration change without a bridge decision, a bolus without its dose or duration', () => {
    const d = withTraining({
      plan: [
        { at: 'P1D', do: 'program', therapy: { mode: 'flex', steps: [{ start: '08:00', doseMcgPerDay: 300 }] } },
        { at: 'P1D', do: 'refill', volumeMl: 18, concentrationMcgPerMl: 2000 },
        { at: 'P1D', do: 'bolus', kind: 'single', doseMcg: 50, volumeMl: 0.1, duration: 'PT1H' },
        { at: 'P1D', do: 'bolus', kind: 'bridge', volumeMl: 0.1 },
      ],
    });
    expect(at(d)).toEqual([
      ['training.plan.0.therapy', 'error'],
      ['training.plan.1.bridgeBolus', 'error'],
      ['training.plan.2', 'error'],
      ['training.plan.3.duration', 'error'],
    ]);
  });

  it('no pump step in a screening trial', () => {
    const d = withTraining({
      phase: 'screening',
      plan: [{ at: 'P1D', do: 'refill', volumeMl: 1, concentrationMcgPerMl: 500 }],
    });
    expect(checkExerciseFields(d)).toEqual([
      {
        path: 'training.plan.0.do',
        message:
          'What the step does: expected a step of the screening trial (no pump is implanted yet); found "refill".',
        severity: 'error',
      },
    ]);
  });
});

describe('the drug library, field by field', () => {
  it('flex steps, a colleague’s bolus and strength in the story, the plan’s bolus, test dose and strength, the patient’s need', () => {
    const d = withTraining(
      {
        plan: [
          { at: 'P1D', do: 'refill', volumeMl: 18, concentrationMcgPerMl: 750, bridgeBolus: false },
          { at: 'P1D', do: 'bolus', kind: 'single', doseMcg: 150, duration: 'PT1H' },
        ],
      },
      (d) => {
        d.pump.therapy = {
          mode: 'flex',
          steps: [
            { start: '00:00', doseMcgPerDay: 300 },
            { start: '08:00', doseMcgPerDay: 1100 },
          ],
        } as never;
        d.patient.needMcgPerDay = 1200;
        (d as Record<string, unknown>).timeline = [
          { at: 'PT1H', action: 'needle', volumeMl: 1, concentrationMcgPerMl: 800, site: 'reservoir' },
          { at: 'PT2H', action: 'bolus', kind: 'single', doseMcg: 400, duration: 'PT1H' },
        ];
      },
    );
    expect(at(d)).toEqual([
      ['pump.therapy.steps.1.doseMcgPerDay', 'warning'],
      ['patient.needMcgPerDay', 'warning'],
      ['timeline.0.concentrationMcgPerMl', 'warning'],
      ['timeline.1.doseMcg', 'warning'],
      ['training.plan.0.concentrationMcgPerMl', 'warning'],
      ['training.plan.1.doseMcg', 'warning'],
    ]);
  });

  it('a test dose above the highest is an error, above the usual a warning', () => {
    const screening = (dose: number) =>
      withTraining({ phase: 'screening', plan: [{ at: 'P1D', do: 'clinical.testDose', doseMcg: dose }] }, (d) => {
        d.pump.therapy = { mode: 'stopped' } as never;
        d.training.objectives = [{ text: 'Test dose', event: 'clinical.testDose' }] as never;
      });
    expect(at(screening(350))).toEqual([['training.plan.0.doseMcg', 'error']]);
    expect(at(screening(150))).toEqual([['training.plan.0.doseMcg', 'warning']]);
    expect(at(screening(75))).toEqual([]);
  });

  it('an exercise of more than 180 days with no refill (the drug’s stability)', () => {
    const d = withTraining({}, (d) => {
      d.duration = 'P200D';
      // 30 mcg/day at 500 mcg/mL: 0.06 mL a day, 12 mL in 200 days
      d.pump.therapy.doseMcgPerDay = 30;
    });
    expect(checkExerciseFields(d)).toEqual([
      {
        path: 'duration',
        message:
          "How long the exercise runs: expected a refill at least every 180 days (the drug's stability) in an exercise this long; found 200 days with no refill.",
        severity: 'warning',
      },
    ]);
  });

  it('a document over the format’s limits is refused before it is read', () => {
    const d = withTraining({}, (d) => {
      (d as Record<string, unknown>).timeline = Array.from({ length: 10_001 }, () => ({
        at: 'PT1H',
        action: 'interrogate',
      }));
    });
    const found = checkExerciseFields(d);
    expect(found).toHaveLength(1);
    expect(found[0]?.path).toBe('timeline');
    expect(found[0]?.severity).toBe('error');
  });
});

describe('unpassableProblems: what each observable can be at the end', () => {
  const atEnd = (values: Record<string, unknown>, screening = false) =>
    unpassableProblems(
      scenarioOf(
        withTraining({
          objectives: [
            { text: 'Interrogate', event: 'pump.interrogated', after: 'P1D' },
            { text: 'End', atEnd: values },
          ],
          ...(screening ? { phase: 'screening' } : {}),
        }),
      ),
    )
      .filter((p) => p.severity === 'error')
      .map((p) => p.path.replace('training.objectives.1.atEnd.', ''));

  it('names, stages and places a run can reach, and those it cannot', () => {
    expect(
      atEnd({
        'pump.mode': 'flex',
        'patient.withdrawal': 'early',
        'patient.overdose': 'coma',
        'truth.tip': 'epidural',
        'alarm.lowReservoir': 'active',
        'pump.doseMcgPerDay': { min: 0, max: 400 },
        'truth.deliveredMcg': { near: 900, within: 100 },
        'patient.relativeEffect': 1,
        'patient.heartRateBpm': 80,
      }),
    ).toEqual([]);
    expect(
      atEnd({
        'pump.mode': 'turbo',
        'patient.withdrawal': 'mild',
        'patient.overdose': 'asleep',
        'truth.tip': 'brain',
        'alarm.lowReservoir': 'ringing',
        'pump.doseMcgPerDay': 2500,
        'truth.deliveredMcg': -1,
        'patient.relativeEffect': { min: -2, max: -1 },
        'pump.reservoirMl': 'full',
      }),
    ).toEqual([
      'pump.mode',
      'patient.withdrawal',
      'patient.overdose',
      'truth.tip',
      'alarm.lowReservoir',
      'pump.doseMcgPerDay',
      'truth.deliveredMcg',
      'patient.relativeEffect',
      'pump.reservoirMl',
    ]);
  });

  it('in a screening trial the pump stays stopped, and no programmer is used', () => {
    const found = unpassableProblems(
      scenarioOf(
        withTraining(
          { phase: 'screening', objectives: [{ text: 'Running', atEnd: { 'pump.state': 'running' } }] },
          (d) => {
            d.pump.therapy = { mode: 'stopped' } as never;
          },
        ),
      ),
    ).filter((p) => p.severity === 'error');
    expect(found).toEqual([
      {
        path: 'training.objectives.0.atEnd.pump.state',
        message:
          'What must hold at the end (pump.state): expected stopped: no pump runs in a screening trial; found "running".',
        severity: 'error',
      },
    ]);
    const programmer = unpassableProblems(
      scenarioOf(
        withTraining({ phase: 'screening', objectives: [{ text: 'Connect', event: 'programmer.connect' }] }, (d) => {
          d.pump.therapy = { mode: 'stopped' } as never;
        }),
      ),
    ).filter((p) => p.severity === 'error');
    expect(programmer[0]?.message).toBe(
      'What the trainee must do: expected something a trainee can do in a screening trial, or that happens in this exercise; found "programmer.connect", which nothing in this exercise produces.',
    );
  });

  it('a plan short only of the detection a trainee could still earn is told so', () => {
    const s = scenarioOf(
      withTraining(
        {
          silentFault: { at: 'PT2H', detectedBy: 'clinical.suspectCatheter' },
          plan: [
            { at: 'P1D', do: 'interrogate' },
            { at: 'P2D', do: 'clinical.suspectCatheter' },
          ],
        },
        (d) => {
          // a slight occlusion (5 %): the patient hardly feels it, the pump cannot tell
          (d as Record<string, unknown>).timeline = [
            { at: 'PT2H', action: 'fault', kind: 'catheterOcclusion', blockedPercent: 5 },
          ];
        },
      ),
    );
    const warnings = unpassableProblems(s).filter((p) => p.path === 'training.plan');
    // the occlusion at 2 h, the visit at 24 h: 22 h after, the 20 points are still there; found at 46 h: 10
    expect(warnings.map((p) => p.message)).toEqual([
      'The right plan: expected a right plan that detects the silent fault as soon as the trainee can (30 points in all); found 20 points.',
    ]);
  });
});

describe('the plan played through the door', () => {
  it('a restart, an alarm threshold and a clinical action with its detail, as the trainee’s own actions', () => {
    const s = scenarioOf(
      withTraining({
        plan: [
          { at: 'P1D', do: 'interrogate' },
          { at: 'P1DT1H', do: 'setLowReservoirAlarm', volumeMl: 4 },
          { at: 'P1DT2H', do: 'clinical.examine', detail: 'Ashworth 1, alert' },
          { at: 'P1DT3H', do: 'restart' },
        ],
      }),
    );
    const plan = previewExercise(s).plan;
    expect(plan?.refused).toEqual([]);
    expect(plan?.events.some((e) => e.type === 'alarm.thresholdChanged' && e.at === 25 * 3_600_000)).toBe(true);
    expect(plan?.trainee).toContainEqual({ at: 26 * 3_600_000, type: 'clinical.examine', detail: 'Ashworth 1, alert' });
    expect(plan?.trainee.filter((t) => t.type === 'programmer.workflow').map((t) => t.detail)).toEqual(['stopRestart']);
  });
});

describe('a program step goes through the programmer, its findings answered as a trainee answers them', () => {
  const play = (dose: number) =>
    previewExercise(
      scenarioOf(
        withTraining({
          plan: [{ at: 'P1D', do: 'program', therapy: { mode: 'simple', doseMcgPerDay: dose } }],
        }),
      ),
    ).plan;

  it('300 to 330 mcg/day (+10 %): the dose change workflow, sent and verified, no warning to confirm', () => {
    const plan = play(330);
    const types = (plan?.trainee ?? []).map((t) => (t.detail === undefined ? t.type : `${t.type} ${t.detail}`));
    expect(types).toEqual([
      'programmer.connect',
      'programmer.workflow doseChange',
      'programmer.sent',
      'programmer.verify',
    ]);
    expect(plan?.run.final['pump.doseMcgPerDay']).toBe(330);
    expect(plan?.run.incompleteSession).toBe(false);
    expect(plan?.score.items.filter((i) => i.points < 0)).toEqual([]);
  });

  it('300 to 400 mcg/day (+33 %, above the +30 % a day for spinal spasticity): confirmed, and the plan loses 5 points for it', () => {
    const plan = play(400);
    // confirmed on the programmer (1.6 s into the visit: two telemetry exchanges of 800 ms)
    expect(plan?.trainee).toContainEqual({
      at: 24 * 3_600_000 + 1600,
      type: 'programmer.softLimitConfirmed',
      detail: 'dose.titrationStep',
    });
    expect(plan?.run.final['pump.doseMcgPerDay']).toBe(400);
    expect(plan?.score.items.filter((i) => i.points < 0).map((i) => [i.text, i.points])).toEqual([
      ['Soft limit overridden', -5],
    ]);
  });
});

describe('exerciseMeta', () => {
  it('one topic or a list, a difficulty or none', () => {
    expect(exerciseMeta(scenarioOf(BASE))).toEqual({
      title: 'Training: plan checks',
      topics: [],
      difficulty: null,
      brief: 'Check the pump.',
    });
    expect(exerciseMeta(scenarioOf(withTraining({ topic: 'mri', difficulty: 'advanced' })))).toMatchObject({
      topics: ['mri'],
      difficulty: 'advanced',
    });
    expect(exerciseMeta(scenarioOf(withTraining({ topic: ['mri', 'alarms'] }))).topics).toEqual(['mri', 'alarms']);
    expect(exerciseMeta(scenarioOf({ ...BASE, training: undefined })).brief).toBe('');
  });
});
