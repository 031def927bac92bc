import type { Milliseconds } from '@itps/core';
import { describe, expect, it } from 'vitest';
import { checkSessionInvariants, createScenarioWorld } from '../src/index.ts';
import { smallScenario } from './smallScenario.ts';

// The two session requirements judged on a world, against what the player knows the programmer did.
const scenario = smallScenario({ name: 'session invariants', duration: 'P1D' });

describe('checkSessionInvariants', () => {
  it('REQ-SES-01: flags a stored program nobody confirmed or set, and only when asked', () => {
    const world = createScenarioWorld(scenario, 1);
    world.simulation.advanceTo(60_000 as Milliseconds);
    const stored = JSON.stringify(world.simulation.pumpState().program);
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
    const world = createScenarioWorld(scenario, 1);
    world.simulation.send({ type: 'update.begin' });
    const begun = world.simulation.pumpState().log.findIndex((e) => e.type === 'update.begun');
    const programs = new Set([JSON.stringify(world.simulation.pumpState().program)]);
    const mine = { programs, sessionUpdates: new Set([begun]) };
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
    world.simulation.send({ type: 'update.commit', update: {} });
    expect(checkSessionInvariants(world, mine, ['REQ-SES-02'])).toEqual([]);
    // nor when the pump is stopped on purpose after it
    world.simulation.send({ type: 'therapy.stop' });
    expect(world.simulation.lifecycle()).toBe('stopped');
    expect(checkSessionInvariants(world, mine, ['REQ-SES-02'])).toEqual([]);
  });

  it('REQ-SES-02: an abandoned update leaves the pump stopped, and still needs the warning until restarted', () => {
    const world = createScenarioWorld(scenario, 1);
    world.simulation.send({ type: 'update.begin' });
    const begun = world.simulation.pumpState().log.findIndex((e) => e.type === 'update.begun');
    world.simulation.send({ type: 'update.abort' });
    const pump = world.simulation.pumpState();
    expect(world.simulation.lifecycle()).toBe('stopped');
    expect(pump.log.at(-1)?.type).toBe('update.incomplete');
    const mine = { programs: new Set([JSON.stringify(pump.program)]), sessionUpdates: new Set([begun]) };
    expect(checkSessionInvariants(world, mine, ['REQ-SES-02'])).toEqual([
      expect.objectContaining({
        requirement: 'REQ-SES-02',
        message:
          'the pump is stopped by an unfinished update this programmer began, and the programmer shows no warning',
      }),
    ]);
    // an interrogation after the abandoned update changes nothing
    world.simulation.send({ type: 'telemetry.interrogate' });
    expect(checkSessionInvariants(world, mine, ['REQ-SES-02'])).toHaveLength(1);
    expect(checkSessionInvariants(world, mine, ['REQ-SES-01'])).toEqual([]);
    world.simulation.send({ type: 'therapy.start' });
    expect(checkSessionInvariants(world, mine, ['REQ-SES-02'])).toEqual([]);
    // stopped again on purpose, after the restart: nothing unfinished
    world.simulation.send({ type: 'therapy.stop' });
    expect(world.simulation.lifecycle()).toBe('stopped');
    expect(checkSessionInvariants(world, mine, ['REQ-SES-02'])).toEqual([]);
  });
});
