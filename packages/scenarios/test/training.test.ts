import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Milliseconds, MS_PER_HOUR } from '@itps/core';
import { describe, expect, it } from 'vitest';
import {
  FAULT_CHOICES,
  parseScenario,
  type ScenarioFile,
  scoreTraining,
  startTraining,
  type TrainingRun,
  trainingOf,
} from '../src/index.ts';
import { playTraining, TRAINING_DIR, trainingLibrary } from './trainingHarness.ts';

const HOUR = 3_600_000;
const library = trainingLibrary();
const scenario = (file: string) => {
  const found = library.find((l) => l.file === file);
  if (found === undefined) throw new Error(`no training scenario ${file}`);
  return found.scenario;
};

describe('the training library', () => {
  it('has at least 12 training scenarios, each with a patient, a brief and objectives', () => {
    expect(library.length).toBeGreaterThanOrEqual(12);
    for (const { scenario: s } of library) {
      expect(s.patient).toBeDefined();
      expect(s.training?.objectives.length).toBeGreaterThan(0);
      expect(s.training?.lesson).toBeTruthy();
    }
  });

  it.each(library.map((l) => [l.file, l.scenario] as const))('%s fails a trainee who does nothing', (_, s) => {
    const debrief = scoreTraining(s, playTraining(s, []));
    expect(debrief.passed).toBe(false);
    expect(debrief.missed.length).toBeGreaterThan(0);
  });
});

describe('model answers pass', () => {
  it('the unfinished update: interrogate at the visit, restart, no withdrawal', () => {
    const s = scenario('unfinished-update.scenario.yaml');
    const run = playTraining(s, [
      { at: 'PT2H10M', pump: 'interrogate' },
      { at: 'PT2H20M', pump: 'restart' },
    ]);
    const debrief = scoreTraining(s, run);
    expect(debrief.items.filter((i) => i.kind === 'objective').every((i) => i.passed)).toBe(true);
    expect(debrief).toMatchObject({ passed: true, scorePercent: 100, missed: [] });
  });

  it('the occluded catheter: withdrawal recognised, catheter suspected 38 h after the occlusion, oral bridge', () => {
    const s = scenario('withdrawal-occluded-catheter.scenario.yaml');
    const run = playTraining(s, [
      { at: 'P1DT16H', pump: 'interrogate', trainee: 'clinical.suspectWithdrawal' },
      { at: 'P1DT16H30M', trainee: 'clinical.oralBaclofen' },
      { at: 'P1DT17H', trainee: 'clinical.suspectCatheter' },
    ]);
    const debrief = scoreTraining(s, run);
    expect(debrief.timeToDetectMs).toBe(39 * HOUR);
    const detection = debrief.items.find((i) => i.kind === 'detection');
    expect(detection).toMatchObject({ passed: true, points: 10, explanation: 'detected 39.0 h after it began' });
    // the occlusion stays: early withdrawal was reached before the visit, which is not the trainee's
    // to answer for (no penalty); it did not worsen after the visit, and the run passes
    expect(run.worst.withdrawal).not.toBe('severe');
    expect(debrief.items.some((i) => i.text === 'Withdrawal reached')).toBe(false);
    expect(debrief.passed).toBe(true);
    expect(
      debrief.timeline.some(
        (e) => e.lane === 'truth' && e.text === 'the catheter became blocked (100 %): the pump cannot tell',
      ),
    ).toBe(true);
  });

  it('the flex entry error: overdose recognised and the program corrected before breathing is depressed', () => {
    const s = scenario('flex-entry-error.scenario.yaml');
    const run = playTraining(s, [
      { at: 'PT10H', pump: 'interrogate', trainee: 'clinical.suspectOverdose' },
      { at: 'PT10H30M', pump: { action: 'program', therapy: { mode: 'simple', doseMcgPerDay: 300 } } },
    ]);
    const debrief = scoreTraining(s, run);
    expect(run.worst.overdose).not.toBe('respiratoryDepression');
    expect(debrief.passed).toBe(true);
  });

  it('the concentration change: a refill at 2000 mcg/mL with its bridge bolus keeps the patient out of withdrawal; without it, not', () => {
    const s = scenario('concentration-change.scenario.yaml');
    const refill = {
      action: 'refill' as const,
      withdrawMl: 'all' as const,
      volumeMl: 18,
      concentrationMcgPerMl: 2000,
    };
    const bridged = playTraining(s, [{ at: 'PT1H', pump: { ...refill, bridgeBolus: true } }]);
    const unbridged = playTraining(s, [{ at: 'PT1H', pump: { ...refill, bridgeBolus: false } }]);
    expect(bridged.worst.withdrawal).toBe('none');
    expect(unbridged.worst.withdrawal).not.toBe('none');
    expect(scoreTraining(s, bridged).passed).toBe(true);
    expect(scoreTraining(s, unbridged).items.find((i) => i.text === 'Keep the patient out of withdrawal')?.passed).toBe(
      false,
    );
  });

  it('the titration: +30 % a day reaches the target without drowsiness', () => {
    const s = scenario('titration-after-trial.scenario.yaml');
    const doses = [130, 169, 220, 286, 372, 400];
    const run = playTraining(
      s,
      doses.map((dose, day) => ({
        at: `P${day + 1}D`,
        pump: { action: 'program' as const, therapy: { mode: 'simple' as const, doseMcgPerDay: dose } },
      })),
    );
    const debrief = scoreTraining(s, run);
    expect(run.final['patient.ashworth']).toBeLessThanOrEqual(1.5);
    expect(run.worst.overdose).toBe('none');
    expect(debrief).toMatchObject({ passed: true, scorePercent: 100 });
  });
});

