import { describe, expect, it } from 'vitest';
import { parseScenario, type ScenarioFile, scoreTraining, trainingOf } from '../src/index.ts';
import { playTraining } from './trainingHarness.ts';

// Any scenario becomes training material: its first silent fault, found by the clinical action
// that finds it, and a truth lane in the debrief saying what really happened.
const plain = (timeline: string, duration = 'P3D'): ScenarioFile => {
  const parsed = parseScenario(
    [
      'format: itps-scenario/1',
      'name: plain',
      `duration: ${duration}`,
      'pump: { model: synchromed-ii-20, reservoir: { volumeMl: 20, drug: baclofen, concentrationMcgPerMl: 500 }, catheter: { implantedLengthCm: 40 }, therapy: { mode: simple, doseMcgPerDay: 250 } }',
      'patient: { origin: spinal }',
      `timeline: ${timeline}`,
    ].join('\n'),
    'plain.yaml',
  );
  if (!parsed.ok) throw new Error(`did not parse: ${JSON.stringify(parsed.problems)}`);
  return parsed.scenario;
};
const DAY = 86_400_000;

describe('training from a plain scenario', () => {
  it.each([
    ['[{ at: P1D, action: fault, kind: catheterOcclusion }]', 'clinical.suspectCatheter'],
    ['[{ at: P1D, action: fault, kind: tipMigration, tip: subdural }]', 'clinical.suspectCatheter'],
    ['[{ at: P1D, action: refill, volumeMl: 5, concentrationMcgPerMl: 500, needle: cap }]', 'clinical.suspectOverdose'],
  ])('%s is found by %s', (timeline, detectedBy) => {
    expect(trainingOf(plain(timeline)).silentFault).toEqual({ at: DAY, detectedBy });
  });

  it('a scenario with nothing silent has no fault to detect', () => {
    const training = trainingOf(plain('[{ at: P1D, action: fault, kind: motorStall }]'));
    expect(training.silentFault).toBeUndefined();
  });

  it('the debrief tells the truth of every action, in words, and nothing after the run ended', () => {
    const s = plain(
      `[
        { at: PT1H, action: fault, kind: catheterOcclusion, until: P1D },
        { at: PT2H, action: program, therapy: { mode: flex, steps: [{ start: "00:00", doseMcgPerDay: 200 }] }, interrupt: afterSend },
        { at: PT3H, action: program, therapy: { mode: minimum } },
        { at: PT4H, action: mri, fieldT: 1.5, duration: PT30M },
        { at: PT5H, action: refill, volumeMl: 5, concentrationMcgPerMl: 500 },
        { at: P2D, action: setLowReservoirAlarm, volumeMl: 3 }
      ]`,
    );
    const truth = scoreTraining(s, playTraining(s, []))
      .timeline.filter((e) => e.lane === 'truth')
      .map((e) => e.text);
    expect(truth[0]).toMatch(/, until /);
    expect(truth[1]).toBe(
      'programmed by a colleague to a flex schedule of 1 step, the session dropped after sending (the pump left stopped)',
    );
    expect(truth[2]).toBe('programmed by a colleague to the minimum rate');
    expect(truth[3]).toBe('MRI scan at 1.5 T');
    expect(truth[4]).toBe('refill by a colleague: 5 mL at 500 mcg/mL');
    expect(truth).toHaveLength(5);
  });
});
