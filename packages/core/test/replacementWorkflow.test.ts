import { describe, expect, it } from 'vitest';
import {
  type ClinicianEvent,
  createWorld,
  type Draft,
  daysToMs,
  type Fluid,
  type McgPerMl,
  type Milliseconds,
  massOf,
  type Nanolitres,
  programmerView,
  pumpTruthView,
  replacementDraft,
  type World,
} from '../src/index.ts';
import { logEntries } from '../src/pump/pumpLog.ts';
import { buildPumpInput } from '../src/testing/index.ts';

// The Replacement workflow through the world's door, worked by hand. The old pump: 500 mcg/mL at
// 250 mcg/day, 40 cm of catheter (0.104 mL), ERI at day 1 (see replacePump.test.ts); replaced on day 2.
const MCG = 1_000_000;
// the one place these tests read a baclofen mass (the fluid's shape is changing to per-drug masses)
const baclofenIn = (f: Fluid): { volume: number; mass: number } => ({ volume: f.volume, mass: massOf(f, 'baclofen') });
const at = (w: World, event: ClinicianEvent) => w.apply({ type: 'programmer.act', event });
const view = (w: World) => programmerView(w.state());

function begin(): World {
  const w = createWorld({ pump: buildPumpInput({ ageAtStart: daysToMs(2189) }), origin: 'spinal' });
  w.apply({ type: 'time.advance', to: daysToMs(2) });
  at(w, { type: 'session.connect' });
  return w;
}

/** Read the old pump, the surgeon swaps (new pump on the table), read the new one, fill it with 18 mL of 500 mcg/mL. */
function swappedAndFilled(): { w: World; oldSerial: string } {
  const w = begin();
  const oldSerial = w.state().pump.serial;
  expect(at(w, { type: 'workflow.start', workflow: 'replacement' }).ok).toBe(true);
  expect(w.apply({ type: 'pump.replace', replacement: { profileId: 'synchromed-ii-20', catheter: 'kept' } }).ok).toBe(
    true,
  );
  expect(at(w, { type: 'replacement.readNew' }).ok).toBe(true);
  expect(at(w, { type: 'refill.aspirate' }).ok).toBe(true);
  expect(at(w, { type: 'refill.inject', volume: 18_000_000 as Nanolitres, concentration: 500 as McgPerMl }).ok).toBe(
    true,
  );
  return { w, oldSerial };
}

const draftFor = (w: World, priming: 'tubing' | 'tubingAndCatheter' | 'none'): Draft => {
  const v = view(w);
  if (v.pump === null || v.replacement === null) throw new Error('not read');
  const d = replacementDraft(v.pump, v.replacement.old, v.refill, { catheter: 'kept', priming });
  if (d === null) throw new Error('not filled');
  return d;
};

