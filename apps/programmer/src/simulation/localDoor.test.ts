import { describe, expect, it } from 'vitest';
import { freeStage, LocalDoor } from './localDoor.ts';

const NO_PATIENT = `format: itps-scenario/1
name: "Bench only"
duration: P1D
pump:
  model: synchromed-ii-20
  reservoir: { volumeMl: 20, drug: baclofen, concentrationMcgPerMl: 500 }
  catheter: { implantedLengthCm: 40 }
  therapy: { mode: simple, doseMcgPerDay: 250 }
`;

describe('LocalDoor opening a scenario', () => {
  it('refuses a scenario without a patient as an exercise, and leaves the world running as it was', async () => {
    const door = new LocalDoor(freeStage());
    const before = door.version;
    const problems = await door.startExercise({ text: NO_PATIENT, file: 'bench.yaml' });
    expect(problems).toEqual(['bench.yaml: patient: expected a patient (patient.origin) for an exercise, found none']);
    expect(door.info().training).toBeNull();
    expect(door.version).toBe(before);
  });

  it('refuses a file that is not a scenario with the format message, and opens nothing', async () => {
    const door = new LocalDoor(freeStage());
    const problems = await door.loadScenario({ text: 'format: itps-scenario/9\n', file: 'bad.yaml' });
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]).toMatch(/^bad\.yaml: format: expected/);
    expect(door.info().scenario).toBeNull();
  });

  it('opens a scenario without a patient on the bench', async () => {
    const door = new LocalDoor(freeStage());
    expect(await door.loadScenario({ text: NO_PATIENT, file: 'bench.yaml' })).toEqual([]);
    expect(door.info().scenario).toEqual({ name: 'Bench only' });
  });
});
