import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  exerciseDocument,
  exerciseFromYaml,
  exerciseToYaml,
  previewExercise,
  runScenario,
  type ScenarioFile,
  startTraining,
} from '../src/index.ts';
import { TRAINING_DIR, trainingLibrary } from './trainingHarness.ts';

const library = trainingLibrary();
const SEEDS = [1, 7, 20260101];

const read = (text: string, file: string): ScenarioFile => {
  const parsed = exerciseFromYaml(text, file);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.scenario;
};

describe('round trip: every shipped exercise imported, exported and imported again is the same exercise', () => {
  it.each(library.map((l) => l.file))('%s', (file) => {
    const imported = read(readFileSync(join(TRAINING_DIR, file), 'utf8'), file);
    const exported = exerciseToYaml(imported);
    const again = read(exported, file);
    expect(again).toEqual(imported);
    // a second export is byte for byte the first
    expect(exerciseToYaml(again)).toBe(exported);
    for (const seed of SEEDS) {
      // the same runs by seed, byte for byte: the scenario's report and the training run
      expect(JSON.stringify(runScenario(again, { seed }))).toBe(JSON.stringify(runScenario(imported, { seed })));
      const run = (s: ScenarioFile) => JSON.stringify(startTraining(s, { text: '', file }, seed).finish().run);
      expect(run(again)).toBe(run(imported));
    }
    // the right plan's run too
    expect(JSON.stringify(previewExercise(again).plan?.run)).toBe(JSON.stringify(previewExercise(imported).plan?.run));
  });
});

describe('the canonical YAML', () => {
  it('writes keys in the format’s order, durations in ISO 8601, flex starts as HH:MM, and no comments', () => {
    const s = read(
      [
        '# a comment that is not kept',
        'training: { objectives: [{ before: PT36H, event: pump.interrogated, text: Read it }], brief: B }',
        'patient: { origin: spinal }',
        'pump:',
        '  therapy: { steps: [{ doseMcgPerDay: 100, start: "00:00" }, { start: "07:30", doseMcgPerDay: 150 }], mode: flex }',
        '  catheter: { implantedLengthCm: 40 }',
        '  reservoir: { concentrationMcgPerMl: 500, drug: baclofen, volumeMl: 10 }',
        '  model: synchromed-ii-20',
        'duration: PT72H',
        'name: Order',
        'format: itps-scenario/1',
      ].join('\n'),
      'order.yaml',
    );
    expect(exerciseToYaml(s)).toBe(
      [
        'format: itps-scenario/1',
        'name: Order',
        'duration: P3D',
        'pump:',
        '  model: synchromed-ii-20',
        '  reservoir:',
        '    volumeMl: 10',
        '    drug: baclofen',
        '    concentrationMcgPerMl: 500',
        '  catheter:',
        '    implantedLengthCm: 40',
        '  therapy:',
        '    mode: flex',
        '    steps:',
        '      - start: 00:00',
        '        doseMcgPerDay: 100',
        '      - start: 07:30',
        '        doseMcgPerDay: 150',
        'patient:',
        '  origin: spinal',
        'training:',
        '  brief: B',
        '  objectives:',
        '    - text: Read it',
        '      event: pump.interrogated',
        '      before: P1DT12H',
        '',
      ].join('\n'),
    );
  });

  it('exerciseDocument gives the plain document a file holds, which the format validates to the same scenario', () => {
    for (const { file, scenario } of library) {
      const doc = exerciseDocument(scenario);
      expect(JSON.stringify(doc)).not.toContain('timeOfDayAtStart');
      expect(read(JSON.stringify(doc), file)).toEqual(scenario);
    }
  });

  it('exerciseFromYaml names the problems of a bad file with where, expected and found', () => {
    const parsed = exerciseFromYaml('format: itps-scenario/1\nname: x\nduration: soon\n', 'bad.yaml');
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems).toContainEqual({
      file: 'bad.yaml',
      path: 'duration',
      expected: 'an ISO 8601 duration with days, hours, minutes, seconds (P36DT1H30M)',
      found: '"soon"',
    });
  });
});
