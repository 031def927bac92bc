import { describe, expect, it } from 'vitest';
import {
  createWorld,
  type Draft,
  daysToMs,
  fluidAt,
  getDeviceProfile,
  type Milliseconds,
  massOf,
  mcgPerMl,
  mriPreparation,
  type Nanolitres,
  planRefill,
  primingBolusDraft,
  pumpTruthView,
  refillExpectation,
  type Workflow,
  type World,
} from '../src/index.ts';
import { instructorView } from '../src/sim/instructorView.ts';
import { buildPumpInput, flexProgram, simpleProgram } from '../src/testing/index.ts';
import { act, advance, aspirate, inject } from './worldActs.ts';

const MCG = 1_000_000;
/** Sends a draft through the session: a workflow started unless one is open, every confirmation answered. */
const send = (w: World, draft: Draft, workflow: Workflow = 'refill') => {
  if (w.state().session.state === 'ready') act(w, { type: 'workflow.start', workflow });
  act(w, { type: 'draft.change', draft });
  for (const f of w.state().session.context.findings)
    if (f.severity === 'confirm') act(w, { type: 'finding.confirm', code: f.code });
  act(w, { type: 'review.open' });
  act(w, { type: 'review.confirm' });
};

describe('refill workflow', () => {
  it('expects what this pump leaves behind: a pump with no dead space gives back all 4 mL, and no stall is suspected', () => {
    // the concentration-change exercise's pump: 4 mL, dead space 0 (the profile's is 1.4 mL)
    const input = buildPumpInput({ reservoirVolume: 4_000_000 as Nanolitres, reservoirDeadSpace: 0 as Nanolitres });
    const w = createWorld({ pump: input, origin: 'spinal' });
    const view = instructorView(w.state()).belief;
    expect(refillExpectation(view).expectedWithdrawal).toBe(4_000_000);
    const plan = planRefill(view, {
      aspirated: 4_000_000 as Nanolitres,
      injected: 18_000_000 as Nanolitres,
      concentration: mcgPerMl(500),
      bridgeDecision: null,
      rinsed: false,
    });
    if (!plan.ok) throw new Error(plan.refusal.message);
    expect(plan.value.discrepancy.flagged).toBe(false);
    expect(plan.value.discrepancy.likelyCauses).toEqual([]);
  });

  it('after a pocket fill, the next refill finds far less than expected and flags it with its likely causes', () => {
    const w = createWorld({ pump: buildPumpInput({ reservoirVolume: 1_000_000 as Nanolitres }), origin: 'spinal' });
    // first refill by a colleague: the needle slips into the pocket; they record 1 + 19 = 20 mL
    act(w, { type: 'session.connect' });
    const withdrawn = aspirate(w, 'all');
    expect(withdrawn.volume).toBe(0);
    expect(inject(w, 'pocket', fluidAt(19_000_000 as Nanolitres, mcgPerMl(500)))).toBeNull();
    const before = instructorView(w.state()).belief;
    const first = planRefill(before, {
      aspirated: withdrawn.volume,
      injected: 19_000_000 as Nanolitres,
      concentration: mcgPerMl(500),
      bridgeDecision: null,
    });
    if (!first.ok) throw new Error(first.refusal.message);
    // nothing came back, so nothing is known to be left: what is known is the 19 mL injected
    expect(first.value.newVolume).toBe(19_000_000);
    expect(first.value.nextRefillAt).toBe(first.value.forecast.lowReservoirAt);
    // (19 - 2) mL at 0.5 mL/day: the alarm in 34 days
    expect(Math.round(((first.value.forecast.lowReservoirAt ?? 0) - before.now) / daysToMs(1))).toBe(34);
    // the colleague's programmer records what they believe: 1 mL left (less the 9 nL delivered while
    // it connected) plus 19 mL (another programmer, outside this session's gate)
    const believed = (before.calculatedReservoir + 19_000_000) as Nanolitres;
    expect(believed).toBe(19_999_991);
    expect(w.apply({ type: 'pump.update', update: { calculatedReservoir: believed } }).ok).toBe(true);
    expect(massOf(pumpTruthView(w.state().pump).sinks.pocket, 'baclofen')).toBe(9500 * MCG);
    // thirty days later: the pump expects 5 mL, 3.6 mL of it withdrawable; the reservoir is dry
    advance(w, (w.state().now + daysToMs(30)) as Milliseconds);
    act(w, { type: 'session.connect' });
    const view = instructorView(w.state()).belief;
    const expectation = refillExpectation(view);
    expect(expectation.expectedResidual).toBe(view.calculatedReservoir);
    expect(expectation.expectedWithdrawal).toBe(view.calculatedReservoir - 1_400_000);
    expect(expectation.deliveredSinceLastRefill).toBe((view.lastRefill?.volume ?? 0) - view.calculatedReservoir);
    expect(Math.round(expectation.expectedResidual / 1000)).toBe(5000);
    act(w, { type: 'workflow.start', workflow: 'refill' });
    act(w, { type: 'refill.aspirate' });
    const aspirated = w.state().session.context.refill?.aspirated ?? -1;
    expect(aspirated).toBe(0);
    // the gate stops the clinician before anything is injected: the needle may be outside the reservoir
    const findings = w.state().session.context.findings;
    expect(findings.map((f) => `${f.code}:${f.severity}`)).toEqual(['refill.shortAspiration:confirm']);
    expect(findings[0]?.message).toContain('Do not inject');
    expect(
      act(w, { type: 'refill.inject', volume: 18_000_000 as Nanolitres, concentration: mcgPerMl(500) }),
    ).toMatchObject({
      ok: false,
      refusal: { code: 'refill.shortAspiration' },
    });
    const second = planRefill(view, {
      aspirated: aspirated as Nanolitres,
      injected: 18_000_000 as Nanolitres,
      concentration: mcgPerMl(500),
      bridgeDecision: null,
    });
    if (!second.ok) throw new Error(second.refusal.message);
    expect(second.value.discrepancy.flagged).toBe(true);
    expect(second.value.discrepancy.difference).toBe(-expectation.expectedWithdrawal);
    expect(second.value.discrepancy.likelyCauses[0]).toContain('needle is not in the reservoir');
    expect(second.value.discrepancy.likelyCauses[1]).toContain('pocket fill');
    // the reservoir is dry: what is known to be there is what goes in, not the pump's 5 mL
    expect(second.value.newVolume).toBe(18_000_000);
  });

  it('a concentration change with a bridge bolus keeps the daily dose through the switch', () => {
    // 250 mcg/day at 500 mcg/mL, the reservoir run dry; tubing 0.2 mL + catheter 0.104 mL still hold
    // 500 mcg/mL; the refill brings 18 mL of 2000 mcg/mL
    const w = createWorld({ pump: buildPumpInput({ reservoirVolume: 0 as Nanolitres }), origin: 'spinal' });
    act(w, { type: 'session.connect' });
    act(w, { type: 'workflow.start', workflow: 'refill' });
    act(w, { type: 'refill.aspirate' });
    expect(act(w, { type: 'refill.inject', volume: 18_000_000 as Nanolitres, concentration: mcgPerMl(2000) }).ok).toBe(
      true,
    );
    const plan = planRefill(w.state().session.context.view ?? instructorView(w.state()).belief, {
      aspirated: w.state().session.context.refill?.aspirated ?? (0 as Nanolitres),
      injected: 18_000_000 as Nanolitres,
      concentration: mcgPerMl(2000),
      bridgeDecision: 'bridge',
    });
    if (!plan.ok) throw new Error(plan.refusal.message);
    // the bridge moves 0.304 mL at 0.5 mL/day (the old flow): 0.608 days
    expect(plan.value.draft.bolus).toEqual({
      kind: 'bridge',
      volume: 304_000,
      durationMs: Math.round(0.608 * daysToMs(1)),
    });
    expect(plan.value.draft.update.program).toEqual(simpleProgram(250, 2000));
    send(w, plan.value.draft);
    expect(w.state().session.state).toBe('ready');
    // from then on the patient receives 62.5 mcg every 6 hours, through and after the switch-over
    let last = massOf(pumpTruthView(w.state().pump).delivered, 'baclofen');
    for (let i = 0; i < 8; i++) {
      advance(w, (w.state().now + daysToMs(0.25)) as Milliseconds);
      const now = massOf(pumpTruthView(w.state().pump).delivered, 'baclofen');
      expect(Math.abs(now - last - 62.5 * MCG)).toBeLessThan(0.01 * MCG);
      last = now;
    }
  });

  it('priming moves tubing plus the entered catheter volume at the pump maximum', () => {
    const w = createWorld({ pump: buildPumpInput(), origin: 'spinal' });
    const draft = primingBolusDraft(instructorView(w.state()).belief);
    // 0.304 mL at 24 mL/day: 1094.4 s, rounded up to the millisecond
    expect(draft.bolus).toEqual({ kind: 'priming', volume: 304_000, durationMs: 1_094_400 });
  });
});

