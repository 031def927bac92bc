import { describe, expect, it } from 'vitest';
import {
  type CatheterFault,
  createPumpState,
  endCatheterFault,
  type Nanolitres,
  type PumpState,
  plugFlowContents,
  startCatheterFault,
} from '../src/index.ts';
import { buildPumpInput } from '../src/testing/index.ts';

// Catheter faults at the bounds of their figures: what is taken, what is refused in words, and that
// ending one fault leaves another alone.
const CATHETER = 104_000;
const fresh = () => createPumpState(buildPumpInput({ catheterVolume: CATHETER as Nanolitres }));
const start = (fault: CatheterFault, state: PumpState = fresh()) => startCatheterFault(state, fault);
const taken = (fault: CatheterFault, state?: PumpState) => {
  const r = start(fault, state);
  if (!r.ok) throw new Error(r.refusal.message);
  return r.value;
};
const refusal = (message: string) => ({ ok: false, refusal: { code: 'fault.invalid', message } });

const OCCLUSION = 'An occlusion blocks from 0 to 100 % of the flow.';
const KINK = 'A kink needs a period greater than zero and a kinked time within it.';
const BREACH = 'A leak or fracture lies along the catheter and lets 0 to 100 % of the flow escape.';

describe('an occlusion', () => {
  it('blocks from 0 to 1 000 000 ppm, whole numbers only', () => {
    expect(taken({ kind: 'occlusion', blockedPpm: 0 }).truth.catheter.occlusionPpm).toBe(0);
    expect(taken({ kind: 'occlusion', blockedPpm: 1_000_000 }).truth.catheter.occlusionPpm).toBe(1_000_000);
    for (const blockedPpm of [-1, 1_000_001, 0.5, Number.NaN])
      expect(start({ kind: 'occlusion', blockedPpm })).toEqual(refusal(OCCLUSION));
  });
});

describe('a kink', () => {
  it('needs a whole period above zero and a kinked time from zero to the period', () => {
    expect(taken({ kind: 'kink', periodMs: 1, kinkedMs: 0 }).truth.catheter.kink).toEqual({
      since: 0,
      periodMs: 1,
      kinkedMs: 0,
    });
    expect(taken({ kind: 'kink', periodMs: 10, kinkedMs: 10 }).truth.catheter.kink).toMatchObject({ kinkedMs: 10 });
    for (const [periodMs, kinkedMs] of [
      [0, 0],
      [10, 11],
      [10, -1],
      [10.5, 5],
    ] as const)
      expect(start({ kind: 'kink', periodMs, kinkedMs })).toEqual(refusal(KINK));
  });
});

describe('a leak or fracture', () => {
  it('lies from the pump (0) to the tip (the catheter’s volume), and a leak lets 0 to 100 % escape', () => {
    expect(taken({ kind: 'fracture', atVolume: 0 as Nanolitres }).truth.catheter.breach).toMatchObject({
      kind: 'fracture',
      atVolume: 0,
      escapePpm: 1_000_000,
    });
    expect(taken({ kind: 'fracture', atVolume: CATHETER as Nanolitres }).truth.catheter.breach).toMatchObject({
      atVolume: CATHETER,
    });
    expect(taken({ kind: 'leak', atVolume: 1000 as Nanolitres, escapePpm: 0 }).truth.catheter.breach).toMatchObject({
      kind: 'leak',
      escapePpm: 0,
    });
    expect(
      taken({ kind: 'leak', atVolume: 1000 as Nanolitres, escapePpm: 1_000_000 }).truth.catheter.breach,
    ).toMatchObject({ escapePpm: 1_000_000 });
    for (const atVolume of [-1, CATHETER + 1, 0.5])
      expect(start({ kind: 'fracture', atVolume: atVolume as Nanolitres })).toEqual(refusal(BREACH));
    for (const escapePpm of [-1, 1_000_001, 0.5])
      expect(start({ kind: 'leak', atVolume: 1000 as Nanolitres, escapePpm })).toEqual(refusal(BREACH));
  });

  it('splits the catheter at its point, and a second breach measures along the whole catheter again', () => {
    const first = taken({ kind: 'leak', atVolume: 30_000 as Nanolitres, escapePpm: 500_000 });
    const volumes = (s: PumpState) => [
      plugFlowContents(s.truth.path.catheterProximal).volume,
      plugFlowContents(s.truth.path.catheter).volume,
    ];
    expect(volumes(first)).toEqual([30_000, CATHETER - 30_000]);
    // the whole catheter is still CATHETER long: a fracture at its tip is taken, beyond it refused
    const second = taken({ kind: 'fracture', atVolume: CATHETER as Nanolitres }, first);
    expect(volumes(second)).toEqual([CATHETER, 0]);
    expect(start({ kind: 'fracture', atVolume: (CATHETER + 1) as Nanolitres }, first)).toEqual(refusal(BREACH));
  });

  it('ends only by its own kind: ending another kind of breach leaves it open', () => {
    const leaking = taken({ kind: 'leak', atVolume: 30_000 as Nanolitres, escapePpm: 500_000 });
    expect(endCatheterFault(leaking, 'fracture')).toBe(leaking);
    expect(endCatheterFault(leaking, 'disconnect')).toBe(leaking);
    const mended = endCatheterFault(leaking, 'leak');
    expect(mended.truth.catheter.breach).toBeNull();
    expect(mended.truth.path.catheterProximal).toEqual([]);
    expect(plugFlowContents(mended.truth.path.catheter).volume).toBe(CATHETER);
  });

  it('a disconnection is a breach at the pump that lets everything out', () => {
    const off = taken({ kind: 'disconnect' });
    expect(off.truth.catheter.breach).toEqual({
      kind: 'disconnect',
      atVolume: 0,
      escapePpm: 1_000_000,
      passed: 0,
      escaped: 0,
    });
    expect(endCatheterFault(off, 'disconnect').truth.catheter.breach).toBeNull();
  });
});

describe('ending faults', () => {
  it('clears each fault and leaves the others', () => {
    const all = taken(
      { kind: 'tipMigration', tip: 'epidural' },
      taken({ kind: 'kink', periodMs: 10, kinkedMs: 5 }, taken({ kind: 'occlusion', blockedPpm: 1_000_000 })),
    );
    expect(all.truth.catheter).toMatchObject({ occlusionPpm: 1_000_000, tip: 'epidural' });
    expect(endCatheterFault(all, 'occlusion').truth.catheter).toMatchObject({
      occlusionPpm: 0,
      tip: 'epidural',
      kink: { periodMs: 10 },
    });
    expect(endCatheterFault(all, 'kink').truth.catheter).toMatchObject({
      occlusionPpm: 1_000_000,
      tip: 'epidural',
      kink: null,
    });
    expect(endCatheterFault(all, 'tipMigration').truth.catheter).toMatchObject({
      occlusionPpm: 1_000_000,
      tip: 'intrathecal',
      kink: { kinkedMs: 5 },
    });
  });
});
