import { describe, expect, it } from 'vitest';
import {
  communicatorLink,
  createWorld,
  type Draft,
  EMPTY_DRAFT,
  type ExchangeMishap,
  type LinkProfile,
  linkFailureMessages,
  type World,
} from '../src/index.ts';
import { buildPumpInput, simpleProgram } from '../src/testing/index.ts';
import { act, setLink } from './worldActs.ts';

// Each random mishap of the link, made certain by a link profile that gives it every exchange
// under severe interference (and loses no message), through the world's door: what the pump did,
// what the programmer heard, and what the saved world keeps on its way.
const certain = (mishap: ExchangeMishap): LinkProfile => {
  const none = { answerLost: 0, answerLate: 0, answerDuplicated: 0, messageDuplicated: 0, messageHeld: 0 };
  return {
    ...communicatorLink,
    lossPpm: { none: 0, moderate: 0, severe: 0 },
    mishapPpm: { none, moderate: none, severe: { ...none, [mishap]: 1_000_000 } },
  };
};
const world = (mishap: ExchangeMishap) =>
  createWorld({ pump: buildPumpInput(), origin: 'spinal', linkProfile: certain(mishap) });
const draft: Draft = { ...EMPTY_DRAFT, update: { program: simpleProgram(260) } };
const logged = (w: World, type: string) =>
  w
    .state()
    .pump.log.runs.flat()
    .filter((e) => e.type === type).length;
const severe = (w: World) => setLink(w, { distanceCm: 50, interference: 'severe' });

/** Connects in a quiet room, opens a dose change to 260 mcg/day and reaches the finish screen. */
const toFinish = (w: World) => {
  act(w, { type: 'session.connect' });
  act(w, { type: 'workflow.start', workflow: 'doseChange' });
  act(w, { type: 'draft.change', draft });
  act(w, { type: 'review.open' });
  expect(w.state().session.state).toBe('finish');
};

describe('the random link, one mishap at a time', () => {
  it('answer lost: the pump began the update, the programmer heard nothing and warns it is incomplete (REQ-SES-02)', () => {
    const w = world('answerLost');
    toFinish(w);
    severe(w);
    const sentAt = w.state().now;
    act(w, { type: 'review.confirm' });
    expect(w.state().lifecycle).toBe('updating');
    expect(logged(w, 'update.begun')).toBe(1);
    expect(w.state().session.context.incomplete).toBe(true);
    expect(w.state().session.context.notice).toBe(linkFailureMessages.noReply);
    // the programmer waited out its 5 s reply timeout before giving up
    expect(w.state().now - sentAt).toBe(5000);
  });

  it('answer late: the pump acted; the late answer is on its way during the next exchange, and is dropped there', () => {
    const w = world('answerLate');
    toFinish(w);
    severe(w);
    act(w, { type: 'review.confirm' });
    expect(w.state().lifecycle).toBe('updating');
    expect(w.state().session.context.incomplete).toBe(true);
    expect(w.persist().link.answerInFlight).toBe(w.persist().link.lastSent);
  });

  it('answer heard twice: the programmer goes on, the copy is dropped by its number, the change is made once', () => {
    const w = world('answerDuplicated');
    severe(w);
    toFinish(w);
    act(w, { type: 'review.confirm' });
    expect(w.state().session.state).toBe('ready');
    expect(w.state().session.context.incomplete).toBe(false);
    expect(w.state().pump.program).toEqual(simpleProgram(260));
    expect(logged(w, 'program.committed')).toBe(1);
    expect(w.persist().link.answerInFlight).toBe(w.persist().link.lastSent);
  });

  it('message copied: the pump acts on each number once (REQ-LINK-01), the change is made once', () => {
    const w = world('messageDuplicated');
    severe(w);
    toFinish(w);
    act(w, { type: 'review.confirm' });
    expect(w.state().pump.program).toEqual(simpleProgram(260));
    expect(w.state().lifecycle).toBe('running');
    expect(logged(w, 'update.begun')).toBe(1);
    expect(logged(w, 'program.committed')).toBe(1);
    // connect's interrogation and the verification: two, though every message went twice
    expect(logged(w, 'pump.interrogated')).toBe(2);
  });

  it('message held back behind the next: the programmer hears nothing, and the old session start never acts out of turn (REQ-LINK-01)', () => {
    const w = world('messageHeld');
    toFinish(w);
    severe(w);
    act(w, { type: 'review.confirm' });
    expect(w.state().session.context.incomplete).toBe(true);
    const held = w.persist().link.inFlight;
    expect(held?.event).toEqual({ type: 'update.begin' });
    // reconnecting in a quiet room sends a newer message; the held session start lands after it and is ignored
    setLink(w, { distanceCm: 50, interference: 'none' });
    act(w, { type: 'session.connect' });
    expect(w.persist().link.inFlight).toBeNull();
    expect(logged(w, 'update.begun')).toBe(0);
    expect(w.state().lifecycle).toBe('running');
  });
});