describe('MRI preparation per profile', () => {
  it('changes nothing on a SynchroMed-like pump and says to interrogate after the scan', () => {
    const w = createWorld({ pump: buildPumpInput(), origin: 'spinal' });
    const prep = mriPreparation(instructorView(w.state()).belief);
    expect(prep.draft).toBeNull();
    expect(prep.advice.join(' ')).toContain('Do not program the pump to stop');
    expect(prep.advice.join(' ')).toContain('Interrogate after the scan');
  });

  it('empties and stops a Prometra-like pump so the scan releases nothing', () => {
    const w = createWorld({ pump: buildPumpInput({ profileId: 'prometra-ii-20' }), origin: 'spinal' });
    const prep = mriPreparation(instructorView(w.state()).belief);
    expect(prep.emptyReservoir).toBe(true);
    expect(getDeviceProfile('prometra-ii-20').mri.behaviour).toBe('valveDump');
    act(w, { type: 'session.connect' });
    if (prep.draft === null) throw new Error('expected a draft');
    // the reservoir is recorded empty only from an aspiration that emptied it: through a refill
    act(w, { type: 'workflow.start', workflow: 'mriPreparation' });
    act(w, { type: 'draft.change', draft: prep.draft });
    expect(w.state().session.context.findings.map((f) => f.code)).toContain('reservoir.emptiedWithoutNeedle');
    act(w, { type: 'workflow.cancel' });
    act(w, { type: 'workflow.start', workflow: 'refill' });
    act(w, { type: 'refill.aspirate' });
    send(w, prep.draft);
    expect(w.state().session.state).toBe('ready');
    w.apply({ type: 'mri.scan', scan: { durationMs: 3_600_000, fieldMilliTesla: 1500, recoveryDelayMs: 0 } });
    expect(massOf(pumpTruthView(w.state().pump).delivered, 'baclofen')).toBeLessThan(200 * MCG);
    expect(w.state().pump.program.therapy.mode).toBe('stopped');
  });
});

