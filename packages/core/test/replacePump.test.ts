import { describe, expect, it } from 'vitest';
import {
  checkPumpState,
  createPumpState,
  createWorld,
  daysToMs,
  type Fluid,
  fluidAt,
  type McgPerMl,
  type Milliseconds,
  massOf,
  mlToNanolitres,
  type Nanolitres,
  type PumpState,
  replacePump,
} from '../src/index.ts';
import { advancePump } from '../src/pump/advancePump.ts';
import { plugFlowContents } from '../src/pump/plugFlow.ts';
import { logEntries } from '../src/pump/pumpLog.ts';
import { buildPumpInput, simpleProgram } from '../src/testing/index.ts';

// Worked by hand. The old pump: 500 mcg/mL at 250 mcg/day (0.5 mL/day), 20 mL, 40 cm of catheter
// (104 000 nL), 0.2 mL tubing. Its battery drains 3 000 000 units a day at rest plus 500 000 for the
// 0.5 mL pumped: 3 500 000 a day, 7 665 000 000 in all: 2190 days. Implanted 2189 days, ERI is at day 1.
const MCG = 1_000_000;
const old = () => createPumpState(buildPumpInput({ ageAtStart: daysToMs(2189) }));
const atDay2 = () => advancePump(old(), daysToMs(2));
// the one place these tests read or make a baclofen mass (the fluid's shape is changing to per-drug masses)
const fill = (ml: number, mcgPerMl: number): Fluid => fluidAt(mlToNanolitres(ml), mcgPerMl as McgPerMl);
const baclofenIn = (f: Fluid): { volume: number; mass: number } => ({ volume: f.volume, mass: massOf(f, 'baclofen') });
const conserved = (p: PumpState) => checkPumpState(p, ['REQ-CONS-01']);

