import { mcgPerDayToPicogramsPerDay, mcgPerMl, type PumpProgram } from '@itps/core';
import { describe, expect, it } from 'vitest';
import { entryErrors, scoreTraining, type TrainingRun } from '../src/index.ts';
import { playTraining, trainingLibrary } from './trainingHarness.ts';

// Scoring judged on what really happened: each example here scored 100 % (or took points it should not
// have) when the rubric read only the pump's belief.
const HOUR = 3_600_000;
const library = trainingLibrary();
const scenario = (file: string) => {
  const found = library.find((l) => l.file === file);
  if (found === undefined) throw new Error(`no training scenario ${file}`);
  return found.scenario;
};
const when = (at: number) => `${at / HOUR} h`;
const simple = (dose: number, concentration = 500): PumpProgram => ({
  drug: 'baclofen',
  concentration: mcgPerMl(concentration),
  therapy: { mode: 'simple', dose: mcgPerDayToPicogramsPerDay(dose) },
});
const flex = (steps: [number, number][], concentration = 500): PumpProgram => ({
  drug: 'baclofen',
  concentration: mcgPerMl(concentration),
  therapy: {
    mode: 'flex',
    steps: steps.map(([startMinute, dose]) => ({ startMinute, dose: mcgPerDayToPicogramsPerDay(dose) })),
  },
});

const baseRun = (over: Partial<TrainingRun> = {}): TrainingRun => ({
  format: 'itps-training-run/1',
  scenario: 'x',
  endedAt: 72 * HOUR,
  trainee: [],
  events: [],
  final: { 'pump.state': 'running' },
  worst: { withdrawal: 'none', overdose: 'none' },
  incompleteSession: false,
  course: [],
  ...over,
});

describe('REQ-TRAIN-01: scores on the truth: the reservoir', () => {
  it('the low-reservoir exercise ending with the pump counting 19.40 mL in a reservoir nearly dry does not pass', () => {
    const s = scenario('low-reservoir-alarm.scenario.yaml');
    // aspirate everything, inject nothing, record 19.4 mL: every belief-only objective is met
    const run = playTraining(s, [
      {
        at: 'P1DT7H',
        pump: {
          action: 'refill',
          withdrawMl: 'all',
          volumeMl: 0,
          concentrationMcgPerMl: 500,
          entered: { volumeMl: 19.4, concentrationMcgPerMl: 500 },
        },
      },
    ]);
    const debrief = scoreTraining(s, run);
    expect(debrief.items.filter((i) => i.kind === 'objective').every((i) => i.passed)).toBe(true);
    expect(run.final['truth.reservoirMl']).toBeLessThan(0.1);
    const truth = debrief.items.filter((i) => i.kind === 'truth');
    expect(truth.map((i) => [i.text, i.points])).toEqual([
      ["The pump's reservoir record is above what is really there", -30],
    ]);
    expect(truth[0]?.explanation).toMatch(
      /^at the end the pump counted 1\d\.\d\d mL; the reservoir really held 0\.0\d mL/,
    );
    // 40 points to earn, 30 taken: 25 %
    expect(debrief).toMatchObject({ passed: false, scorePercent: 25 });
  });

  it('the reservoir really running dry after the visit while the pump counts drug is named, with when', () => {
    const s = scenario('low-reservoir-alarm.scenario.yaml'); // visit at 30 h
    const point = (h: number, truth: number, belief: number) => ({
      at: h * HOUR,
      ashworth: 1,
      relativeEffect: 1,
      withdrawal: 'none' as const,
      overdose: 'none' as const,
      truthReservoirNl: truth,
      beliefReservoirNl: belief,
    });
    const run = (course: TrainingRun['course']) =>
      scoreTraining(
        s,
        baseRun({ course, final: { 'pump.state': 'running', 'pump.reservoirMl': 0.9, 'truth.reservoirMl': 0 } }),
      );
    const dry = run([
      point(30, 1_400_000, 1_870_000),
      point(72, 200_000, 670_000),
      point(84, 0, 420_000),
      point(96, 0, 170_000),
    ]);
    expect(dry.items.find((i) => i.kind === 'truth')).toMatchObject({
      text: 'The reservoir really ran dry while the pump counted drug left',
      points: -20,
      explanation:
        'from about day 3, 12:00, with the pump counting 0.42 mL: no drug reached the patient and no alarm sounded',
    });
    // dry before the visit and refilled at it: not the trainee's
    const refilled = run([point(29, 0, 500_000), point(31, 18_000_000, 18_000_000)]);
    expect(refilled.items.filter((i) => i.kind === 'truth')).toEqual([]);
  });

  it('a true refill of the same exercise keeps its 100 %', () => {
    const s = scenario('low-reservoir-alarm.scenario.yaml');
    const run = playTraining(s, [
      { at: 'P1DT7H', pump: { action: 'refill', withdrawMl: 'all', volumeMl: 18, concentrationMcgPerMl: 500 } },
    ]);
    const debrief = scoreTraining(s, run);
    expect(debrief.items.filter((i) => i.kind === 'truth')).toEqual([]);
    expect(debrief).toMatchObject({ passed: true, scorePercent: 100 });
  });

  it('a wrong concentration entered at a refill is named, with what every dose really is', () => {
    const s = scenario('low-reservoir-alarm.scenario.yaml');
    // 2000 mcg/mL in the syringe, 500 told to the pump: four times every dose
    const run = playTraining(s, [
      {
        at: 'P1DT7H',
        pump: {
          action: 'refill',
          withdrawMl: 'all',
          volumeMl: 18,
          concentrationMcgPerMl: 2000,
          entered: { volumeMl: 18, concentrationMcgPerMl: 500 },
        },
      },
    ]);
    const debrief = scoreTraining(s, run);
    const error = debrief.items.find((i) => i.text === 'Wrong concentration entered');
    expect(error?.points).toBe(-20);
    expect(error?.explanation).toMatch(
      /^refill at day 1, 07:00: the pump was told 500 mcg\/mL; the reservoir really holds 1[89]\d\d mcg\/mL/,
    );
  });
});

