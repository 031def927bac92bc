import { readFileSync } from 'node:fs';
import type { Milliseconds } from '@itps/core';
import { describe, expect, it } from 'vitest';
import { createScenarioPlayer, createScenarioWorld, parseScenario } from '../src/index.ts';

const DAY = 86_400_000;
const text = readFileSync(new URL('../scenarios/stop-and-restart.scenario.yaml', import.meta.url), 'utf8');
const parsed = parseScenario(text, 'stop-and-restart.scenario.yaml');
if (!parsed.ok) throw new Error('library scenario invalid');
const scenario = parsed.scenario;

describe('scenario player', () => {
  it('resumes a timeline played through an instant exactly as if it had never stopped', () => {
    const straight = createScenarioWorld(scenario, 1);
    createScenarioPlayer(scenario, straight).advanceTo((4 * DAY) as Milliseconds);

    const resumed = createScenarioWorld(scenario, 1);
    createScenarioPlayer(scenario, resumed).advanceTo((2 * DAY) as Milliseconds);
    const player = createScenarioPlayer(scenario, resumed, { playedThrough: resumed.simulation.now() });
    expect(player.nextStepAt()).toBe(3 * DAY);
    player.advanceTo((4 * DAY) as Milliseconds);

    expect(resumed.simulation.pumpState()).toEqual(straight.simulation.pumpState());
  });
});
