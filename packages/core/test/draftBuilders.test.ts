import { describe, expect, it } from 'vitest';
import {
  alarmTestDraft,
  alarmThresholdDraft,
  bridgeBolusDraft,
  catheterDataDraft,
  createPumpState,
  doseChangeDraft,
  EMPTY_DRAFT,
  flexScheduleDraft,
  type McgPerMl,
  type Nanolitres,
  type Picograms,
  type PicogramsPerDay,
  type PumpBeliefView,
  pumpBeliefView,
  restartDraft,
  singleBolusDraft,
  stopDraft,
  verifyAgainst,
} from '../src/index.ts';
import { buildPumpInput } from '../src/testing/index.ts';

// A 20 mL SynchroMed-like pump at 500 mcg/mL and 250 mcg/day, as last interrogated.
const view = pumpBeliefView(createPumpState(buildPumpInput({})), 'running');
const program = (therapy: unknown) => ({ update: { program: { drug: 'baclofen', concentration: 500, therapy } } });

describe('workflow draft builders', () => {
  it('build exactly the update each workflow sends, keeping the drug and concentration', () => {
    const dose = 300_000_000 as PicogramsPerDay;
    const steps = [{ startMinute: 0, dose }];
    expect(doseChangeDraft(view, dose)).toEqual({ ...EMPTY_DRAFT, ...program({ mode: 'simple', dose }) });
    expect(flexScheduleDraft(view, steps)).toEqual({ ...EMPTY_DRAFT, ...program({ mode: 'flex', steps }) });
    expect(stopDraft(view)).toEqual({ ...EMPTY_DRAFT, ...program({ mode: 'stopped' }) });
    expect(restartDraft(view, { mode: 'simple', dose })).toEqual({
      ...EMPTY_DRAFT,
      ...program({ mode: 'simple', dose }),
    });
    expect(alarmThresholdDraft(4_000_000 as Nanolitres)).toEqual({
      ...EMPTY_DRAFT,
      update: { lowReservoirThreshold: 4_000_000 },
    });
    expect(catheterDataDraft(40, 2_500 as Nanolitres)).toEqual({
      ...EMPTY_DRAFT,
      update: { catheterVolumeEntered: 100_000 },
    });
    expect(alarmTestDraft()).toEqual({ ...EMPTY_DRAFT, alarmTest: true });
    // 50 mcg at 500 mcg/mL is 0.1 mL
    expect(singleBolusDraft(view, 50_000_000 as Picograms, 3_600_000)).toEqual({
      ...EMPTY_DRAFT,
      bolus: { kind: 'single', volume: 100_000, durationMs: 3_600_000 },
    });
  });
});

describe('verifyAgainst', () => {
  const running = { update: {}, mustRun: true };
  const as = (patch: Partial<PumpBeliefView>): PumpBeliefView => ({ ...view, ...patch });

  it('fails while the pump is suspended, at end of service or in error, when it must run', () => {
    expect(verifyAgainst(view, running)).toBe(true);
    expect(verifyAgainst(as({ suspended: true }), running)).toBe(false);
    expect(verifyAgainst(as({ state: 'endOfService' }), running)).toBe(false);
    expect(verifyAgainst(as({ state: 'error' }), running)).toBe(false);
    expect(verifyAgainst(as({ suspended: true }), { update: {}, mustRun: false })).toBe(true);
  });

  it('accepts the sent reservoir volume less at most 0.01 mL delivered since, nothing more or less', () => {
    const sent = (v: number) => ({ update: { calculatedReservoir: v as Nanolitres }, mustRun: true });
    const held = view.calculatedReservoir;
    expect(verifyAgainst(view, sent(held))).toBe(true);
    expect(verifyAgainst(view, sent(held + 10_000))).toBe(true);
    expect(verifyAgainst(view, sent(held + 10_001))).toBe(false);
    expect(verifyAgainst(view, sent(held - 1))).toBe(false);
  });

  it('compares the threshold, the catheter data and the program exactly', () => {
    expect(verifyAgainst(view, { update: { lowReservoirThreshold: view.lowReservoirThreshold }, mustRun: true })).toBe(
      true,
    );
    expect(
      verifyAgainst(view, {
        update: { lowReservoirThreshold: (view.lowReservoirThreshold + 1) as Nanolitres },
        mustRun: true,
      }),
    ).toBe(false);
    expect(verifyAgainst(view, { update: { catheterVolumeEntered: view.catheterVolumeEntered }, mustRun: true })).toBe(
      true,
    );
    expect(
      verifyAgainst(view, {
        update: { catheterVolumeEntered: (view.catheterVolumeEntered + 1) as Nanolitres },
        mustRun: true,
      }),
    ).toBe(false);
    const same = doseChangeDraft(view, 250_000_000 as PicogramsPerDay).update;
    expect(verifyAgainst(view, { update: same, mustRun: true })).toBe(true);
    const other = doseChangeDraft(view, 251_000_000 as PicogramsPerDay).update;
    expect(verifyAgainst(view, { update: other, mustRun: true })).toBe(false);
  });
});

describe('the bridge bolus on its own', () => {
  it('moves the pump tubing and the catheter as entered at the old concentration’s flow for today’s dose', () => {
    // 250 mcg/day at the old 2000 mcg/mL is 0.125 mL/day; 0.2 mL tubing + the entered catheter
    const bridged = bridgeBolusDraft(view, 2000 as McgPerMl);
    if (!bridged.ok) throw new Error(bridged.refusal.message);
    const volume = 200_000 + view.catheterVolumeEntered;
    expect(bridged.value).toEqual({
      ...EMPTY_DRAFT,
      bolus: { kind: 'bridge', volume, durationMs: Math.round((volume * 86_400_000) / 125_000) },
    });
  });

  it('is refused when there is no dose to bridge', () => {
    const stopped = { ...view, therapy: { mode: 'stopped' as const }, dose: 0 as PicogramsPerDay };
    const refused = bridgeBolusDraft(stopped, 2000 as McgPerMl);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.refusal.code).toBe('bolus.invalid');
  });
});
