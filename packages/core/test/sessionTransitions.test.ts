import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import {
  createPumpState,
  type Draft,
  EMPTY_DRAFT,
  type PumpBeliefView,
  planFor,
  pumpBeliefView,
  sessionMachine,
} from '../src/index.ts';
import { buildPumpInput, simpleProgram } from '../src/testing/index.ts';
import { formatClock } from '../src/units/clock.ts';

// The session machine on its own: every message's answer is sent by hand, so each transition and
// what it does to the context can be checked exactly.
const view: PumpBeliefView = pumpBeliefView(createPumpState(buildPumpInput({})), 'running');
const dose = (mcg: number): Draft => ({ ...EMPTY_DRAFT, update: { program: simpleProgram(mcg) } });
const start = () => createActor(sessionMachine, { input: { origin: 'spinal' } }).start();
type Session = ReturnType<typeof start>;
const value = (s: Session) => s.getSnapshot().value;
const ctx = (s: Session) => s.getSnapshot().context;

const ready = (): Session => {
  const s = start();
  s.send({ type: 'session.connect' });
  s.send({ type: 'link.up' });
  s.send({ type: 'telemetry.report', view });
  return s;
};
const editing = (draft: Draft = dose(300)): Session => {
  const s = ready();
  s.send({ type: 'workflow.start', workflow: 'doseChange' });
  s.send({ type: 'draft.change', draft });
  return s;
};
const sending = (): Session => {
  const s = editing();
  s.send({ type: 'review.open' });
  s.send({ type: 'review.confirm' });
  return s;
};
const CLEARED = { workflow: null, draft: EMPTY_DRAFT, findings: [], acknowledged: [], reentered: false, diff: null };