describe('residual mixing at a concentration change', () => {
  it('warns that 1.4 mL left at 500 mcg/mL turns 18 mL of 2000 into about 1891.8 mcg/mL, unless rinsed', () => {
    const w = createWorld({ pump: buildPumpInput({ reservoirVolume: 3_400_000 as Nanolitres }), origin: 'spinal' });
    const view = instructorView(w.state()).belief;
    const entry = {
      aspirated: 2_000_000 as Nanolitres,
      injected: 18_000_000 as Nanolitres,
      concentration: mcgPerMl(2000),
      bridgeDecision: 'bridge' as const,
    };
    const plan = planRefill(view, entry);
    if (!plan.ok) throw new Error(plan.refusal.message);
    expect(plan.value.mixing?.residual).toBe(1_400_000);
    expect(plan.value.mixing?.message).toContain('about 1891.8 mcg/mL');
    const rinsed = planRefill(view, { ...entry, rinsed: true });
    expect(rinsed.ok && rinsed.value.mixing).toBeNull();
  });

  it('shows the model and a simulated serial at interrogation, the same for the same seed', () => {
    const a = instructorView(createWorld({ pump: buildPumpInput({ seed: 5 }), origin: 'spinal' }).state()).belief;
    const b = instructorView(createWorld({ pump: buildPumpInput({ seed: 5 }), origin: 'spinal' }).state()).belief;
    expect(a.serial).toMatch(/^SIM-8637-20-\d{6}$/);
    expect(a.serial).toBe(b.serial);
    expect(a.modelName).toContain('simulated');
  });
});

