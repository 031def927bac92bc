import { readFileSync } from 'node:fs';
import {
  createOpioidParameters,
  createWorld,
  fluidAt,
  type McgPerMl,
  type Milliseconds,
  type Nanolitres,
} from '@itps/core';
import { buildPumpInput, drugProgram } from '@itps/core/testing';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import {
  eventWords,
  painObservables,
  parseScenario,
  reportHtml,
  runScenario,
  type ScenarioFile,
  scenarioEvents,
  scenarioPainPatient,
  scenarioPatient,
  scenarioSchema,
  scoreTraining,
  seriesCsv,
  shortEventWords,
  type TrainingRun,
} from '../src/index.ts';
import { trainingLibrary } from './trainingHarness.ts';

const HOUR = 3_600_000;

const scenario = (patient: string, expect = '') =>
  `format: itps-scenario/1
name: pain patient
duration: P2D
pump:
  model: synchromed-ii-20
  reservoir: { volumeMl: 20, drug: baclofen, concentrationMcgPerMl: 500 }
  catheter: { implantedLengthCm: 40 }
  therapy: { mode: simple, doseMcgPerDay: 200 }
${patient}
${expect}`;

const parse = (text: string) => parseScenario(text, 'pain.yaml');
const ok = (text: string): ScenarioFile => {
  const parsed = parse(text);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.scenario;
};
/** The file as the schema reads it, before the checks across fields. */
const schemaOnly = (text: string): ScenarioFile => scenarioSchema.parse(parseYaml(text));

describe('the scenario format: a patient treated for pain (new optional fields only)', () => {
  it('keeps a format 1 patient exactly as it was: spasticity, from its origin', () => {
    const s = ok(scenario('patient: { origin: cerebral }'));
    expect(scenarioPatient(s, 1)?.origin).toBe('cerebral');
    expect(scenarioPainPatient(s)).toBeNull();
  });

  it('reads a pain patient in clinical words, and asks for an origin only when spasticity is treated', () => {
    const s = schemaOnly(
      scenario('patient: { condition: pain, opioidHistory: tolerant, baselinePain: 8, opioidNeedMgPerDay: 4 }'),
    );
    expect(s.patient).toMatchObject({ condition: 'pain', opioidHistory: 'tolerant', baselinePain: 8 });
    // no spasticity model for a pain-only patient
    expect(scenarioPatient(s, 1)).toBeNull();
    const missing = parse(scenario('patient: { needMcgPerDay: 300 }'));
    expect(missing.ok).toBe(false);
    if (!missing.ok)
      expect(missing.problems).toContainEqual(
        expect.objectContaining({
          path: 'patient.origin',
          expected: 'a spasticity origin (spinal, cerebral or pediatric) for a patient treated for spasticity',
        }),
      );
    const wrong = parse(scenario('patient: { condition: pain, opioidHistory: sometimes }'));
    expect(wrong.ok).toBe(false);
    if (!wrong.ok)
      expect(wrong.problems).toContainEqual(
        expect.objectContaining({ path: 'patient.opioidHistory', found: '"sometimes"' }),
      );
  });

  it('chooses the model by drug: a pain patient with baclofen alone in the reservoir is a problem naming both', () => {
    expect(scenarioPainPatient(schemaOnly(scenario('patient: { condition: pain }')))).toBeNull();
    expect(parse(scenario('patient: { condition: pain }'))).toEqual({
      ok: false,
      problems: [
        {
          file: 'pain.yaml',
          path: 'patient.condition',
          expected: 'a pain drug (morphine or ziconotide) in pump.reservoir for a patient treated for pain',
          found: 'baclofen',
        },
      ],
    });
  });

  it('refuses a pain observable for a patient not treated for pain', () => {
    const parsed = parse(
      scenario(
        'patient: { origin: spinal }',
        'expect:\n  - { at: P1D, that: { patient.painScore: { min: 0, max: 3 } } }',
      ),
    );
    expect(parsed.ok === false && parsed.problems).toEqual([
      {
        file: 'pain.yaml',
        path: 'expect[0].that.patient.painScore',
        expected: 'a patient treated for pain (patient.condition: pain) for this observable',
        found: 'none',
      },
    ]);
  });
});