describe('replacePump (the kernel)', () => {
  it('REQ-REPL-01: refuses a working pump with battery left and no fault', () => {
    const r = replacePump(old(), { profileId: 'synchromed-ii-20', catheter: 'kept' });
    expect(r).toMatchObject({ ok: false, refusal: { code: 'replacement.notDue' } });
  });

  it('REQ-REPL-01: at ERI: a new serial and battery, the old reservoir and tubing explanted exactly, the kept catheter as it was', () => {
    const before = atDay2();
    expect(before.alarms.eri.active).toBe(true);
    const r = replacePump(before, {
      profileId: 'synchromed-ii-20',
      catheter: 'kept',
      prepared: {
        fill: fill(18, 1000),
        program: simpleProgram(250, 1000),
        catheterVolumeEntered: 104_000 as Nanolitres,
        tubingPrimed: true,
      },
    });
    if (!r.ok) throw new Error(r.refusal.message);
    const p = r.value;
    expect(p.serial).not.toBe(before.serial);
    expect(p.serial).toMatch(/^SIM-8637-20-\d{6}$/);
    expect(p.battery).toEqual({ drained: 0, carry: 0, eriAt: null, eosAt: null });
    // 20 mL less 2 days at 0.5 mL/day = 19 mL at 500 mcg/mL (9500 mcg), plus the tubing's 0.2 mL (100 mcg)
    expect(baclofenIn(p.truth.sinks.explanted)).toEqual({ volume: 19_200_000, mass: 9_600 * MCG });
    // the catheter is the very same plug flow, old drug and all
    expect(p.truth.path.catheter).toBe(before.truth.path.catheter);
    expect(p.truth.catheter).toEqual(before.truth.catheter);
    // primed on the table: the tubing holds 0.2 mL of the 1000 mcg/mL fill, the reservoir 17.8 mL
    expect(p.belief.calculatedReservoir).toBe(17_800_000);
    expect(p.alarms.eri.active).toBe(false);
    expect(conserved(p)).toEqual([]);
    expect(
      logEntries(p.log)
        .slice(-4)
        .map((e) => e.type),
    ).toEqual(['pump.replaced', 'catheter.recorded', 'program.committed', 'refill.recorded']);
  });

  it('the kept catheter delivers its old drug first, at the old concentration, then the new drug follows at once', () => {
    const before = atDay2();
    const r = replacePump(before, {
      profileId: 'synchromed-ii-20',
      catheter: 'kept',
      prepared: {
        fill: fill(18, 1000),
        program: simpleProgram(250, 1000),
        catheterVolumeEntered: 104_000 as Nanolitres,
        tubingPrimed: true,
      },
    });
    if (!r.ok) throw new Error(r.refusal.message);
    const csf0 = baclofenIn(r.value.truth.sinks.csf).mass;
    // new rate 250 / 1000 = 0.25 mL/day: the catheter's 0.104 mL takes 0.416 day and gives 52 mcg
    // (at 500 mcg/mL: 125 mcg/day, half the dose); then 1000 mcg/mL arrives from the primed tubing
    const t1 = (daysToMs(2) + 35_942_400) as Milliseconds;
    const p1 = advancePump(r.value, t1);
    expect(baclofenIn(p1.truth.sinks.csf).mass - csf0).toBe(52 * MCG);
    // one more day: 250 mcg at the new strength, no gap
    const p2 = advancePump(p1, (t1 + daysToMs(1)) as Milliseconds);
    expect(baclofenIn(p2.truth.sinks.csf).mass - baclofenIn(p1.truth.sinks.csf).mass).toBe(250 * MCG);
    expect(conserved(p2)).toEqual([]);
  });

  it('a blank pump on a kept catheter waits on the table: what it pushes goes to the open pocket until connected', () => {
    const r = replacePump(atDay2(), { profileId: 'synchromed-ii-40', catheter: 'kept' });
    if (!r.ok) throw new Error(r.refusal.message);
    const p = r.value;
    expect(p.program.therapy).toEqual({ mode: 'stopped' });
    expect(p.belief.calculatedReservoir).toBe(0);
    expect(p.catheterVolumeEntered).toBe(0);
    expect(p.truth.catheter.breach?.kind).toBe('disconnect');
    expect(p.truth.path.tubing).toHaveLength(1);
    expect(baclofenIn(plugFlowContents(p.truth.path.tubing))).toEqual({ volume: 200_000, mass: 0 });
    expect(p.alarms.reservoirEmpty.active).toBe(true);
    expect(conserved(p)).toEqual([]);
  });

  it('REQ-REPL-01: a new catheter: the old one leaves the body with the pump; the new one holds spinal fluid and no fault', () => {
    const before = atDay2();
    const r = replacePump(before, {
      profileId: 'synchromed-ii-20',
      catheter: 'new',
      newCatheterVolume: 156_000 as Nanolitres,
    });
    if (!r.ok) throw new Error(r.refusal.message);
    // 19.2 mL with 9600 mcg from the pump, and the old catheter's 0.104 mL with 52 mcg
    expect(baclofenIn(r.value.truth.sinks.explanted)).toEqual({ volume: 19_304_000, mass: 9_652 * MCG });
    expect(r.value.truth.catheter.breach).toBeNull();
    expect(conserved(r.value)).toEqual([]);
    expect(replacePump(before, { profileId: 'synchromed-ii-20', catheter: 'new' })).toMatchObject({
      ok: false,
      refusal: { code: 'replacement.noCatheterVolume' },
    });
  });

  it('refuses a prepared program the new pump cannot run and a fill over its capacity, changing nothing', () => {
    const before = atDay2();
    const bad = replacePump(before, {
      profileId: 'synchromed-ii-20',
      catheter: 'kept',
      prepared: { fill: fill(25, 500), program: simpleProgram(250), catheterVolumeEntered: 104_000 as Nanolitres },
    });
    expect(bad).toMatchObject({ ok: false, refusal: { code: 'replacement.fillOverCapacity' } });
    const slow = replacePump(before, {
      profileId: 'synchromed-ii-20',
      catheter: 'kept',
      prepared: {
        fill: fill(10, 2000),
        program: { ...simpleProgram(1, 2000), concentration: 2000 as McgPerMl },
        catheterVolumeEntered: 104_000 as Nanolitres,
      },
    });
    expect(slow).toMatchObject({ ok: false, refusal: { code: 'program.rateBelowMinimum' } });
  });
});

