import { readFileSync } from 'node:fs';
import { logEntries, type PumpLog } from '@itps/core';
import { describe, expect, it } from 'vitest';
import {
  formatProblem,
  parseSavedSession,
  parseScenario,
  type SavedSession,
  SESSION_FORMAT,
  startTraining,
} from '../src/index.ts';
import { TRAINING_DIR } from './trainingHarness.ts';

const file = 'unfinished-update.scenario.yaml';
const text = readFileSync(`${TRAINING_DIR}/${file}`, 'utf8');
const parsed = parseScenario(text, file);
if (!parsed.ok) throw new Error('library exercise invalid');

/** A real session: an exercise started, a clinical action taken, saved as the app saves it (through JSON). */
function saved(): SavedSession {
  const training = startTraining(parsed.ok ? parsed.scenario : (undefined as never), { text, file });
  training.apply({ type: 'clinical.act', action: 'clinical.suspectPumpFailure' });
  return JSON.parse(
    JSON.stringify({
      format: SESSION_FORMAT,
      world: training.world.persist(),
      scenario: null,
      training: training.record(),
    }),
  );
}

const problems = (value: unknown) => {
  const r = parseSavedSession(value, 'session.json');
  return r.ok ? [] : r.problems.map(formatProblem);
};

describe('parseSavedSession', () => {
  it('takes back what the app saves, with the exercise’s scenario parsed again', () => {
    const r = parseSavedSession(saved(), 'session.json');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.scenario?.name).toBe(parsed.ok ? parsed.scenario.name : '');
    expect(r.session.training?.trainee).toEqual([{ at: 7_200_000, type: 'clinical.suspectPumpFailure' }]);
  });

  it('takes back a world whose time ran at a pace (the idle time in the user’s time), and refuses a negative one', () => {
    const training = startTraining(parsed.ok ? parsed.scenario : (undefined as never), { text, file });
    training.apply({ type: 'time.advance', to: (training.world.state().now + 3_600_000) as never, pace: 3600 });
    const session = JSON.parse(
      JSON.stringify({
        format: SESSION_FORMAT,
        world: training.world.persist(),
        scenario: null,
        training: training.record(),
      }),
    );
    // idle since the world began (2 h of simulated time, no pace then), and 1 s of the user's time since
    expect(session.world.link.idleMs).toBe(7_201_000);
    expect(problems(session)).toEqual([]);
    session.world.link.idleMs = -1;
    expect(problems(session).join('\n')).toContain('idleMs');
  });

  it('takes back the changes the trainee made to the pump and the true reservoir of the course, which scoring reads', () => {
    const lowFile = 'low-reservoir-alarm.scenario.yaml';
    const lowText = readFileSync(`${TRAINING_DIR}/${lowFile}`, 'utf8');
    const low = parseScenario(lowText, lowFile);
    if (!low.ok) throw new Error('library exercise invalid');
    const training = startTraining(low.scenario, { text: lowText, file: lowFile });
    const program = training.world.state().pump.program;
    expect(
      training.apply({ type: 'pump.update', update: { program: { ...program, concentration: 2000 as never } } }).ok,
    ).toBe(true);
    training.apply({ type: 'time.advance', to: (33 * 3_600_000) as never });
    const session = JSON.parse(
      JSON.stringify({
        format: SESSION_FORMAT,
        world: training.world.persist(),
        scenario: null,
        training: training.record(),
      }),
    );
    expect(session.training.changes).toHaveLength(1);
    expect(session.training.course.at(-1).truthReservoirNl).toBeGreaterThan(0);
    const r = parseSavedSession(session, 'session.json');
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.session.training?.changes).toEqual(session.training.changes);
    session.training.changes[0].new.therapy = { mode: 'fast' };
    expect(problems(session).length).toBeGreaterThan(0);
  });

  it('names another format, and a session of the older format, without restoring anything', () => {
    expect(problems({ format: 'x' })).toEqual([
      `session.json: format: expected an ITPS session file (format ${SESSION_FORMAT}), found format "x"`,
    ]);
    expect(problems({ format: 'itps-world/1' })[0]).toContain('saved by an older version, which cannot be restored');
    expect(problems(null)).toEqual([
      `session.json: (document): expected an ITPS session (format ${SESSION_FORMAT}), found null`,
    ]);
    expect(problems([])).toHaveLength(1);
  });

  it('takes back a session saved when the pump log was a plain list, with the same entries', () => {
    const s = saved() as unknown as { world: { pump: { context: { pump: { log: unknown } } } } };
    const pump = s.world.pump.context.pump;
    const entries = logEntries(pump.log as PumpLog);
    expect(entries.length).toBeGreaterThan(0);
    pump.log = entries;
    const r = parseSavedSession(s, 'session.json');
    if (!r.ok) throw new Error(r.problems.map(formatProblem).join('\n'));
    const restored = (r.session.world.pump as { context: { pump: { log: PumpLog } } }).context.pump.log;
    expect(logEntries(restored)).toEqual(entries);
    pump.log = { runs: [[{ at: 0, type: 'pump.started' }]], length: 2 };
    expect(problems(s)).toEqual([
      'session.json: world.pump.context.pump.log: expected the pump event log, found something else',
    ]);
  });

  it('names the field that is wrong, where it is and what it holds', () => {
    const s = saved() as unknown as { world: { link: { forcedDrops: unknown } }; training: { trainee: unknown[] } };
    s.world.link.forcedDrops = -1;
    s.training.trainee.push({ at: 'soon', type: 'clinical.oralBaclofen' });
    expect(problems(s)).toEqual([
      'session.json: world.link.forcedDrops: expected a number at least 0, found -1',
      'session.json: training.trainee[1].at: expected a finite number, found "soon"',
    ]);
  });

  it('refuses unknown fields, as every boundary does', () => {
    expect(problems({ ...saved(), extra: true })).toEqual([
      'session.json: extra: expected no such field (see the format), found true',
    ]);
  });

  it('refuses a pump whose drug does not add up, and an exercise whose scenario no longer parses', () => {
    const s = saved() as unknown as {
      world: { pump: { context: { pump: { truth: { loaded: { masses: { baclofen: number } } } } } } };
      training: { source: { text: string } };
    };
    s.world.pump.context.pump.truth.loaded.masses.baclofen += 1;
    s.training.source.text = 'format: itps-scenario/1\nname: broken\n';
    const found = problems(s);
    expect(found.some((p) => p.startsWith('session.json: world.pump: expected a pump that holds REQ-CONS-01'))).toBe(
      true,
    );
    expect(
      found.some((p) => p.startsWith('session.json: training.source.text: expected a valid exercise scenario')),
    ).toBe(true);
  });

  it('never throws on whatever a file holds', () => {
    for (const value of [undefined, 3, 'x', { format: SESSION_FORMAT }, { format: SESSION_FORMAT, world: 1 }])
      expect(() => parseSavedSession(value, 'x.json')).not.toThrow();
  });
});

