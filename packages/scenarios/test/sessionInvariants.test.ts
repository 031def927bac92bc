import { logEntries, type Milliseconds, type PumpLifecycle, type WorldState } from '@itps/core';
import { type PumpCommand, runPumpHistory } from '@itps/core/testing';
import { describe, expect, it } from 'vitest';
import { checkSessionInvariants, createScenarioWorld, scenarioPumpInput } from '../src/index.ts';
import { smallScenario } from './smallScenario.ts';

// The two session requirements judged on a world, against what the player knows the programmer did.
const scenario = smallScenario({ name: 'session invariants', duration: 'P1D' });

/** The world with its pump as a pump history leaves it (the invariants are a pure function of the world's state). */
const after = (commands: PumpCommand[]): WorldState => {
  const base = createScenarioWorld(scenario, 1).state();
  const steps = runPumpHistory(scenarioPumpInput(scenario, 1), commands);
  const last = steps[steps.length - 1]?.after;
  if (last === undefined) return base;
  return { ...base, pump: last.context.pump, lifecycle: last.value as PumpLifecycle };
};
const beganAt = (w: WorldState) => logEntries(w.pump.log).findIndex((e) => e.type === 'update.begun');

describe('checkSessionInvariants', () => {
  it('REQ-SES-01: flags a stored program nobody confirmed or set, and only when asked', () => {
    const door = createScenarioWorld(scenario, 1);
    door.apply({ type: 'time.advance', to: 60_000 as Milliseconds });
    const world = door.state();
    const stored = JSON.stringify(world.pump.program);
    const nobody = { programs: new Set<string>(), sessionUpdates: new Set<number>() };
    expect(checkSessionInvariants(world, nobody, ['REQ-SES-01'])).toEqual([
      {
        requirement: 'REQ-SES-01',
        at: 60_000,
        message: `the pump holds ${stored}, which no finish screen confirmed and no action set`,
      },
    ]);
    expect(checkSessionInvariants(world, nobody, ['REQ-SES-02'])).toEqual([]);
    expect(checkSessionInvariants(world, nobody, [])).toEqual([]);
    expect(checkSessionInvariants(world, { ...nobody, programs: new Set([stored]) }, ['REQ-SES-01'])).toEqual([]);
  });

  it('REQ-SES-02: flags an update this programmer began and left unfinished without a warning', () => {
    const door = createScenarioWorld(scenario, 1);
    door.apply({ type: 'pump.update', update: {}, interrupt: 'afterSend' });
    const world = door.state();
    expect(world.lifecycle).toBe('updating');
    const programs = new Set([JSON.stringify(world.pump.program)]);
    const mine = { programs, sessionUpdates: new Set([beganAt(world)]) };
    expect(checkSessionInvariants(world, mine, ['REQ-SES-01', 'REQ-SES-02'])).toEqual([
      {
        requirement: 'REQ-SES-02',
        at: 0,
        message:
          'the pump is updating by an unfinished update this programmer began, and the programmer shows no warning',
      },
    ]);
    // an update begun by another programmer (an action outside the session) is not this one's to warn of
    expect(checkSessionInvariants(world, { programs, sessionUpdates: new Set<number>() }, ['REQ-SES-02'])).toEqual([]);
    // once the update is finished there is nothing to warn of
    const update: PumpCommand = { kind: 'update', update: {}, abandon: false };
    const finished = after([update]);
    expect(finished.lifecycle).toBe('running');
    expect(checkSessionInvariants(finished, mine, ['REQ-SES-02'])).toEqual([]);
    // nor when the pump is stopped on purpose after it
    const stopped = after([update, { kind: 'stop' }]);
    expect(stopped.lifecycle).toBe('stopped');
    expect(checkSessionInvariants(stopped, mine, ['REQ-SES-02'])).toEqual([]);
  });

  it('REQ-SES-02: an abandoned update leaves the pump stopped, and still needs the warning until restarted', () => {
    const abandoned: PumpCommand = { kind: 'update', update: {}, abandon: true };
    const world = after([abandoned]);
    expect(world.lifecycle).toBe('stopped');
    expect(logEntries(world.pump.log).at(-1)?.type).toBe('update.incomplete');
    const mine = { programs: new Set([JSON.stringify(world.pump.program)]), sessionUpdates: new Set([beganAt(world)]) };
    expect(checkSessionInvariants(world, mine, ['REQ-SES-02'])).toEqual([
      expect.objectContaining({
        requirement: 'REQ-SES-02',
        message:
          'the pump is stopped by an unfinished update this programmer began, and the programmer shows no warning',
      }),
    ]);
    // an interrogation after the abandoned update changes nothing
    const read = after([abandoned, { kind: 'interrogate' }]);
    expect(checkSessionInvariants(read, mine, ['REQ-SES-02'])).toHaveLength(1);
    expect(checkSessionInvariants(read, mine, ['REQ-SES-01'])).toEqual([]);
    const restarted = after([abandoned, { kind: 'interrogate' }, { kind: 'start' }]);
    expect(checkSessionInvariants(restarted, mine, ['REQ-SES-02'])).toEqual([]);
    // stopped again on purpose, after the restart: nothing unfinished
    const stoppedAgain = after([abandoned, { kind: 'interrogate' }, { kind: 'start' }, { kind: 'stop' }]);
    expect(stoppedAgain.lifecycle).toBe('stopped');
    expect(checkSessionInvariants(stoppedAgain, mine, ['REQ-SES-02'])).toEqual([]);
  });
});