describe('the Replacement workflow on the programmer', () => {
  it('is refused on a pump with no reason to replace it', () => {
    const w = createWorld({ pump: buildPumpInput(), origin: 'spinal' });
    at(w, { type: 'session.connect' });
    expect(at(w, { type: 'workflow.start', workflow: 'replacement' })).toMatchObject({
      ok: false,
      refusal: { code: 'replacement.notDue' },
    });
  });

  it('reads the old pump into the record, then the new pump (its own serial) for the fill', () => {
    const { w, oldSerial } = swappedAndFilled();
    const v = view(w);
    expect(v.replacement?.old.serial).toBe(oldSerial);
    expect(v.replacement?.old.alarms.eri).toBe(true);
    expect(v.replacement?.old.therapy).toEqual({ mode: 'simple', dose: 250 * MCG });
    expect(v.pump?.serial).not.toBe(oldSerial);
    expect(v.refill).toMatchObject({ aspirated: 0, injected: { volume: 18_000_000, concentration: 500 } });
    expect(w.state().explanted[0]?.reading.serial).toBe(oldSerial);
  });

  it('REQ-REPL-02: the gate refuses priming the kept catheter again, and confirms the tubing alone', () => {
    const { w } = swappedAndFilled();
    at(w, { type: 'draft.change', draft: draftFor(w, 'tubingAndCatheter') });
    const hard = view(w).findings.filter((f) => f.severity === 'hard');
    expect(hard.map((f) => f.code)).toEqual(['replacement.primingThroughCatheter']);
    // 0.104 mL at 500 mcg/mL: 52 mcg pushed in (0.304 mL at 24 mL/day: 18.24 -> 19) minutes
    expect(hard[0]?.message).toContain('52 mcg');
    expect(hard[0]?.message).toContain('19 minutes');
    expect(at(w, { type: 'review.open' }).ok).toBe(false);
    at(w, { type: 'draft.change', draft: draftFor(w, 'tubing') });
    const codes = view(w).findings.map((f) => `${f.severity} ${f.code}`);
    expect(codes).toContain('confirm replacement.primingTubing');
    expect(codes.filter((c) => c.startsWith('hard'))).toEqual([]);
  });

  it('fills, programs, primes the tubing on the table, verifies; connected, the old drug reaches the tip first', () => {
    const { w } = swappedAndFilled();
    const draft = draftFor(w, 'tubing');
    at(w, { type: 'draft.change', draft });
    for (const f of view(w).findings) if (f.severity === 'confirm') at(w, { type: 'finding.confirm', code: f.code });
    expect(at(w, { type: 'review.open' }).ok).toBe(true);
    expect(at(w, { type: 'review.confirm' }).ok).toBe(true);
    const v = view(w);
    expect(v.session).toBe('ready');
    expect(v.replacement?.done).toBe(true);
    expect(v.pump?.therapy).toEqual({ mode: 'simple', dose: 250 * MCG });
    expect(v.pump?.catheterVolumeEntered).toBe(104_000);
    const types = logEntries(w.state().pump.log).map((e) => e.type);
    expect(types).toContain('pump.replaced');
    expect(types.slice(types.lastIndexOf('pump.replaced'))).toEqual(
      expect.arrayContaining(['program.committed', 'refill.recorded', 'bolus.started']),
    );
    // the priming (0.2 mL at 24 mL/day: 12 minutes) pushes the tubing's water into the open pocket
    const started = [...logEntries(w.state().pump.log)].reverse().find((e) => e.type === 'bolus.started')?.at ?? 0;
    const primedAt = (started + 12 * 60_000) as Milliseconds;
    w.apply({ type: 'time.advance', to: primedAt });
    const truth = pumpTruthView(w.state().pump);
    expect(baclofenIn(truth.tubing)).toEqual({ volume: 200_000, mass: 200_000 * 500 });
    // the open pocket got the tubing's 0.2 mL of water, and the few nL of drug the new pump's basal flow
    // pushed out between its program's commit and the bolus's start (one telemetry message later)
    const dripped = truth.sinks.pocket.volume - 200_000;
    expect(dripped).toBeGreaterThan(0);
    expect(dripped).toBeLessThan(10);
    expect(baclofenIn(truth.sinks.pocket).mass).toBe(dripped * 500);
    const csf = baclofenIn(truth.sinks.csf).mass;
    expect(w.apply({ type: 'pump.connect' }).ok).toBe(true);
    // connected: at 0.5 mL/day the catheter's 0.104 mL of the old drug leaves in 0.208 day (52 mcg),
    // then the new pump's drug follows without a gap: 0.5 day more gives 125 mcg
    w.apply({ type: 'time.advance', to: (primedAt + 17_971_200) as Milliseconds });
    expect(baclofenIn(pumpTruthView(w.state().pump).sinks.csf).mass - csf).toBe(52 * MCG);
    w.apply({ type: 'time.advance', to: (primedAt + 17_971_200 + daysToMs(0.5)) as Milliseconds });
    expect(baclofenIn(pumpTruthView(w.state().pump).sinks.csf).mass - csf).toBe((52 + 125) * MCG);
  });

  it('a pump replaced at end of service: the restart after the gap is confirmed; one replaced at ERI asks nothing of it', () => {
    const codes = (w: World) => view(w).findings.map((f) => f.code);
    const { w } = swappedAndFilled();
    at(w, { type: 'draft.change', draft: draftFor(w, 'tubing') });
    expect(codes(w)).not.toContain('therapy.restart');
    // ERI at day 1, EOS 90 days later at day 91: read on day 92, the old pump has stopped for good
    const eos = createWorld({
      pump: buildPumpInput({ ageAtStart: daysToMs(2189), reservoirVolume: 20_000_000 as Nanolitres }),
      origin: 'spinal',
    });
    eos.apply({ type: 'time.advance', to: daysToMs(92) });
    at(eos, { type: 'session.connect' });
    expect(view(eos).pump?.state).toBe('endOfService');
    at(eos, { type: 'workflow.start', workflow: 'replacement' });
    eos.apply({ type: 'pump.replace', replacement: { profileId: 'synchromed-ii-20', catheter: 'kept' } });
    at(eos, { type: 'replacement.readNew' });
    at(eos, { type: 'refill.aspirate' });
    at(eos, { type: 'refill.inject', volume: 18_000_000 as Nanolitres, concentration: 500 as McgPerMl });
    at(eos, { type: 'draft.change', draft: draftFor(eos, 'tubing') });
    const restart = view(eos).findings.find((f) => f.code === 'therapy.restart');
    expect(restart).toMatchObject({ severity: 'confirm' });
    expect(restart?.message).toContain('end of service');
  });
});
