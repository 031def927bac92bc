import { readFileSync } from 'node:fs';
import { logEntries, type Milliseconds } from '@itps/core';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createScenarioPlayer, createScenarioWorld, parseScenario, validateScenario } from '../src/index.ts';

const DAY = 86_400_000;
const text = readFileSync(new URL('../scenarios/stop-and-restart.scenario.yaml', import.meta.url), 'utf8');
const parsed = parseScenario(text, 'stop-and-restart.scenario.yaml');
if (!parsed.ok) throw new Error('library scenario invalid');
const scenario = parsed.scenario;
/** The library scenario with another timeline, as a file would write it, validated. */
const withTimeline = (timeline: Record<string, unknown>[]) => {
  const checked = validateScenario({ ...parse(text), timeline }, 'test timeline');
  if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
  return checked.scenario;
};

describe('scenario player', () => {
  it('resumes a timeline played through an instant exactly as if it had never stopped', () => {
    const straight = createScenarioWorld(scenario, 1);
    createScenarioPlayer(scenario, straight).advanceTo((4 * DAY) as Milliseconds);

    const resumed = createScenarioWorld(scenario, 1);
    createScenarioPlayer(scenario, resumed).advanceTo((2 * DAY) as Milliseconds);
    const player = createScenarioPlayer(scenario, resumed, { playedThrough: resumed.state().now });
    expect(player.nextStepAt()).toBe(3 * DAY);
    player.advanceTo((4 * DAY) as Milliseconds);

    expect(resumed.state().pump).toEqual(straight.state().pump);
  });
  it('plays a fault’s end before the actions of its instant, same-instant actions in file order, then is done', () => {
    const s = withTimeline([
      { at: 'PT1H', action: 'fault', kind: 'catheterOcclusion', until: 'PT2H' },
      { at: 'PT2H', action: 'program', therapy: { mode: 'simple', doseMcgPerDay: 300 } },
      { at: 'PT2H', action: 'program', therapy: { mode: 'simple', doseMcgPerDay: 200 } },
      { at: 'PT3H', action: 'interrogate' },
    ]);
    const world = createScenarioWorld(s, 1);
    const seen: string[] = [];
    const player = createScenarioPlayer(s, world, {
      afterStep: () => {
        const pump = world.state().pump;
        seen.push(
          `${pump.now / 3_600_000}h ${pump.truth.catheter.occlusionPpm} ${JSON.stringify(pump.program.therapy)}`,
        );
      },
    });
    expect(player.nextStepAt()).toBe(3_600_000);
    player.advanceTo((2 * 3_600_000) as Milliseconds);
    expect(seen).toEqual([
      '1h 1000000 {"mode":"simple","dose":250000000}',
      '2h 0 {"mode":"simple","dose":250000000}',
      '2h 0 {"mode":"simple","dose":300000000}',
      '2h 0 {"mode":"simple","dose":200000000}',
    ]);
    expect(player.nextStepAt()).toBe(3 * 3_600_000);
    player.advanceTo(DAY as Milliseconds);
    expect(seen).toHaveLength(5);
    expect(player.nextStepAt()).toBeNull();
    expect(world.state().now).toBe(DAY);
    expect(player.interrogations).toEqual([
      { at: 3 * 3_600_000, belief: expect.objectContaining({ 'pump.doseMcgPerDay': 200 }) },
    ]);
    // every program an action set may legitimately be on the pump (REQ-SES-01)
    expect([...player.programs].map((p) => JSON.parse(p).therapy.dose)).toEqual([
      250_000_000, 300_000_000, 200_000_000,
    ]);
    expect(player.sessionUpdates.size).toBe(0);
  });

  it('records the updates its sessions began by their place in the pump’s log, and not their programs', () => {
    const s = withTimeline([{ at: 'PT1H', action: 'session', do: 'edit', doseMcgPerDay: 300 }]);
    const world = createScenarioWorld(s, 1);
    const player = createScenarioPlayer(s, world);
    player.advanceTo(DAY as Milliseconds);
    const log = world.state().pump.log;
    expect([...player.sessionUpdates]).toEqual([logEntries(log).findIndex((e) => e.type === 'update.begun')]);
    expect(player.sessionUpdates.size).toBe(1);
    // the confirmed program arrives through the finish screen
    expect([...player.programs].map((p) => JSON.parse(p).therapy.dose)).toEqual([250_000_000, 300_000_000]);
  });

  it('has nothing left to play when resumed after its last step', () => {
    const world = createScenarioWorld(scenario, 1);
    expect(
      createScenarioPlayer(scenario, world, { playedThrough: (30 * DAY) as Milliseconds }).nextStepAt(),
    ).toBeNull();
    expect(createScenarioPlayer(scenario, world, { playedThrough: 0 as Milliseconds }).nextStepAt()).not.toBeNull();
  });
  it('plays a fault’s end at its own time even when the file lists it before later actions', () => {
    const s = withTimeline([
      { at: 'PT1H', action: 'fault', kind: 'catheterOcclusion', until: 'PT3H' },
      { at: 'PT2H', action: 'program', therapy: { mode: 'simple', doseMcgPerDay: 300 } },
    ]);
    const world = createScenarioWorld(s, 1);
    const player = createScenarioPlayer(s, world);
    player.advanceTo((2.5 * 3_600_000) as Milliseconds);
    const pump = world.state().pump;
    expect(pump.program.therapy).toEqual({ mode: 'simple', dose: 300_000_000 });
    expect(pump.truth.catheter.occlusionPpm).toBe(1_000_000);
    expect(player.nextStepAt()).toBe(3 * 3_600_000);
    player.advanceTo((3 * 3_600_000) as Milliseconds);
    expect(world.state().pump.truth.catheter.occlusionPpm).toBe(0);
    expect(player.nextStepAt()).toBeNull();
  });

  it('resumes after the steps at the very instant it was played through', () => {
    const world = createScenarioWorld(scenario, 1);
    const first = createScenarioPlayer(scenario, world).nextStepAt() as number;
    const player = createScenarioPlayer(scenario, world, { playedThrough: first as Milliseconds });
    expect(player.nextStepAt()).toBeGreaterThan(first);
  });
});
