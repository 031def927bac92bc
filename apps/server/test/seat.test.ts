import { patientStatus } from '@itps/core';
import { type ScenarioFile, startTraining, type TrainingSession } from '@itps/scenarios';
import { describe, expect, it } from 'vitest';
import { loadExercises } from '../src/classroom/exercises.ts';
import { Seat } from '../src/classroom/seat.ts';
import { TRAINEE_COMMANDS } from './socketClient.ts';

const exercises = await loadExercises();

/** The same commands and time through a session: what a seat does to its world. */
function drive(apply: TrainingSession['apply'], now: () => number) {
  for (let i = 0; i < 24; i += 1) {
    apply({ type: 'time.advance', to: (now() + 17 * 60_000) as never });
    apply(TRAINEE_COMMANDS[i % TRAINEE_COMMANDS.length] as never);
  }
}

describe('Seat', () => {
  it.each([...exercises.keys()])('starts %s as a fresh start would, to the byte, and stays so as it runs', (file) => {
    const exercise = exercises.get(file) as { scenario: ScenarioFile; text: string; file: string; version: string };
    const identity = { tokenHash: 'h', trainee: { id: 't', name: 'Ana' }, startedAt: 'x', joinedAtElapsed: 0 };
    // the second and third seats start from the copy the first one made
    const seats = [1, 2, 3].map((n) => new Seat(exercise, { ...identity, id: `s${n}` }));
    const fresh = startTraining(exercise.scenario, { text: exercise.text, file: exercise.file });
    const third = seats[2] as Seat;
    expect(JSON.stringify(third.worldState())).toBe(JSON.stringify(fresh.world.state()));
    drive(fresh.apply, () => fresh.world.state().now);
    const origin = third.snapshot().origin;
    drive(
      (c) => {
        if (c.type !== 'time.advance') return third.act(c);
        third.advanceTo(c.to - origin); // the class clock's elapsed time that puts the world at c.to
        return { ok: true, at: c.to };
      },
      () => third.worldState().now,
    );
    expect(JSON.stringify(third.worldState())).toBe(JSON.stringify(fresh.world.state()));
    expect(JSON.stringify(third.snapshot().record)).toBe(JSON.stringify(fresh.record()));
  });
});

describe("Seat's summary for the instructor's console", () => {
  it("tells the patient's stage as the world has it: the flex entry error left alone reaches respiratory depression", () => {
    const exercise = exercises.get('flex-entry-error.scenario.yaml') as NonNullable<ReturnType<typeof exercises.get>>;
    const seat = new Seat(exercise, {
      id: 's',
      tokenHash: 'h',
      trainee: { id: 't', name: 'Ana' },
      startedAt: 'x',
      joinedAtElapsed: 0,
    });
    const seen: string[] = [];
    for (let h = 1; h <= 48 && !seen.includes('respiratoryDepression'); h += 1) {
      seat.advanceTo(h * 3_600_000, 3600);
      const state = seat.worldState();
      const truth = state.patient === null ? null : patientStatus(state.patient.state, state.patient.parameters);
      const told = seat.summary(false).patient;
      expect(told).toEqual({ withdrawal: truth?.withdrawal, overdose: truth?.overdose });
      if (told?.overdose !== seen[seen.length - 1]) seen.push(told?.overdose ?? '');
    }
    expect(seen).toEqual(['drowsy', 'somnolent', 'respiratoryDepression']);
  });

  it("counts the programmer's idle time-out in the trainee's time: at 1 h a second, 4 simulated hours are 4 s", () => {
    const exercise = exercises.get('flex-entry-error.scenario.yaml') as NonNullable<ReturnType<typeof exercises.get>>;
    const identity = { tokenHash: 'h', trainee: { id: 't', name: 'Ana' }, startedAt: 'x', joinedAtElapsed: 0 };
    const session = (seat: Seat) => seat.worldState().session.state;
    const editing = (seat: Seat) => {
      seat.act({ type: 'programmer.act', event: { type: 'session.connect' } });
      seat.act({ type: 'programmer.act', event: { type: 'workflow.start', workflow: 'doseChange' } });
      expect(session(seat)).toBe('editing');
    };
    const fast = new Seat(exercise, { ...identity, id: 'fast' });
    editing(fast);
    // sixteen ticks of 250 ms at 3600 simulated ms a real ms: 4 h of the patient's time, 4 s of the trainee's
    for (let tick = 1; tick <= 16; tick += 1) fast.advanceTo(tick * 900_000, 3600);
    expect(session(fast)).toBe('editing');
    // at real time, 6 minutes without a touch close the session (after 5), as on the device
    const slow = new Seat(exercise, { ...identity, id: 'slow' });
    editing(slow);
    slow.advanceTo(360_000, 1);
    expect(session(slow)).toBe('disconnected');
  });
});
