import { createWorld, EMPTY_DRAFT, type Milliseconds, type Nanolitres, type World } from '@itps/core';
import { buildPumpInput, recordWorld, replayScenario, simpleProgram } from '@itps/core/testing';
import { describe, expect, it } from 'vitest';
import { createScenarioPlayer, createScenarioWorld, parseScenario } from '../src/index.ts';

// A run through a world's door, recorded and written as a scenario file by @itps/core/testing
// (replayScenario, which model-based runs print when they fail), then read and played by the
// scenario runner: the world it leaves is the recorded world, field for field.
const HOUR = 3_600_000;
const ml = (x: number) => (x * 1_000_000) as Nanolitres;

/** Plays a recorded run's scenario file and returns the world it leaves. */
function replay(recorded: ReturnType<typeof recordWorld>, name: string): { text: string; world: World } {
  const text = replayScenario(
    { name, pump: recorded.world.persist().input.pump, endsAt: recorded.world.state().now, checks: ['REQ-SES-02'] },
    recorded.commands,
  );
  const parsed = parseScenario(text, 'replay.scenario.yaml');
  if (!parsed.ok) throw new Error(`${text}\n${JSON.stringify(parsed.problems, null, 2)}`);
  const world = createScenarioWorld(parsed.scenario, parsed.scenario.seed ?? 1);
  createScenarioPlayer(parsed.scenario, world).advanceTo(parsed.scenario.duration);
  return { text, world };
}