const baseRun = (over: Partial<TrainingRun> = {}): TrainingRun => ({
  format: 'itps-training-run/1',
  scenario: 'x',
  endedAt: 72 * HOUR,
  trainee: [],
  events: [],
  final: { 'pump.state': 'running', 'alarm.lowReservoir': 'inactive', 'patient.ashworth': 1 },
  worst: { withdrawal: 'none', overdose: 'none' },
  incompleteSession: false,
  course: [],
  ...over,
});

describe('scoring', () => {
  const s = scenario('withdrawal-occluded-catheter.scenario.yaml');

  it('gives detection points by how soon the silent fault was found: 20 within a day, 10 within three, 5 later, 0 never', () => {
    const detectAt = (h: number) =>
      scoreTraining(
        s,
        baseRun({ trainee: [{ at: 2 * HOUR + h * HOUR, type: 'clinical.suspectCatheter' }] }),
      ).items.find((i) => i.kind === 'detection')?.points;
    expect([detectAt(24), detectAt(24.5), detectAt(72), detectAt(73)]).toEqual([20, 10, 10, 5]);
    const missed = scoreTraining(s, baseRun());
    expect(missed.timeToDetectMs).toBeNull();
    expect(missed.missed[0]).toBe(
      'The silent fault that began at day 0, 02:00 was never detected (the pump cannot sense it)',
    );
    // a guess before the fault began does not count
    expect(
      scoreTraining(s, baseRun({ trainee: [{ at: HOUR, type: 'clinical.suspectCatheter' }] })).timeToDetectMs,
    ).toBeNull();
  });

  it('penalises soft limits overridden, a stopped pump, an unfinished session, stages reached and alarms left sounding', () => {
    const clean = scoreTraining(s, baseRun());
    const bad = scoreTraining(
      s,
      baseRun({
        trainee: [{ at: HOUR, type: 'programmer.softLimitConfirmed', detail: 'dose.aboveTitrationLimit' }],
        final: { 'pump.state': 'stopped', 'alarm.lowReservoir': 'active' },
        incompleteSession: true,
        worst: { withdrawal: 'moderate', overdose: 'drowsy' },
      }),
    );
    const penalties = bad.items.filter((i) => i.points < 0).map((i) => [i.text, i.points]);
    expect(penalties).toEqual([
      ['Soft limit overridden', -5],
      ['Pump left stopped', -15],
      ['Programming session left unfinished', -15],
      ['Withdrawal reached', -10],
      ['Overdose reached', -5],
      ['Alarms resolved by the end', -10],
    ]);
    expect(bad.earned).toBe(clean.earned - 60);
    expect(bad.missed).toContain('Alarms left sounding: Low reservoir');
    expect(bad.scorePercent).toBeGreaterThanOrEqual(0);
    // confirming a large cut (correcting an overdose) acknowledges a risk and overrides no limit
    const cut = scoreTraining(
      s,
      baseRun({ trainee: [{ at: HOUR, type: 'programmer.softLimitConfirmed', detail: 'dose.largeDecrease' }] }),
    );
    expect(cut.earned).toBe(clean.earned);
    // so do a stop and a restart confirmed, with what follows said: no limit overridden
    const acknowledged = scoreTraining(
      s,
      baseRun({
        trainee: [
          { at: HOUR, type: 'programmer.softLimitConfirmed', detail: 'therapy.stop' },
          { at: 2 * HOUR, type: 'programmer.softLimitConfirmed', detail: 'therapy.restart' },
        ],
      }),
    );
    expect(acknowledged.earned).toBe(clean.earned);
  });

  it('judges event objectives inside their window, never objectives and end states', () => {
    const withinWindow = scoreTraining(
      scenario('unfinished-update.scenario.yaml'),
      baseRun({
        events: [
          { at: HOUR, type: 'pump.started' },
          { at: 9 * HOUR, type: 'pump.started' },
          { at: 3 * HOUR, type: 'pump.interrogated' },
        ],
      }),
    );
    const [interrogate, started, running, noWithdrawal] = withinWindow.items;
    expect(interrogate).toMatchObject({
      passed: true,
      points: 10,
      explanation: 'Pump interrogated at day 0, 03:00, before day 0, 06:00',
    });
    expect(started).toMatchObject({
      passed: false,
      points: 0,
      explanation: 'Pump started at day 0, 09:00, later than day 0, 08:00',
    });
    expect(running).toMatchObject({ passed: true, explanation: 'at the end: the pump running' });
    expect(noWithdrawal).toMatchObject({
      passed: true,
      explanation: 'The patient reached early withdrawal (itching, fast heart rate, spasticity returning): never',
    });
    expect(withinWindow.max).toBe(50);
    expect(withinWindow.scorePercent).toBe(60);
    expect(withinWindow.passed).toBe(false);
  });

  it('makes any plain scenario (a failing property’s file) training material with default objectives', () => {
    const parsed = parseScenario(
      [
        'format: itps-scenario/1',
        'name: counterexample',
        'duration: P3D',
        'pump: { model: synchromed-ii-20, reservoir: { volumeMl: 20, drug: baclofen, concentrationMcgPerMl: 500 }, catheter: { implantedLengthCm: 40 }, therapy: { mode: simple, doseMcgPerDay: 250 } }',
        'patient: { origin: spinal }',
        'timeline: [{ at: P1D, action: refill, volumeMl: 5, concentrationMcgPerMl: 500, needle: pocket }]',
      ].join('\n'),
      'counterexample.yaml',
    );
    if (!parsed.ok) throw new Error('did not parse');
    const training = trainingOf(parsed.scenario);
    expect(training.silentFault).toEqual({ at: 86_400_000, detectedBy: 'clinical.suspectPocketFill' });
    expect(training.objectives.map((o) => ('never' in o ? o.never : ''))).toEqual([
      'patient.withdrawal.moderate',
      'patient.overdose.somnolent',
    ]);
    const debrief = scoreTraining(parsed.scenario, playTraining(parsed.scenario, []));
    expect(debrief.timeline.find((e) => e.lane === 'truth')?.text).toBe(
      'refill by a colleague: 5 mL at 500 mcg/mL, needle in the pocket',
    );
  });
});