describe('REQ-TRAIN-01: entry errors named wherever they were made', () => {
  it('names a flex step tenfold above what ran at its hour (00:00 25, 12:00 5000, 13:00 25 after 25 mcg/day)', () => {
    const errors = entryErrors(
      [
        {
          at: HOUR,
          kind: 'program',
          old: simple(25),
          new: flex([
            [0, 25],
            [720, 5000],
            [780, 25],
          ]),
          trueMcgPerMl: 500,
          refill: false,
        },
      ],
      when,
    );
    expect(errors).toEqual([
      {
        text: 'Tenfold dose sent to the pump',
        explanation: 'at 1 h: the flex step from 12:00 5000.0 mcg/day where 25.0 mcg/day ran',
      },
    ]);
  });

  it('names a simple dose tenfold up, not a titration step nor a cut to a tenth', () => {
    const change = (from: number, to: number) => ({
      at: 2 * HOUR,
      kind: 'program' as const,
      old: simple(from),
      new: simple(to),
      trueMcgPerMl: 500,
      refill: false,
    });
    expect(entryErrors([change(25, 250)], when).map((e) => e.explanation)).toEqual([
      'at 2 h: the dose 250.0 mcg/day where 25.0 mcg/day ran',
    ]);
    // +30 %, and an overdose corrected to a tenth: neither is an entry error
    expect(entryErrors([change(250, 325), change(3000, 300)], when)).toEqual([]);
  });

  it('names a concentration change the reservoir does not hold, and a bolus whose real dose is not the one shown', () => {
    const errors = entryErrors(
      [
        { at: HOUR, kind: 'program', old: simple(250), new: simple(250, 5000), trueMcgPerMl: 500, refill: false },
        // 0.1 mL shown at 500 mcg/mL (50 mcg) from a reservoir really at 2000: 200 mcg
        {
          at: 3 * HOUR,
          kind: 'bolus',
          bolus: 'single',
          volumeNl: 100_000,
          programmedMcgPerMl: 500,
          trueMcgPerMl: 2000,
        },
        // 0.5 mL of 500 mcg/mL: 250 mcg, above the usual 100 mcg for one bolus
        { at: 4 * HOUR, kind: 'bolus', bolus: 'single', volumeNl: 500_000, programmedMcgPerMl: 500, trueMcgPerMl: 500 },
        // a bolus as shown, within the usual maximum: nothing to name
        { at: 5 * HOUR, kind: 'bolus', bolus: 'single', volumeNl: 100_000, programmedMcgPerMl: 500, trueMcgPerMl: 500 },
      ],
      when,
    );
    expect(errors.map((e) => e.text)).toEqual([
      'Tenfold concentration error',
      'Bolus at a wrong concentration',
      'Bolus above the usual maximum sent',
    ]);
    expect(errors[1]?.explanation).toBe(
      'single bolus at 3 h: the programmer showed 50.0 mcg; it really gave 200.0 mcg',
    );
  });
});