describe('the world: the surgeon replaces the pump', () => {
  const world = () => createWorld({ pump: buildPumpInput({ ageAtStart: daysToMs(2189) }), origin: 'spinal' });

  it('refuses before ERI, and keeps the old pump reading in its history after', () => {
    const w = world();
    expect(
      w.apply({ type: 'pump.replace', replacement: { profileId: 'synchromed-ii-20', catheter: 'kept' } }),
    ).toMatchObject({
      ok: false,
      refusal: { code: 'replacement.notDue' },
    });
    w.apply({ type: 'time.advance', to: daysToMs(2) });
    const serial = w.state().pump.serial;
    expect(w.apply({ type: 'pump.replace', replacement: { profileId: 'synchromed-ii-20', catheter: 'kept' } }).ok).toBe(
      true,
    );
    const s = w.state();
    expect(s.explanted).toHaveLength(1);
    expect(s.explanted[0]?.reading.serial).toBe(serial);
    expect(s.explanted[0]?.reading.alarms.eri).toBe(true);
    expect(s.explanted[0]?.reading.therapy).toEqual(simpleProgram(250).therapy);
    expect(s.explanted[0]?.contents).toEqual(s.pump.truth.sinks.explanted);
    expect(s.pump.serial).not.toBe(serial);
    expect(w.apply({ type: 'pump.connect' }).ok).toBe(true);
    expect(w.apply({ type: 'pump.connect' })).toMatchObject({ ok: false, refusal: { code: 'replacement.connected' } });
    // the history persists with the world
    const again = createWorld(w.persist().input, w.persist());
    expect(again.state().explanted).toEqual(s.explanted);
    expect(again.state().pump.serial).toBe(s.pump.serial);
  });

  it('refuses while the programmer is in a session with the old pump outside the Replacement workflow', () => {
    const w = world();
    w.apply({ type: 'time.advance', to: daysToMs(2) });
    w.apply({ type: 'programmer.act', event: { type: 'session.connect' } });
    expect(w.state().session.state).toBe('ready');
    expect(
      w.apply({ type: 'pump.replace', replacement: { profileId: 'synchromed-ii-20', catheter: 'kept' } }),
    ).toMatchObject({
      ok: false,
      refusal: { code: 'replacement.sessionBusy' },
    });
  });
});

describe('replacePump: the paths a random history seldom takes (each pinned by hand)', () => {
  it('refuses a primed tubing the fill cannot fill: 0.1 mL against 0.2 mL of tubing', () => {
    const r = replacePump(atDay2(), {
      profileId: 'synchromed-ii-20',
      catheter: 'kept',
      prepared: {
        fill: fill(0.1, 500),
        program: simpleProgram(250, 500),
        catheterVolumeEntered: 104_000 as Nanolitres,
        tubingPrimed: true,
      },
    });
    expect(r).toMatchObject({
      ok: false,
      refusal: {
        code: 'replacement.fillOverCapacity',
        message: "The fill (0.1 mL) cannot prime the new pump's 0.2 mL tubing.",
      },
    });
  });

  it('a pump with no tubing of its own gets none: nothing of water is loaded, the catheter is next to the reservoir', () => {
    const before = atDay2();
    const r = replacePump(before, {
      profileId: 'synchromed-ii-20',
      catheter: 'kept',
      pumpTubingVolume: 0 as Nanolitres,
    });
    if (!r.ok) throw new Error(r.refusal.message);
    expect(r.value.truth.path.tubing).toEqual([]);
    // what came in is what was loaded before: no water added
    expect(r.value.truth.loaded.volume).toBe(before.truth.loaded.volume);
    expect(conserved(r.value)).toEqual([]);
  });

  it('a pump of nominal accuracy is replaced by one with a bias of its own, drawn inside the profile', () => {
    const nominal = advancePump(
      createPumpState(buildPumpInput({ ageAtStart: daysToMs(2189), accuracy: 'nominal', seed: 7 })),
      daysToMs(2),
    );
    expect(nominal.truth.biasPpm).not.toBe(0);
    const r = replacePump(nominal, { profileId: 'synchromed-ii-20', catheter: 'kept' });
    if (!r.ok) throw new Error(r.refusal.message);
    expect(r.value.truth.biasPpm).not.toBe(0);
    expect(r.value.truth.biasPpm).not.toBe(nominal.truth.biasPpm);
    expect(Math.abs(r.value.truth.biasPpm)).toBeLessThanOrEqual(150_000);
  });

  it("never gives the new pump the old one's serial: a first draw equal to it is drawn again", () => {
    const before = atDay2();
    const first = replacePump(before, { profileId: 'synchromed-ii-20', catheter: 'kept' });
    if (!first.ok) throw new Error(first.refusal.message);
    // the same pump, had it carried the serial the first draw gives: the next draw is taken instead
    const clash = replacePump(
      { ...before, serial: first.value.serial },
      { profileId: 'synchromed-ii-20', catheter: 'kept' },
    );
    if (!clash.ok) throw new Error(clash.refusal.message);
    expect(clash.value.serial).not.toBe(first.value.serial);
    expect(clash.value.serial).toMatch(/^SIM-8637-20-\d{6}$/);
  });
});