describe('the debrief says what each change of the patient followed', () => {
  const library = trainingLibrary();
  const flex = library.find((t) => t.file === 'flex-entry-error.scenario.yaml');
  const text = readFileSync(join(TRAINING_DIR, 'flex-entry-error.scenario.yaml'), 'utf8');

  it('names the fault the instructor injected as what the recovery from overdose followed, and the hidden cause of the drowsiness', () => {
    const s = flex?.scenario as ScenarioFile;
    const session = startTraining(s, { text, file: 'flex-entry-error.scenario.yaml' });
    // the colleague's wrong flex program is stored at 01:00 (the truth); the visit is at 10:00; an hour
    // later the instructor blocks the catheter whole: nothing reaches the patient from then on
    const at = session.world.state().now + MS_PER_HOUR;
    session.apply({ type: 'time.advance', to: at as Milliseconds });
    const occlusion = FAULT_CHOICES.find((f) => f.id === 'occlusion') as (typeof FAULT_CHOICES)[number];
    expect(session.apply(occlusion.start).ok).toBe(true);
    const { debrief } = session.finish([{ at, label: occlusion.label }]);
    const patient = debrief.timeline.filter((e) => e.lane === 'patient').map((e) => e.text);
    expect(patient).toEqual([
      'The patient reached drowsiness, after programmed by a colleague to a flex schedule of 3 steps (day 0, 01:00)',
      'The patient recovered from overdose, after Catheter occlusion (full), injected by the instructor (day 0, 11:00)',
    ]);
    expect(debrief.timeline).toContainEqual({
      at,
      lane: 'truth',
      text: 'Catheter occlusion (full), injected by the instructor',
    });
  });

  it('without a fault, the recovery follows what the trainee sent or what the pump did', () => {
    const s = flex?.scenario as ScenarioFile;
    const { debrief } = startTraining(s, { text, file: 'f' }).finish();
    const texts = debrief.timeline.filter((e) => e.lane === 'patient').map((e) => e.text);
    expect(texts.every((t) => / after |nothing changed the drug/.test(t))).toBe(true);
    expect(texts.join('\n')).not.toContain('injected by the instructor');
  });
});
