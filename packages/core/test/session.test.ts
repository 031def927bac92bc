import { describe, expect, it } from 'vitest';
import {
  createWorld,
  type Draft,
  EMPTY_DRAFT,
  hoursToMs,
  linkFailureMessages,
  type Milliseconds,
  minutesToMs,
} from '../src/index.ts';
import { logEntries } from '../src/pump/pumpLog.ts';
import { buildPumpInput, simpleProgram } from '../src/testing/index.ts';
import { act, advance, disturbNext, dropNext, setLink } from './worldActs.ts';

const world = () => createWorld({ pump: buildPumpInput(), origin: 'spinal' });
const dose = (mcg: number, concentration = 500): Draft => ({
  ...EMPTY_DRAFT,
  update: { program: simpleProgram(mcg, concentration) },
});
const state = (w: ReturnType<typeof world>) => w.state().session.state;
const ctx = (w: ReturnType<typeof world>) => w.state().session.context;
const pump = (w: ReturnType<typeof world>) => w.state().pump;

/** Sends the update again: the session goes back through the gate and the finish screen first. */
const resend = (w: ReturnType<typeof world>) => {
  act(w, { type: 'session.retry' });
  expect(state(w)).toBe('editing');
  act(w, { type: 'review.open' });
  expect(state(w)).toBe('finish');
  act(w, { type: 'review.confirm' });
};

const changeDose = (w: ReturnType<typeof world>, draft: Draft) => {
  act(w, { type: 'session.connect' });
  act(w, { type: 'workflow.start', workflow: 'doseChange' });
  act(w, { type: 'draft.change', draft });
};

