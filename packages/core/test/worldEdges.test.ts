import { describe, expect, it } from 'vitest';
import {
  communicatorLink,
  createWorld,
  EMPTY_DRAFT,
  fluidAt,
  type McgPerMl,
  type Milliseconds,
  type Nanolitres,
} from '../src/index.ts';
import { buildPumpInput, simpleProgram } from '../src/testing/index.ts';
import { act, advance, aspirate, dropNext, inject } from './worldActs.ts';

const world = () => createWorld({ pump: buildPumpInput(), origin: 'spinal' });
type W = ReturnType<typeof world>;
const state = (w: W) => String(w.state().session.state);
const ctx = (w: W) => w.state().session.context;
const edit = (w: W, mcg: number) => {
  act(w, { type: 'session.connect' });
  act(w, { type: 'workflow.start', workflow: 'doseChange' });
  act(w, { type: 'draft.change', draft: { ...EMPTY_DRAFT, update: { program: simpleProgram(mcg) } } });
  act(w, { type: 'review.open' });
  act(w, { type: 'review.confirm' });
};

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
    dropNext(w, 1, 3); // connect, interrogate and begin pass; the commit is lost
    edit(w, 300);
    expect(state(w)).toBe('disconnected');
    expect(ctx(w).incomplete).toBe(true);
    expect(w.state().lifecycle).toBe('updating');
    const v = world();
    dropNext(v, 2, 1);
    const restored = createWorld(v.persist().input, JSON.parse(JSON.stringify(v.persist())));
    expect(restored.persist().link).toMatchObject({ forcedDrops: 2, deliveriesBeforeDrop: 1 });
  });

  it('reports a refusal from the pump to the programmer, but not a session it already had open', () => {
    const w = world();
    w.apply({ type: 'fault.inject', fault: { kind: 'memoryError' } });
    edit(w, 300);
    expect(ctx(w).notice).toBeTruthy();
    const v = world();
    v.apply({ type: 'pump.update', update: {}, interrupt: 'afterSend' }); // a session already open: the pump refuses a second begin, benignly
    edit(v, 300);
    expect(v.state().pump.program).toEqual(simpleProgram(300));
    expect(state(v)).toBe('ready');
  });

  it('closes a workflow left idle past the link profile’s timeout, and not one used just before it', () => {
    const draft = { ...EMPTY_DRAFT, update: { program: simpleProgram(300) } };
    const w = world();
    act(w, { type: 'session.connect' });
    act(w, { type: 'workflow.start', workflow: 'doseChange' });
    advance(w, (w.state().now + communicatorLink.idleTimeoutMs) as Milliseconds);
    act(w, { type: 'draft.change', draft });
    expect(state(w)).toBe('editing');
    const v = world();
    act(v, { type: 'session.connect' });
    act(v, { type: 'workflow.start', workflow: 'doseChange' });
    advance(v, (v.state().now + communicatorLink.idleTimeoutMs + 1) as Milliseconds);
    act(v, { type: 'draft.change', draft });
    expect(state(v)).toBe('disconnected');
    expect(ctx(v).notice).toBeTruthy();
    // reconnecting after a long pause is allowed
    advance(v, (v.state().now + communicatorLink.idleTimeoutMs + 1) as Milliseconds);
    act(v, { type: 'session.connect' });
    expect(state(v)).toBe('ready');
  });

  it('counts the idle time-out in the user’s time when time runs at a pace: a class at 1 h a second', () => {
    const open = () => {
      const w = world();
      act(w, { type: 'session.connect' });
      act(w, { type: 'workflow.start', workflow: 'doseChange' });
      return w;
    };
    const draft = { ...EMPTY_DRAFT, update: { program: simpleProgram(300) } };
    // 4 simulated hours at 3600 simulated ms a real ms: 4 s of the trainee's time, the workflow stays open
    const w = open();
    for (let i = 0; i < 16; i += 1)
      w.apply({ type: 'time.advance', to: (w.state().now + 900_000) as Milliseconds, pace: 3600 });
    expect(state(w)).toBe('editing');
    expect(w.persist().link.idleMs).toBe(4000);
    act(w, { type: 'draft.change', draft });
    expect(state(w)).toBe('editing');
    expect(w.persist().link.idleMs).toBe(0);
    // restored, it goes on counting where it was; 5 min and 1 ms of the trainee's time closes it
    const r = createWorld(w.persist().input, w.persist());
    r.apply({ type: 'time.advance', to: (r.state().now + 300_000 * 3600) as Milliseconds, pace: 3600 });
    expect(state(r)).toBe('editing');
    r.apply({ type: 'time.advance', to: (r.state().now + 3600) as Milliseconds, pace: 3600 });
    expect(state(r)).toBe('disconnected');
    // without a pace (solo, scenarios) nothing changes: the saved world has no idleMs, simulated time counts
    const v = open();
    advance(v, (v.state().now + communicatorLink.idleTimeoutMs + 1) as Milliseconds);
    expect(state(v)).toBe('disconnected');
    expect('idleMs' in v.persist().link).toBe(false);
    expect(v.apply({ type: 'time.advance', to: v.state().now, pace: 0 }).ok).toBe(false);
  });

  it('the needle: what aspiration withdrew, and a refused injection with nothing injected', () => {
    const w = world();
    expect(aspirate(w, 1_000_000 as Nanolitres)).toEqual({ volume: 1_000_000, masses: { baclofen: 500_000_000 } });
    const refused = inject(w, 'reservoir', fluidAt(5_000_000 as Nanolitres, 500 as McgPerMl));
    expect(refused?.code).toBeTruthy();
    expect(inject(w, 'reservoir', fluidAt(500_000 as Nanolitres, 500 as McgPerMl))).toBeNull();
    expect(inject(w, 'pocket', fluidAt(500_000 as Nanolitres, 500 as McgPerMl))).toBeNull();
  });
});
