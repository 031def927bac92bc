import { describe, expect, it } from 'vitest';
import {
  communicatorLink,
  createWorld,
  EMPTY_DRAFT,
  fluidAt,
  isWorldSnapshot,
  type McgPerMl,
  type Milliseconds,
  type Nanolitres,
} from '../src/index.ts';
import { buildPumpInput, simpleProgram } from '../src/testing/index.ts';

const world = () => createWorld({ pump: buildPumpInput(), origin: 'spinal' });
type W = ReturnType<typeof world>;
const state = (w: W) => String(w.session.getSnapshot().value);
const ctx = (w: W) => w.session.getSnapshot().context;
const edit = (w: W, mcg: number) => {
  w.act({ type: 'session.connect' });
  w.act({ type: 'workflow.start', workflow: 'doseChange' });
  w.act({ type: 'draft.change', draft: { ...EMPTY_DRAFT, update: { program: simpleProgram(mcg) } } });
  w.act({ type: 'review.open' });
  w.act({ type: 'review.confirm' });
};

describe('isWorldSnapshot', () => {
  it('accepts a saved world and refuses anything missing a part', () => {
    const saved = JSON.parse(JSON.stringify(world().persist()));
    expect(isWorldSnapshot(saved)).toBe(true);
    for (const missing of ['input', 'pump', 'session', 'link'])
      expect(isWorldSnapshot({ ...saved, [missing]: undefined })).toBe(false);
    expect(isWorldSnapshot({ ...saved, format: 'itps-world/2' })).toBe(false);
    expect(isWorldSnapshot({ ...saved, input: 'x' })).toBe(false);
    expect(isWorldSnapshot({ ...saved, link: 3 })).toBe(false);
    expect(isWorldSnapshot(null)).toBe(false);
    expect(isWorldSnapshot('itps-world/1')).toBe(false);
  });
});

describe('the world carries every message over the link', () => {
  it('starts with the communicator 50 cm away and no interference, and saves the link with the world', () => {
    const saved = world().persist();
    expect(saved.link).toMatchObject({
      conditions: { distanceCm: 50, interference: 'none' },
      forcedDrops: 0,
      deliveriesBeforeDrop: 0,
      lastActivity: 0,
    });
  });

  it('drops exactly the messages asked for, after the ones let through, and restores that arrangement', () => {
    const w = world();
    w.dropNextMessages(1, 3); // connect, interrogate and begin pass; the commit is lost
    edit(w, 300);
    expect(state(w)).toBe('disconnected');
    expect(ctx(w).incomplete).toBe(true);
    expect(w.simulation.lifecycle()).toBe('updating');
    const v = world();
    v.dropNextMessages(2, 1);
    const restored = createWorld(v.persist().input, JSON.parse(JSON.stringify(v.persist())));
    expect(restored.persist().link).toMatchObject({ forcedDrops: 2, deliveriesBeforeDrop: 1 });
  });

  it('reports a refusal from the pump to the programmer, but not a session it already had open', () => {
    const w = world();
    w.simulation.send({ type: 'fault.memoryError' });
    edit(w, 300);
    expect(ctx(w).notice).toBeTruthy();
    const v = world();
    v.simulation.send({ type: 'update.begin' }); // a session already open: the pump refuses a second begin, benignly
    edit(v, 300);
    expect(v.simulation.pumpState().program).toEqual(simpleProgram(300));
    expect(state(v)).toBe('ready');
  });

  it('closes a workflow left idle past the link profile’s timeout, and not one used just before it', () => {
    const draft = { ...EMPTY_DRAFT, update: { program: simpleProgram(300) } };
    const w = world();
    w.act({ type: 'session.connect' });
    w.act({ type: 'workflow.start', workflow: 'doseChange' });
    w.simulation.advanceTo((w.simulation.now() + communicatorLink.idleTimeoutMs) as Milliseconds);
    w.act({ type: 'draft.change', draft });
    expect(state(w)).toBe('editing');
    const v = world();
    v.act({ type: 'session.connect' });
    v.act({ type: 'workflow.start', workflow: 'doseChange' });
    v.simulation.advanceTo((v.simulation.now() + communicatorLink.idleTimeoutMs + 1) as Milliseconds);
    v.act({ type: 'draft.change', draft });
    expect(state(v)).toBe('disconnected');
    expect(ctx(v).notice).toBeTruthy();
    // reconnecting after a long pause is allowed
    v.simulation.advanceTo((v.simulation.now() + communicatorLink.idleTimeoutMs + 1) as Milliseconds);
    v.act({ type: 'session.connect' });
    expect(state(v)).toBe('ready');
  });

  it('the needle: what aspiration withdrew, and a refused injection with nothing injected', () => {
    const w = world();
    expect(w.aspirate(1_000_000 as Nanolitres)).toEqual({ volume: 1_000_000, mass: 500_000_000 });
    const refused = w.inject('reservoir', fluidAt(5_000_000 as Nanolitres, 500 as McgPerMl));
    expect(refused?.code).toBeTruthy();
    expect(w.inject('reservoir', fluidAt(500_000 as Nanolitres, 500 as McgPerMl))).toBeNull();
    expect(w.inject('pocket', fluidAt(500_000 as Nanolitres, 500 as McgPerMl))).toBeNull();
  });
});