describe('the pain patient in observables and events', () => {
  // the core's world: 1 mg/day of morphine at 1 mg/mL into a tolerant patient who needs exactly that
  const world = () =>
    createWorld({
      pump: buildPumpInput({ program: drugProgram('morphine', 1, 1) }),
      origin: 'spinal',
      painPatient: createOpioidParameters({ history: 'tolerant', needMcgPerDay: 1000 }),
    });

  it('gives the pain score, sedation and breathing the format names', () => {
    const w = world();
    w.apply({ type: 'time.advance', to: (24 * HOUR) as Milliseconds });
    expect(painObservables(w.state())).toMatchObject({
      'patient.painScore': 3,
      'patient.sedation': 'none',
      'patient.respiratoryRate': 16,
      'patient.respiratoryDepression': 'none',
      'patient.pupils': 'small',
      'patient.opioidWithdrawal': 'none',
      'patient.granuloma': 'none',
    });
  });

  it('lists the patient course with the pump log, in words a clinician uses', () => {
    const w = world();
    w.apply({
      type: 'visit.needle',
      visit: {
        aspirate: 'all',
        site: 'reservoir',
        inject: fluidAt(18_000_000 as Nanolitres, 10_000 as McgPerMl, 'morphine'),
      },
    });
    w.apply({ type: 'time.advance', to: (36 * HOUR) as Milliseconds });
    const types = scenarioEvents(w.state()).map((e) => e.type);
    expect(types).toContain('patient.respiratoryDepression.moderate');
    expect(types.indexOf('patient.sedation.drowsy')).toBeLessThan(types.indexOf('patient.respiratoryDepression.early'));
    expect(eventWords('patient.respiratoryDepression.moderate')).toBe(
      'The patient reached respiratory depression (fewer than 10 breaths a minute)',
    );
    expect(eventWords('patient.opioidWithdrawal.none')).toBe('The patient recovered from opioid withdrawal');
    expect(shortEventWords('patient.granuloma.deficit')).toBe('Patient: neuro deficit (tip mass)');
    expect(eventWords('patient.withdrawal.early')).toBe(
      'The patient reached early withdrawal (itching, fast heart rate, spasticity returning)',
    );
  });
});

describe("REQ-TRAIN-01: a pain patient's course is scored from the visit on", () => {
  // any exercise will do for the rubric's patient lines: the withdrawal exercise's visit is at 40 h
  const s = () => {
    const found = trainingLibrary().find((l) => l.file === 'withdrawal-occluded-catheter.scenario.yaml');
    if (found === undefined) throw new Error('no withdrawal exercise');
    return found.scenario;
  };
  const run = (events: TrainingRun['events']): TrainingRun => ({
    format: 'itps-training-run/1',
    scenario: 'x',
    endedAt: 72 * HOUR,
    trainee: [],
    events,
    final: { 'pump.state': 'running' },
    worst: { withdrawal: 'none', overdose: 'none' },
    incompleteSession: false,
    course: [],
  });
  const item = (events: TrainingRun['events'], text: string) =>
    scoreTraining(s(), run(events)).items.find((i) => i.text === text);

  it('takes 20 points for moderate respiratory depression after the visit, by the difference from the stage at the visit', () => {
    expect(
      item([{ at: 50 * HOUR, type: 'patient.respiratoryDepression.moderate' }], 'Respiratory depression reached'),
    ).toMatchObject({
      points: -20,
      explanation: 'worst after your visit: respiratory depression (fewer than 10 breaths a minute)',
    });
    // early already at the visit (-5), moderate after it (-20): 15 points are the trainee's
    expect(
      item(
        [
          { at: 30 * HOUR, type: 'patient.respiratoryDepression.early' },
          { at: 50 * HOUR, type: 'patient.respiratoryDepression.moderate' },
        ],
        'Respiratory depression reached',
      )?.points,
    ).toBe(-15);
    // reached and over before the visit: nothing
    expect(
      item(
        [
          { at: 10 * HOUR, type: 'patient.respiratoryDepression.moderate' },
          { at: 20 * HOUR, type: 'patient.respiratoryDepression.none' },
        ],
        'Respiratory depression reached',
      ),
    ).toBeUndefined();
  });

  it("scores opioid withdrawal, a catheter-tip mass and ziconotide's effects, and nothing for a baclofen-only course", () => {
    expect(
      item([{ at: 41 * HOUR, type: 'patient.opioidWithdrawal.severe' }], 'Opioid withdrawal reached')?.points,
    ).toBe(-20);
    expect(item([{ at: 41 * HOUR, type: 'patient.granuloma.deficit' }], 'A catheter-tip mass formed')?.points).toBe(
      -20,
    );
    expect(
      item([{ at: 41 * HOUR, type: 'patient.neuropsychiatric.confusion' }], "Ziconotide's adverse effects reached")
        ?.points,
    ).toBe(-10);
    const baclofen = scoreTraining(s(), run([{ at: 50 * HOUR, type: 'patient.withdrawal.early' }])).items.map(
      (i) => i.text,
    );
    expect(baclofen.filter((t) => /Respiratory|Opioid|catheter-tip|Ziconotide/.test(t))).toEqual([]);
  });
});