describe('refill workflow edges', () => {
  const entry = {
    aspirated: 2_000_000 as Nanolitres,
    injected: 18_000_000 as Nanolitres,
    concentration: mcgPerMl(2000),
    bridgeDecision: 'bridge' as const,
  };
  const viewWith = (input: Parameters<typeof buildPumpInput>[0]) =>
    instructorView(createWorld({ pump: buildPumpInput(input), origin: 'spinal' }).state()).belief;

  it('words the residual warning in full, and has none without a change, a residual, or after a rinse', () => {
    const view = viewWith({ reservoirVolume: 3_400_000 as Nanolitres });
    const plan = planRefill(view, entry);
    expect(plan.ok && plan.value.mixing?.message).toBe(
      '1.40 mL of 500 mcg/mL stays in the reservoir and mixes with the new drug: the reservoir will hold about 1891.8 mcg/mL, not 2000 mcg/mL. Rinse (empty, fill, empty) before the final fill, or confirm.',
    );
    const same = planRefill(view, { ...entry, concentration: mcgPerMl(500), bridgeDecision: null });
    expect(same.ok && same.value.mixing).toBeNull();
    expect(same.ok && same.value.draft.bolus).toBeNull();
    // a reservoir with no dead space gives everything back: nothing is left to mix
    const dry = planRefill(
      viewWith({ reservoirVolume: 3_400_000 as Nanolitres, reservoirDeadSpace: 0 as Nanolitres }),
      {
        ...entry,
        aspirated: 3_400_000 as Nanolitres,
      },
    );
    expect(dry.ok && dry.value.mixing).toBeNull();
  });

  it('bridges a flex therapy at the dose of the step running now', () => {
    // 200 mcg/day from 00:00 at 500 mcg/mL: 0.4 mL/day moves the 0.304 mL dead volume in 0.76 days
    const view = viewWith({
      reservoirVolume: 3_400_000 as Nanolitres,
      program: flexProgram([
        ['00:00', 200],
        ['08:00', 400],
      ]),
    });
    const plan = planRefill(view, entry);
    expect(plan.ok && plan.value.draft.bolus).toEqual({
      kind: 'bridge',
      volume: 304_000,
      durationMs: Math.round(0.76 * daysToMs(1)),
    });
  });

  it('refuses a bridge when no dose runs (therapy stopped), changing nothing', () => {
    const view = viewWith({
      reservoirVolume: 3_400_000 as Nanolitres,
      program: { ...simpleProgram(250), therapy: { mode: 'stopped' } },
    });
    const plan = planRefill(view, entry);
    expect(plan.ok).toBe(false);
    expect(!plan.ok && plan.refusal.code).toBe('bolus.invalid');
  });

  it('rounds a priming bolus duration up, never down', () => {
    const view = { ...viewWith({}), catheterVolumeEntered: 100_002 as Nanolitres };
    // 0.300002 mL at 24 mL/day: 1 080 007.2 ms, so 1 080 008 ms
    expect(primingBolusDraft(view).bolus).toEqual({ kind: 'priming', volume: 300_002, durationMs: 1_080_008 });
  });

  it('words the SynchroMed-like MRI advice in full', () => {
    expect(mriPreparation(viewWith({})).advice).toEqual([
      'Scan at no more than 3 T. Do not program the pump to stop before the scan: a stopped pump would hide a prolonged motor stall.',
      'The motor stops in the field and should restart afterwards; recovery can take hours. Interrogate after the scan to confirm the motor turns again; the log may show recovery only at a second interrogation.',
      'Watch a baclofen patient for withdrawal until recovery is confirmed.',
    ]);
  });
});