describe('programmer session', () => {
  it('connects, interrogates, changes the dose through the finish screen, sends and verifies', () => {
    const w = world();
    act(w, { type: 'session.connect' });
    expect(state(w)).toBe('ready');
    expect(ctx(w).view?.calculatedReservoir).toBe(pump(w).belief.calculatedReservoir);
    act(w, { type: 'workflow.start', workflow: 'doseChange' });
    act(w, { type: 'draft.change', draft: dose(300) });
    expect(ctx(w).findings).toEqual([]);
    act(w, { type: 'review.open' });
    expect(state(w)).toBe('finish');
    expect(ctx(w).diff?.map((r) => r.field)).toEqual([
      'therapy',
      'dailyTotal',
      'lowReservoirAlarmAt',
      'refillBy',
      'eriExpectedAt',
    ]);
    expect(ctx(w).diff?.[1]).toEqual({ field: 'dailyTotal', old: 250_000_000, new: 300_000_000 });
    act(w, { type: 'review.confirm' });
    expect(state(w)).toBe('ready');
    expect(ctx(w).incomplete).toBe(false);
    expect(pump(w).program).toEqual(simpleProgram(300));
    expect(w.state().lifecycle).toBe('running');
    // connect, interrogate, begin, commit, verify: five messages of 0.8 s
    expect(pump(w).now).toBe(4000);
  });

  it('will not open the finish screen over a soft limit until it is confirmed', () => {
    const w = world();
    changeDose(w, dose(330));
    expect(ctx(w).findings.map((f) => f.code)).toEqual(['dose.titrationStep']);
    act(w, { type: 'review.open' });
    expect(state(w)).toBe('editing');
    act(w, { type: 'finding.confirm', code: 'dose.titrationStep' });
    act(w, { type: 'review.open' });
    expect(state(w)).toBe('finish');
  });

  it('a tenfold slip (100 to 1000 mcg/day) is typed again and its titration confirmed before the finish screen', () => {
    const w = createWorld({ pump: buildPumpInput({ program: simpleProgram(100) }), origin: 'spinal' });
    changeDose(w, dose(1000));
    expect(ctx(w).findings.map((f) => `${f.code}:${f.severity}`)).toEqual([
      'dose.tenfoldChange:reenter',
      'dose.titrationStep:confirm',
    ]);
    act(w, { type: 'draft.reenter', draft: dose(1000) });
    expect(act(w, { type: 'review.open' })).toMatchObject({ ok: false, refusal: { code: 'programmer.unavailable' } });
    act(w, { type: 'finding.confirm', code: 'dose.titrationStep' });
    act(w, { type: 'review.open' });
    expect(state(w)).toBe('finish');
  });

  it('asks for a tenfold change to be typed again, and refuses hard limits outright', () => {
    const w = world();
    changeDose(w, dose(2500, 2000));
    act(w, { type: 'review.open' });
    expect(state(w)).toBe('editing');
    expect(ctx(w).findings.map((f) => f.code)).toContain('bridge.decisionRequired');
    const typedAgain: Draft = { ...dose(25) };
    act(w, { type: 'draft.change', draft: typedAgain });
    expect(ctx(w).findings.map((f) => `${f.code}:${f.severity}`)).toEqual([
      'dose.tenfoldChange:reenter',
      'dose.largeDecrease:confirm',
    ]);
    act(w, { type: 'draft.reenter', draft: dose(26) });
    act(w, { type: 'review.open' });
    expect(state(w)).toBe('editing');
    act(w, { type: 'draft.reenter', draft: dose(25) });
    // typed again is not enough: the cut it makes must be confirmed too
    expect(act(w, { type: 'review.open' })).toMatchObject({ ok: false, refusal: { code: 'programmer.unavailable' } });
    act(w, { type: 'finding.confirm', code: 'dose.largeDecrease' });
    act(w, { type: 'review.open' });
    expect(state(w)).toBe('finish');
    act(w, { type: 'review.back' });
    act(w, { type: 'draft.change', draft: dose(20) });
    expect(ctx(w).findings.map((f) => f.code)).toContain('dose.belowPumpMinimum');
    act(w, { type: 'review.open' });
    expect(state(w)).toBe('editing');
  });

  it('a link dropped after the pump stopped for the update leaves the warning up until therapy is restarted', () => {
    const w = world();
    changeDose(w, dose(300));
    act(w, { type: 'review.open' });
    dropNext(w, 1, 1);
    act(w, { type: 'review.confirm' });
    expect(state(w)).toBe('disconnected');
    expect(ctx(w).incomplete).toBe(true);
    expect(ctx(w).notice).toContain('link dropped');
    expect(w.state().lifecycle).toBe('updating');
    expect(pump(w).program).toEqual(simpleProgram(250));
    // hours later the pump is still stopped, and the programmer still says so after reconnecting
    advance(w, (pump(w).now + hoursToMs(6)) as Milliseconds);
    act(w, { type: 'session.connect' });
    expect(state(w)).toBe('incomplete');
    expect(ctx(w).view?.suspended).toBe(true);
    // a restart is confirmed first: the pump has delivered nothing meanwhile, tolerance falls
    expect(act(w, { type: 'therapy.restart' })).toMatchObject({ ok: false });
    expect(ctx(w).findings.map((f) => f.code)).toEqual(['therapy.restart']);
    act(w, { type: 'finding.confirm', code: 'therapy.restart' });
    act(w, { type: 'therapy.restart' });
    expect(state(w)).toBe('ready');
    expect(ctx(w).incomplete).toBe(false);
    expect(w.state().lifecycle).toBe('running');
    expect(pump(w).program).toEqual(simpleProgram(250));
  });

  it('a link dropped before verification keeps the warning until the pump is verified', () => {
    const w = world();
    changeDose(w, dose(300));
    act(w, { type: 'review.open' });
    dropNext(w, 1, 2);
    act(w, { type: 'review.confirm' });
    expect(state(w)).toBe('disconnected');
    expect(ctx(w).incomplete).toBe(true);
    expect(pump(w).program).toEqual(simpleProgram(300));
    act(w, { type: 'session.connect' });
    expect(state(w)).toBe('incomplete');
    act(w, { type: 'session.verify' });
    expect(state(w)).toBe('ready');
    expect(ctx(w).incomplete).toBe(false);
  });

  it('a lost acknowledgement of the session start is an incomplete session: the pump stopped, the warning up', () => {
    const w = world();
    changeDose(w, dose(300));
    act(w, { type: 'review.open' });
    // update.begin reaches the pump; its answer is lost on the way back
    dropNext(w, 1, 0, 'acknowledgement');
    act(w, { type: 'review.confirm' });
    expect(state(w)).toBe('disconnected');
    expect(w.state().lifecycle).toBe('updating');
    expect(ctx(w).incomplete).toBe(true);
    expect(ctx(w).notice).toBe(linkFailureMessages.dropped);
    // reconnecting shows the warning; verifying cannot clear it while the pump is stopped with the old program
    act(w, { type: 'session.connect' });
    expect(state(w)).toBe('incomplete');
    act(w, { type: 'session.verify' });
    expect(state(w)).toBe('incomplete');
    // verification is never silent: it says the pump is stopped and holds the old program
    expect(ctx(w).notice).toContain('The pump is STOPPED');
    expect(ctx(w).notice).toContain('old program (simple continuous 250 mcg/day at 500 mcg/mL)');
    // sending the same update again goes through the finish screen again, then completes it
    resend(w);
    expect(state(w)).toBe('ready');
    expect(ctx(w).incomplete).toBe(false);
    expect(w.state().lifecycle).toBe('running');
    expect(pump(w).program).toEqual(simpleProgram(300));
  });

  it('REQ-LINK-01: a message that reaches the pump twice is acted on once (the pump receives by message number)', () => {
    const w = world();
    changeDose(w, dose(300));
    act(w, { type: 'review.open' });
    // update.begin goes through; update.commit arrives twice
    disturbNext(w, 1, 1, 'duplicate');
    act(w, { type: 'review.confirm' });
    expect(state(w)).toBe('ready');
    expect(ctx(w).incomplete).toBe(false);
    expect(pump(w).program).toEqual(simpleProgram(300));
    const committed = logEntries(pump(w).log).filter((e) => e.type === 'program.committed');
    expect(committed).toHaveLength(1);
  });

  it('REQ-LINK-01, REQ-SES-02: an answer that comes after the programmer stopped waiting is an incomplete session, as a lost one is', () => {
    const w = world();
    changeDose(w, dose(300));
    act(w, { type: 'review.open' });
    const sentAt = w.state().now;
    // update.begin reaches the pump late: the pump stops for the update, the programmer hears nothing
    disturbNext(w, 1, 0, 'late');
    act(w, { type: 'review.confirm' });
    expect(state(w)).toBe('disconnected');
    expect(w.state().lifecycle).toBe('updating');
    expect(ctx(w).incomplete).toBe(true);
    expect(ctx(w).notice).toBe(linkFailureMessages.noReply);
    // the programmer waited its 5 s reply timeout
    expect(w.state().now - sentAt).toBe(5000);
    act(w, { type: 'session.connect' });
    expect(state(w)).toBe('incomplete');
    resend(w);
    expect(state(w)).toBe('ready');
    expect(w.state().lifecycle).toBe('running');
    expect(pump(w).program).toEqual(simpleProgram(300));
  });

  it('REQ-LINK-01: a message held back and delivered after a newer one is ignored: a stale session start never stops the pump', () => {
    const w = world();
    changeDose(w, dose(300));
    act(w, { type: 'review.open' });
    // update.begin (message 3, after connect 1 and interrogate 2) is held back on the link
    disturbNext(w, 1, 0, 'reorder');
    act(w, { type: 'review.confirm' });
    expect(state(w)).toBe('disconnected');
    expect(ctx(w).incomplete).toBe(true);
    expect(w.state().lifecycle).toBe('running');
    // reconnecting sends message 4; the held message 3 lands after it and is older: ignored
    act(w, { type: 'session.connect' });
    expect(w.state().lifecycle).toBe('running');
    expect(pump(w).therapyActive).toBe(true);
    act(w, { type: 'session.verify' });
    expect(state(w)).toBe('incomplete');
    // the update never happened: sending it again completes it once
    resend(w);
    expect(state(w)).toBe('ready');
    expect(pump(w).program).toEqual(simpleProgram(300));
    expect(w.state().lifecycle).toBe('running');
  });

  it('a lost answer to an interrogation leaves the programmer disconnected, the pump untouched', () => {
    const w = world();
    dropNext(w, 1, 1, 'acknowledgement');
    act(w, { type: 'session.connect' });
    expect(state(w)).toBe('disconnected');
    expect(ctx(w).incomplete).toBe(false);
    expect(logEntries(pump(w).log).filter((e) => e.type === 'pump.interrogated')).toHaveLength(1);
    expect(w.state().lifecycle).toBe('running');
  });

  it('a session left idle closes as time passes it, so no workflow acts on an old interrogation', () => {
    const w = world();
    act(w, { type: 'session.connect' });
    // read at 1.6 s (two exchanges of 0.8 s): 0.5 mL/day for 1.6 s is 9.26 nL, 9 whole nL gone
    expect(ctx(w).view?.calculatedReservoir).toBe(19_999_991);
    advance(w, 28 * 86_400_000);
    expect(state(w)).toBe('disconnected');
    expect(ctx(w).notice).toBe(linkFailureMessages.idleTimeout);
    expect(act(w, { type: 'workflow.start', workflow: 'refill' })).toMatchObject({ ok: false });
    act(w, { type: 'session.connect' });
    // read afresh at day 28 + 1.6 s: 500 000 nL/day x 2 419 201 600 ms / 86 400 000 ms = 14 000 009.26 nL gone
    expect(ctx(w).view?.calculatedReservoir).toBe(20_000_000 - 14_000_009);
    expect(ctx(w).view?.now).toBe(w.state().now);
  });

  it('a retry after a drop completes the same update', () => {
    const w = world();
    changeDose(w, dose(300));
    act(w, { type: 'review.open' });
    dropNext(w, 2, 1);
    act(w, { type: 'review.confirm' });
    act(w, { type: 'session.connect' });
    act(w, { type: 'session.connect' });
    expect(state(w)).toBe('incomplete');
    resend(w);
    expect(state(w)).toBe('ready');
    expect(pump(w).program).toEqual(simpleProgram(300));
    expect(w.state().lifecycle).toBe('running');
  });

  it('says when the communicator is out of range, and closes an idle session', () => {
    const w = world();
    setLink(w, { distanceCm: 500, interference: 'none' });
    act(w, { type: 'session.connect' });
    expect(state(w)).toBe('disconnected');
    expect(ctx(w).notice).toContain('out of range');
    setLink(w, { distanceCm: 100, interference: 'none' });
    act(w, { type: 'session.connect' });
    act(w, { type: 'workflow.start', workflow: 'doseChange' });
    advance(w, (pump(w).now + minutesToMs(6)) as Milliseconds);
    act(w, { type: 'draft.change', draft: dose(300) });
    expect(state(w)).toBe('disconnected');
    expect(ctx(w).notice).toContain('5 minutes without activity');
  });

  it('a concentration change is refused outside a refill; at one it needs a bridge decision, and skipping the bridge a confirmation', () => {
    const w = world();
    changeDose(w, dose(250, 2000));
    expect(ctx(w).findings.map((f) => f.code)).toEqual(['concentration.notInjected', 'bridge.decisionRequired']);
    act(w, { type: 'workflow.cancel' });
    // at a refill that put 18 mL of 2000 mcg/mL in the reservoir (1.4 mL dead space left: 19.4 mL known)
    act(w, { type: 'workflow.start', workflow: 'refill' });
    act(w, { type: 'refill.aspirate' });
    act(w, { type: 'refill.inject', volume: 18_000_000 as never, concentration: 2000 as never });
    const record = (d: Draft): Draft => ({ ...d, update: { ...d.update, calculatedReservoir: 19_400_000 as never } });
    act(w, { type: 'draft.change', draft: record(dose(250, 2000)) });
    const codes = () => ctx(w).findings.map((f) => `${f.code}:${f.severity}`);
    expect(codes()).toEqual(['bridge.decisionRequired:hard', 'refill.residualMixing:confirm']);
    act(w, { type: 'draft.change', draft: { ...record(dose(250, 2000)), bridgeDecision: 'none' } });
    expect(codes()).toEqual(['bridge.skipped:confirm', 'refill.residualMixing:confirm']);
    // a bridge chosen but not in the draft is a skipped bridge; with its bolus it is answered
    act(w, { type: 'draft.change', draft: { ...record(dose(250, 2000)), bridgeDecision: 'bridge' } });
    expect(codes()).toEqual(['bridge.skipped:confirm', 'refill.residualMixing:confirm']);
    const bolus = { kind: 'bridge' as const, volume: 304_000 as never, durationMs: 52_531_200 };
    act(w, { type: 'draft.change', draft: { ...record(dose(250, 2000)), bridgeDecision: 'bridge', bolus } });
    expect(codes()).toEqual(['refill.residualMixing:confirm']);
  });
});