describe('the session machine, transition by transition', () => {
  it('starts disconnected with nothing read, and connects through interrogation to ready', () => {
    const s = start();
    expect(value(s)).toBe('disconnected');
    expect(ctx(s)).toMatchObject({
      origin: 'spinal',
      view: null,
      ...CLEARED,
      plan: [],
      sent: 0,
      incomplete: false,
      expected: null,
      notice: null,
    });
    s.send({ type: 'session.connect' });
    expect(value(s)).toBe('connecting');
    s.send({ type: 'link.up' });
    expect(value(s)).toBe('interrogating');
    s.send({ type: 'telemetry.report', view });
    expect(value(s)).toBe('ready');
    expect(ctx(s)).toMatchObject({ view, notice: null });
  });

  it('a failed link while connecting or interrogating goes back to disconnected with the reason', () => {
    const s = start();
    s.send({ type: 'session.connect' });
    s.send({ type: 'link.down', failure: 'outOfRange' });
    expect(value(s)).toBe('disconnected');
    expect(ctx(s).notice).toContain('range');
    expect(ctx(s).incomplete).toBe(false);
    s.send({ type: 'session.connect' });
    s.send({ type: 'link.up' });
    s.send({ type: 'link.down', failure: 'dropped' });
    expect(value(s)).toBe('disconnected');
    expect(ctx(s).notice).toContain('dropped');
  });

  it('ready: a workflow starts afresh, reconnecting interrogates again, disconnecting leaves', () => {
    const s = ready();
    s.send({ type: 'workflow.start', workflow: 'refill' });
    expect(value(s)).toBe('editing');
    expect(ctx(s)).toMatchObject({ ...CLEARED, workflow: 'refill', notice: null });
    s.send({ type: 'workflow.cancel' });
    expect(value(s)).toBe('ready');
    expect(ctx(s)).toMatchObject(CLEARED);
    s.send({ type: 'session.connect' });
    expect(value(s)).toBe('interrogating');
    s.send({ type: 'telemetry.report', view });
    s.send({ type: 'session.disconnect' });
    expect(value(s)).toBe('disconnected');
  });

  it('editing: a draft is reviewed at once; confirming a finding counts only confirm findings, once each', () => {
    const s = editing(dose(330));
    expect(ctx(s).findings.map((f) => f.code)).toEqual(['dose.titrationStep']);
    expect(ctx(s)).toMatchObject({ acknowledged: [], reentered: false, diff: null });
    s.send({ type: 'review.open' });
    expect(value(s)).toBe('editing');
    s.send({ type: 'finding.confirm', code: 'not.a.finding' });
    expect(ctx(s).acknowledged).toEqual([]);
    s.send({ type: 'finding.confirm', code: 'dose.titrationStep' });
    s.send({ type: 'finding.confirm', code: 'dose.titrationStep' });
    expect(ctx(s).acknowledged).toEqual(['dose.titrationStep']);
    // a new draft starts the findings over
    s.send({ type: 'draft.change', draft: dose(331) });
    expect(ctx(s).acknowledged).toEqual([]);
  });

  it('editing: a tenfold change must be typed again, and only the same draft counts', () => {
    const s = editing(dose(2500));
    expect(ctx(s).findings.map((f) => f.severity)).toContain('reenter');
    s.send({ type: 'draft.reenter', draft: dose(2400) });
    expect(ctx(s).reentered).toBe(false);
    s.send({ type: 'draft.reenter', draft: dose(2500) });
    expect(ctx(s).reentered).toBe(true);
  });

  it('editing: disconnecting or losing the link clears the workflow; losing it says why', () => {
    const s = editing();
    s.send({ type: 'session.disconnect' });
    expect(value(s)).toBe('disconnected');
    expect(ctx(s)).toMatchObject({ ...CLEARED, notice: null, incomplete: false });
    const t = editing();
    t.send({ type: 'link.down', failure: 'interference' });
    expect(value(t)).toBe('disconnected');
    expect(ctx(t)).toMatchObject(CLEARED);
    expect(ctx(t).notice).toContain('nterference');
    expect(ctx(t).incomplete).toBe(false);
  });

  it('finish: shows old beside new, goes back to editing, cancels, or loses the link', () => {
    const s = editing();
    s.send({ type: 'review.open' });
    expect(value(s)).toBe('finish');
    expect(ctx(s).diff?.map((r) => r.field)).toEqual([
      'therapy',
      'dailyTotal',
      'lowReservoirAlarmAt',
      'refillBy',
      'eriExpectedAt',
    ]);
    s.send({ type: 'review.back' });
    expect(value(s)).toBe('editing');
    s.send({ type: 'review.open' });
    s.send({ type: 'workflow.cancel' });
    expect(value(s)).toBe('ready');
    expect(ctx(s)).toMatchObject(CLEARED);
    const t = editing();
    t.send({ type: 'review.open' });
    t.send({ type: 'link.down', failure: 'dropped' });
    expect(value(t)).toBe('disconnected');
    expect(ctx(t)).toMatchObject({ ...CLEARED, incomplete: false });
  });

  it('sending: the plan and the expectation are set from the draft; each delivery counts; done goes to verifying', () => {
    const s = sending();
    expect(value(s)).toBe('sending');
    expect(ctx(s)).toMatchObject({
      plan: planFor(dose(300)),
      sent: 0,
      expected: { update: dose(300).update, mustRun: true },
      notice: null,
    });
    s.send({ type: 'message.delivered' });
    expect(ctx(s).sent).toBe(1);
    expect(value(s)).toBe('sending');
    s.send({ type: 'message.delivered' });
    expect(value(s)).toBe('verifying');
  });

  it('sending: a refusal returns to editing with the pump’s words; a drop while the update may have begun marks it incomplete', () => {
    const s = sending();
    s.send({ type: 'message.refused', refusal: { code: 'pump.failed', message: 'The pump said no.' } });
    expect(value(s)).toBe('editing');
    expect(ctx(s).notice).toBe('The pump said no.');
    // lost while update.begin was in flight: the pump may have it and only its answer was lost (REQ-SES-02)
    const inFlight = sending();
    inFlight.send({ type: 'link.down', failure: 'dropped' });
    expect(ctx(inFlight).incomplete).toBe(true);
    const after = sending();
    after.send({ type: 'message.delivered' });
    after.send({ type: 'link.down', failure: 'dropped' });
    expect(value(after)).toBe('disconnected');
    expect(ctx(after).incomplete).toBe(true);
  });

  it('verifying: a matching report clears everything; a mismatch or a drop leaves the session incomplete', () => {
    const sent = () => {
      const s = sending();
      s.send({ type: 'message.delivered' });
      s.send({ type: 'message.delivered' });
      return s;
    };
    const good = sent();
    const updated = { ...view, therapy: simpleProgram(300).therapy };
    good.send({ type: 'telemetry.report', view: updated });
    expect(value(good)).toBe('ready');
    expect(ctx(good)).toMatchObject({
      ...CLEARED,
      incomplete: false,
      expected: null,
      plan: [],
      sent: 0,
      // the clinician is told the update is done, at the pump's time
      notice: `Pump updated and verified at ${formatClock(updated.now, updated.timeOfDayAtStart)}.`,
    });
    const bad = sent();
    bad.send({ type: 'telemetry.report', view });
    expect(value(bad)).toBe('incomplete');
    expect(ctx(bad).incomplete).toBe(true);
    expect(ctx(bad).view).toBe(view);
    const dropped = sent();
    dropped.send({ type: 'link.down', failure: 'dropped' });
    expect(value(dropped)).toBe('disconnected');
    expect(ctx(dropped).incomplete).toBe(true);
  });

  it('incomplete: reconnecting shows it; verify, retry through the finish screen again, restart, or disconnect', () => {
    const s = sending();
    s.send({ type: 'message.delivered' });
    s.send({ type: 'link.down', failure: 'dropped' });
    s.send({ type: 'session.connect' });
    s.send({ type: 'link.up' });
    s.send({ type: 'telemetry.report', view });
    expect(value(s)).toBe('incomplete');
    const draft = ctx(s).draft;
    // sending again is reviewed again: back to editing with the same draft, every answer asked again
    s.send({ type: 'session.retry' });
    expect(value(s)).toBe('editing');
    expect(ctx(s)).toMatchObject({ draft, sent: 0, reviewed: null, acknowledged: [] });
    s.send({ type: 'link.down', failure: 'dropped' });
    s.send({ type: 'session.connect' });
    s.send({ type: 'link.up' });
    s.send({ type: 'telemetry.report', view });
    s.send({ type: 'therapy.restart' });
    // a restart is confirmed first
    expect(value(s)).toBe('incomplete');
    s.send({ type: 'finding.confirm', code: 'therapy.restart' });
    s.send({ type: 'therapy.restart' });
    expect(value(s)).toBe('sending');
    expect(ctx(s)).toMatchObject({
      plan: [{ type: 'update.abort' }, { type: 'therapy.start' }],
      sent: 0,
      expected: { update: {}, mustRun: true },
    });
    const t = sending();
    t.send({ type: 'message.delivered' });
    t.send({ type: 'link.down', failure: 'dropped' });
    t.send({ type: 'session.connect' });
    t.send({ type: 'link.up' });
    t.send({ type: 'telemetry.report', view });
    t.send({ type: 'session.verify' });
    expect(value(t)).toBe('verifying');
    const u = sending();
    u.send({ type: 'message.delivered' });
    u.send({ type: 'link.down', failure: 'dropped' });
    u.send({ type: 'session.connect' });
    u.send({ type: 'link.up' });
    u.send({ type: 'telemetry.report', view });
    u.send({ type: 'session.disconnect' });
    expect(value(u)).toBe('disconnected');
    expect(ctx(u).incomplete).toBe(true);
  });
});

describe('planFor', () => {
  it('opens and commits an update, then a bolus, then an alarm test, each only when drafted', () => {
    expect(planFor(EMPTY_DRAFT)).toEqual([]);
    expect(planFor(dose(300))).toEqual([{ type: 'update.begin' }, { type: 'update.commit', update: dose(300).update }]);
    const bolus = { kind: 'single' as const, volume: 100 as never, durationMs: 60_000 };
    expect(planFor({ ...EMPTY_DRAFT, bolus, alarmTest: true })).toEqual([
      { type: 'bolus.start', bolus },
      { type: 'alarm.test' },
    ]);
  });
});