describe('a recorded run replayed as a scenario file', () => {
  it('leaves the same pump, log, session and link as the run (programmer, link faults, faults, scans, needles)', () => {
    const r = recordWorld(createWorld({ pump: buildPumpInput({ seed: 4242 }), origin: 'spinal' }));
    const w = r.world;
    const act = (event: Parameters<World['apply']>[0] & { type: 'programmer.act' }) => w.apply(event);
    w.apply({ type: 'link.set', conditions: { distanceCm: 120, interference: 'moderate' } });
    act({ type: 'programmer.act', event: { type: 'session.connect' } });
    act({ type: 'programmer.act', event: { type: 'workflow.start', workflow: 'doseChange' } });
    act({
      type: 'programmer.act',
      event: { type: 'draft.change', draft: { ...EMPTY_DRAFT, update: { program: simpleProgram(330) } } },
    });
    for (const f of w.state().session.context.findings)
      if (f.severity === 'confirm') act({ type: 'programmer.act', event: { type: 'finding.confirm', code: f.code } });
    act({ type: 'programmer.act', event: { type: 'review.open' } });
    w.apply({ type: 'link.drop', count: 1, afterDelivered: 1, part: 'acknowledgement' });
    act({ type: 'programmer.act', event: { type: 'review.confirm' } });
    w.apply({ type: 'time.advance', to: (2 * HOUR) as Milliseconds });
    w.apply({ type: 'link.disturb', count: 1, afterDelivered: 0, fault: 'reorder' });
    act({ type: 'programmer.act', event: { type: 'session.connect' } });
    act({ type: 'programmer.act', event: { type: 'session.verify' } });
    w.apply({
      type: 'fault.inject',
      fault: { kind: 'catheter', fault: { kind: 'kink', periodMs: 6 * HOUR, kinkedMs: HOUR } },
    });
    w.apply({ type: 'time.advance', to: (9 * HOUR) as Milliseconds });
    w.apply({ type: 'fault.end', kind: 'kink' });
    w.apply({
      type: 'fault.inject',
      fault: { kind: 'catheter', fault: { kind: 'fracture', atVolume: 50_000 as Nanolitres } },
    });
    w.apply({ type: 'mri.scan', scan: { durationMs: HOUR, fieldMilliTesla: 1500, recoveryDelayMs: 'drawn' } });
    w.apply({ type: 'time.advance', to: (30 * HOUR) as Milliseconds });
    w.apply({
      type: 'visit.needle',
      visit: { aspirate: 'all', site: 'reservoir', inject: { volume: 0 as Nanolitres, masses: {} } },
    });
    w.apply({
      type: 'visit.needle',
      visit: {
        aspirate: 0 as Nanolitres,
        site: 'catheterAccessPort',
        inject: { volume: ml(0.5), masses: { baclofen: (ml(0.5) * 500) as never } },
      },
    });
    w.apply({ type: 'time.advance', to: (31 * HOUR) as Milliseconds });
    w.apply({ type: 'fault.end', kind: 'fracture' });
    w.apply({ type: 'time.advance', to: (48 * HOUR) as Milliseconds });
    const { text, world } = replay(r, 'replay of a mixed run');
    expect(text).not.toContain('no scenario equivalent');
    expect(world.state().pump).toEqual(w.state().pump);
    expect(world.state().session).toEqual(w.state().session);
    expect(world.persist().link).toEqual(w.persist().link);
  });

  it('writes a needle of several drugs in each drug own unit, and the replay holds each drug as the run did', () => {
    const r = recordWorld(createWorld({ pump: buildPumpInput({ reservoirVolume: ml(10) }), origin: 'spinal' }));
    const w = r.world;
    w.apply({ type: 'time.advance', to: (2 * HOUR) as Milliseconds });
    // 2 mL of baclofen 500 mcg/mL with morphine 10 mg/mL (10 000 mcg/mL) into the reservoir
    w.apply({
      type: 'visit.needle',
      visit: {
        aspirate: 0 as Nanolitres,
        site: 'reservoir',
        inject: { volume: ml(2), masses: { baclofen: (ml(2) * 500) as never, morphine: (ml(2) * 10_000) as never } },
      },
    });
    w.apply({ type: 'time.advance', to: (30 * HOUR) as Milliseconds });
    const { text, world } = replay(r, 'replay of an admixture needle');
    expect(text).toContain(
      'drug: "baclofen", concentrationMcgPerMl: 500, admixture: [ { drug: "morphine", concentrationMgPerMl: 10 } ]',
    );
    expect(world.state().pump).toEqual(w.state().pump);
  });

  it('says where a command has no scenario equivalent, and writes the rest', () => {
    const r = recordWorld(createWorld({ pump: buildPumpInput(), origin: 'spinal' }));
    r.world.apply({ type: 'fault.inject', fault: { kind: 'motorStall', recoversAt: 'drawn' } });
    r.world.apply({ type: 'clinical.act', action: 'clinical.suspectWithdrawal' });
    r.world.apply({ type: 'fault.end', kind: 'occlusion' });
    r.world.apply({ type: 'link.set', conditions: { distanceCm: 250, interference: 'none' } });
    const text = replayScenario({ name: 'gaps', pump: buildPumpInput(), endsAt: 0 }, r.commands);
    expect(text).toContain('# at P0D: no scenario equivalent: a motor stall whose recovery is drawn');
    expect(text).toContain('# at P0D: no scenario equivalent: the world command {"type":"clinical.act"');
    expect(text).toContain('# at P0D: the occlusion ends, but the file started none: left out');
    expect(text).toContain('  - { at: "P0D", action: "link", distanceCm: 250, interference: "none" }');
    expect(parseScenario(text, 'gaps.scenario.yaml').ok).toBe(true);
  });

  it('says where a fault ends after other actions of its instant (a file ends faults first)', () => {
    const r = recordWorld(createWorld({ pump: buildPumpInput(), origin: 'spinal' }));
    r.world.apply({ type: 'fault.inject', fault: { kind: 'catheter', fault: { kind: 'disconnect' } } });
    r.world.apply({ type: 'time.advance', to: HOUR as Milliseconds });
    r.world.apply({ type: 'pump.interrogate' });
    r.world.apply({ type: 'fault.end', kind: 'disconnect' });
    const text = replayScenario({ name: 'order', pump: buildPumpInput(), endsAt: HOUR }, r.commands);
    expect(text).toContain('  - { at: "P0D", action: "fault", kind: "catheterDisconnect", until: "PT1H" }');
    expect(text).toContain('# at PT1H: the catheterDisconnect ends after the actions above at this instant');
  });
});