describe('REQ-TRAIN-01: never points for what the clinician cannot change', () => {
  it('the ERI exercise takes no points for the ERI alarm still sounding at the end; a low-reservoir alarm still costs them', () => {
    const s = scenario('elective-replacement.scenario.yaml');
    const eri = scoreTraining(s, baseRun({ final: { 'pump.state': 'running', 'alarm.eri': 'active' } }));
    const alarms = eri.items.find((i) => i.kind === 'alarms');
    expect(alarms).toMatchObject({ passed: true, points: 0 });
    expect(alarms?.explanation).toContain('Elective replacement (ERI) still sounding, which only replacing the pump');
    const low = scoreTraining(
      s,
      baseRun({ final: { 'pump.state': 'running', 'alarm.eri': 'active', 'alarm.lowReservoir': 'active' } }),
    );
    expect(low.items.find((i) => i.kind === 'alarms')?.points).toBe(-10);
  });

  it('withdrawal already reached before the visit costs nothing; only a worsening after it does, by the difference', () => {
    const s = scenario('withdrawal-occluded-catheter.scenario.yaml'); // visit at 40 h
    const events = (after: string) => [
      { at: 30 * HOUR, type: 'patient.withdrawal.early' },
      { at: 50 * HOUR, type: after },
    ];
    const stayed = scoreTraining(
      s,
      baseRun({ events: events('pump.interrogated'), worst: { withdrawal: 'early', overdose: 'none' } }),
    );
    expect(stayed.items.some((i) => i.text === 'Withdrawal reached')).toBe(false);
    const worse = scoreTraining(
      s,
      baseRun({ events: events('patient.withdrawal.severe'), worst: { withdrawal: 'severe', overdose: 'none' } }),
    );
    // severe (-20) less early already there (-5)
    expect(worse.items.find((i) => i.text === 'Withdrawal reached')).toMatchObject({
      points: -15,
      explanation:
        'worst after your visit: severe withdrawal (fever, rigidity, altered consciousness) (already early withdrawal (itching, fast heart rate, spasticity returning) when you met the patient)',
    });
  });
});

describe('REQ-TRAIN-01: the clinic’s words only', () => {
  // a code is a dotted name (alarm.lowReservoir) or a camel-cased one (doseChange, lowReservoir), or the bare alarm name eri
  const CODE = /\b[a-z]+\.[a-z]+[A-Za-z.]*\b|\b[a-z]{2,}[A-Z][a-z]+\w*\b|\beri\b|\beos\b/;

  it('speaks no code in a debrief: workflows, confirmed warnings, alarms and end states in words', () => {
    const s = scenario('low-reservoir-alarm.scenario.yaml');
    const debrief = scoreTraining(
      s,
      baseRun({
        trainee: [
          { at: 31 * HOUR, type: 'programmer.workflow', detail: 'doseChange' },
          { at: 31 * HOUR, type: 'programmer.softLimitConfirmed', detail: 'dose.aboveSoftLimit' },
        ],
        final: {
          'pump.state': 'running',
          'alarm.lowReservoir': 'active',
          'alarm.eri': 'active',
          'pump.reservoirMl': 1.2,
          'truth.reservoirMl': 1.2,
        },
      }),
    );
    const texts = [
      ...debrief.items.flatMap((i) => [i.text, i.explanation]),
      ...debrief.missed,
      ...debrief.timeline.map((e) => e.text),
    ];
    for (const t of texts) expect(t).not.toMatch(CODE);
    expect(debrief.timeline.map((e) => e.text)).toContain('Programmer workflow opened: Change dose');
    expect(debrief.items.find((i) => i.text === 'Low-reservoir alarm cleared')?.explanation).toBe(
      'at the end: the low reservoir alarm was sounding, where silent was needed',
    );
  });

  it.each(library.map((l) => [l.file, l.scenario] as const))('%s: a debrief with no code in it', (_, s) => {
    const debrief = scoreTraining(s, playTraining(s, []));
    const texts = [
      ...debrief.items.flatMap((i) => [i.text, i.explanation]),
      ...debrief.missed,
      ...debrief.timeline.map((e) => e.text),
    ];
    for (const t of texts) expect(t).not.toMatch(CODE);
  });
});

describe('REQ-TRAIN-01: the brief and the pump name the same patient', () => {
  it.each(library.filter((l) => l.scenario.pump?.patientId !== undefined).map((l) => [l.file, l.scenario] as const))(
    '%s',
    (_, s) => {
      expect(s.training?.brief).toContain(s.pump?.patientId);
    },
  );
});