const chart = { script: '/*uplot*/', css: '/*css*/' };

describe("the report draws a pain patient's course", () => {
  it('adds the pain score, breathing and stages to series.csv and two plots to report.html, and nothing without one', () => {
    const plain = runScenario(ok(scenario('patient: { origin: spinal }')));
    expect(seriesCsv(plain).split('\n')[0]).not.toContain('pain_score');
    expect(reportHtml(plain, chart)).not.toContain('Patient treated for pain');
    // the same report as a pain patient's series would make it (the points are the runner's painSeriesPoint)
    const pain = {
      ...plain,
      series: plain.series.map((p, i) => ({
        ...p,
        painScore: 3,
        respiratoryRate: 16 - (i % 2),
        sedationStage: 0,
        respiratoryStage: 0,
      })),
    };
    const csv = seriesCsv(pain).split('\n');
    expect(csv[0]).toMatch(/,pain_score,respiratory_rate_per_min,sedation_stage,respiratory_stage$/);
    expect(csv[1]).toMatch(/,3,16,0,0$/);
    expect(reportHtml(pain, chart)).toContain('Patient treated for pain: pain score (0-10) and breaths a minute');
  });
});

describe('a morphine scenario end to end', () => {
  // 1 mg/day of morphine 1 mg/mL (1 mL/day) into a tolerant patient who needs 1 mg/day. On day 1 the
  // reservoir is refilled with 10 mg/mL while the pump is told 1 mg/mL (a decimal slip): 18 mL of
  // 10 mg/mL onto the 1.4 mL dead space is (1.4 + 180) / 19.4 = 9.35 mg/mL. The tubing and catheter
  // (0.2 + 0.1 mL) still hold the old drug: the new one reaches the tip 0.3 days (7.2 h) later, and
  // ten times the need then depresses breathing within the day (opioidPatient.test.ts: moderate
  // 12.75 h after a tenfold start), so by the end of day 2.
  const slip = readFileSync(
    new URL('../scenarios/morphine-decimal-slip-patient.scenario.yaml', import.meta.url),
    'utf8',
  );

  it('runs the opioid model the reservoir calls for, and the slip depresses breathing within the day', () => {
    const s = ok(slip);
    expect(scenarioPainPatient(s)?.drug).toBe('morphine');
    expect(scenarioPatient(s, 1)).toBeNull();
    const report = runScenario(s);
    expect(report.expectations.map((e) => e.passed)).toEqual([true, true, true]);
    expect(report.final.patient).toMatchObject({ 'patient.respiratoryDepression': 'severe' });
    expect(report.series.at(-1)).toMatchObject({ respiratoryStage: 3 });
  });

  it('runs both models for a baclofen-morphine admixture, each from its own drug', () => {
    const admixed = slip
      .replace(
        'reservoir: { volumeMl: 20, drug: morphine, concentrationMgPerMl: 1 }',
        'reservoir: { volumeMl: 20, drug: baclofen, concentrationMcgPerMl: 500, admixture: [{ drug: morphine, concentrationMgPerMl: 4 }] }',
      )
      .replace('therapy: { mode: simple, doseMgPerDay: 1 }', 'therapy: { mode: simple, doseMcgPerDay: 250 }')
      .replace('condition: pain,', 'condition: pain, origin: spinal, needMcgPerDay: 250,')
      .replace(/timeline:[\s\S]*$/, '');
    // 250 mcg/day of baclofen 500 mcg/mL is 0.5 mL/day, so 2 mg/day of morphine at 4 mg/mL: exactly the
    // baclofen need and twice the morphine need, each model reading its own drug
    const s = ok(admixed);
    const report = runScenario(s);
    // three days in, each a little below its figure as tolerance begins; pain 7 x 0.75 / 2.75 = 1.9
    const final = report.final.patient as Record<string, number | string>;
    expect(final['patient.relativeEffect']).toBeCloseTo(1, 1);
    expect(final['patient.painRelativeEffect']).toBeCloseTo(2, 1);
    expect(final).toMatchObject({ 'patient.painScore': 2, 'patient.ashworthGrade': '1', 'patient.sedation': 'none' });
  });

  it('is a problem with baclofen alone in the reservoir', () => {
    const baclofen = slip
      .replace('drug: morphine, concentrationMgPerMl: 1', 'drug: baclofen, concentrationMcgPerMl: 500')
      .replace('doseMgPerDay: 1', 'doseMcgPerDay: 200')
      .replace(/timeline:[\s\S]*$/, '');
    const parsed = parse(baclofen);
    expect(parsed.ok === false && parsed.problems.map((p) => p.path)).toContain('patient.condition');
  });
});