describe('a saved session after a pump replacement', () => {
  it('takes back the world with the explanted pump in its history and the session mid-replacement', () => {
    const name = 'pump-replacement-at-eri.scenario.yaml';
    const source = readFileSync(`${TRAINING_DIR}/${name}`, 'utf8');
    const exercise = parseScenario(source, name);
    if (!exercise.ok) throw new Error('library exercise invalid');
    const training = startTraining(exercise.scenario, { text: source, file: name });
    training.apply({ type: 'programmer.act', event: { type: 'session.connect' } });
    training.apply({ type: 'programmer.act', event: { type: 'workflow.start', workflow: 'replacement' } });
    const old = training.world.state().pump.serial;
    expect(
      training.apply({ type: 'pump.replace', replacement: { profileId: 'synchromed-ii-20', catheter: 'kept' } }).ok,
    ).toBe(true);
    const session = JSON.parse(
      JSON.stringify({
        format: SESSION_FORMAT,
        world: training.world.persist(),
        scenario: null,
        training: training.record(),
      }),
    );
    const r = parseSavedSession(session, 'session.json');
    if (!r.ok) throw new Error(r.problems.map(formatProblem).join('\n'));
    expect(r.session.world.explanted?.map((e) => e.reading.serial)).toEqual([old]);
    // a history that is not one is refused by its path, nothing restored
    const bad = { ...session, world: { ...session.world, explanted: [{ at: 'yesterday' }] } };
    expect(problems(bad)[0]).toMatch(/world\.explanted\[0\]\.at/);
  });
});
