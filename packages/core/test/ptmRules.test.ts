import { describe, expect, it } from 'vitest';
import {
  createPumpState,
  EMPTY_DRAFT,
  hoursToMs,
  type McgPerMl,
  minutesToMs,
  type Nanolitres,
  type OpioidHistory,
  type Picograms,
  type PicogramsPerDay,
  type PtmSettings,
  type PumpProgram,
  ptmDraft,
  ptmMostBolusesPerDay,
  ptmRules,
  pumpBeliefView,
  therapyGate,
} from '../src/index.ts';
import { buildPumpInput, simpleProgram } from '../src/testing/index.ts';

const MG = 1_000_000_000;
// morphine at 1 mg/mL (1000 mcg/mL), 2 mg/day; a 0.1 mg bolus over 15 min, 1 h lockout, 6 a day
const morphine = (doseMg: number, mcgPerMl = 1000): PumpProgram => ({
  drug: 'morphine',
  concentration: mcgPerMl as McgPerMl,
  therapy: { mode: 'simple', dose: (doseMg * MG) as PicogramsPerDay },
});
const PTM: PtmSettings = {
  bolusDose: (0.1 * MG) as Picograms,
  bolusDurationMs: minutesToMs(15),
  lockoutMs: hoursToMs(1),
  maxPerDay: 6,
};
const viewOf = (program: PumpProgram, history: OpioidHistory = 'unknown') =>
  pumpBeliefView(
    createPumpState(buildPumpInput({ program, catheterVolume: 0 as Nanolitres })),
    'running',
    null,
    history,
  );
// the view does not say the drug yet (the drug library's branch adds it): the draft starts from the program
const drafted = (program: PumpProgram, ptm: PtmSettings | null) =>
  ptmDraft(viewOf(program), ptm, { ...EMPTY_DRAFT, update: { program } });
const judge = (program: PumpProgram, ptm: PtmSettings, history: OpioidHistory = 'unknown') =>
  ptmRules({ view: viewOf(program, history), draft: drafted(program, ptm), origin: 'spinal' }).map(
    (f) => `${f.code}:${f.severity}`,
  );

describe('the PTM rules of the therapy gate', () => {
  it('refuses PTM where the library does not allow it: baclofen', () => {
    const baclofen = simpleProgram(250);
    const findings = therapyGate({ view: viewOf(baclofen), draft: ptmDraft(viewOf(baclofen), PTM), origin: 'spinal' });
    expect(findings.map((f) => `${f.code}:${f.severity}`)).toEqual(['ptm.drugNotAllowed:hard']);
    expect(findings[0]?.message).toContain('not allowed for Baclofen');
  });

  it('refuses PTM for an opioid-naive patient, asks when the history is not recorded, passes a tolerant one', () => {
    expect(judge(morphine(2), PTM, 'naive')).toEqual(['ptm.opioidNaive:hard']);
    expect(judge(morphine(2), PTM)).toEqual(['ptm.opioidHistoryUnknown:confirm']);
    expect(judge(morphine(2), PTM, 'tolerant')).toEqual([]);
  });

  it('judges the one gate: the PTM finding is among the therapy gate findings', () => {
    const program = morphine(2);
    const codes = therapyGate({ view: viewOf(program), draft: drafted(program, PTM), origin: 'spinal' }).map(
      (f) => f.code,
    );
    expect(codes).toContain('ptm.opioidHistoryUnknown');
  });

  it('a dose change that keeps the PTM programmed does not ask the history again, but a naive patient is always refused', () => {
    const held = { ...morphine(2), ptm: PTM };
    const view = viewOf(held);
    expect(view.ptm).toEqual(PTM);
    const draft = { ...EMPTY_DRAFT, update: { program: { ...held, therapy: morphine(2.2).therapy } } };
    expect(ptmRules({ view, draft, origin: 'spinal' })).toEqual([]);
    expect(ptmRules({ view: viewOf(held, 'naive'), draft, origin: 'spinal' }).map((f) => f.code)).toEqual([
      'ptm.opioidNaive',
    ]);
  });

  it('limits the drug of one bolus by the library: above 1 mg confirmed, above 2 mg refused (at the volume the pump gives)', () => {
    // at 2 mg/mL, 2 mg is 1 mL; over 2 h that is 12 mL/day on top of 1 mL/day basal
    const at2 = morphine(2, 2000);
    const bolus = (pg: number) => ({
      ...PTM,
      bolusDose: pg as Picograms,
      bolusDurationMs: hoursToMs(2),
      lockoutMs: hoursToMs(2),
    });
    expect(judge(at2, bolus(1 * MG), 'tolerant')).toEqual([]);
    expect(judge(at2, bolus(1 * MG + 2000), 'tolerant')).toEqual(['ptm.bolusAboveSoftLimit:confirm']);
    expect(judge(at2, bolus(2 * MG), 'tolerant')).toEqual(['ptm.bolusAboveSoftLimit:confirm']);
    expect(judge(at2, bolus(2 * MG + 2000), 'tolerant')).toEqual(['ptm.bolusAboveHardLimit:hard']);
    // 2 mg + 999 pg is 1 mL at 2000 pg/nL, to the nearest nanolitre: exactly 2 mg is given
    expect(judge(at2, bolus(2 * MG + 999), 'tolerant')).toEqual(['ptm.bolusAboveSoftLimit:confirm']);
  });

  it('limits the day: basal plus every bolus that can start in 24 hours against 20 mg (confirm) and 30 mg (refuse)', () => {
    // 2 mg/mL, 18 mg/day basal (9 mL/day); 1 mg boluses (0.5 mL) over 1 h, 1 h lockout
    const basal = morphine(18, 2000);
    const day = (maxPerDay: number) => ({
      ...PTM,
      bolusDose: (1 * MG) as Picograms,
      bolusDurationMs: hoursToMs(1),
      maxPerDay,
    });
    expect(judge(basal, day(2), 'tolerant')).toEqual([]); // 18 + 2 x 1 = 20 mg: at the soft limit, not above
    expect(judge(basal, day(3), 'tolerant')).toEqual(['ptm.dayAboveSoftLimit:confirm']); // 21 mg
    expect(judge(basal, day(12), 'tolerant')).toEqual(['ptm.dayAboveSoftLimit:confirm']); // 30 mg: at the hard limit
    expect(judge(basal, day(13), 'tolerant')).toEqual(['ptm.dayAboveHardLimit:hard']); // 31 mg
    const [finding] = ptmRules({ view: viewOf(basal, 'tolerant'), draft: drafted(basal, day(13)), origin: 'spinal' });
    // a lockout in minutes is said in minutes: 1 mg every 90 min at most is 16 a day, limited to 13
    const [ninety] = ptmRules({
      view: viewOf(basal, 'tolerant'),
      draft: drafted(basal, { ...day(13), lockoutMs: minutesToMs(90) }),
      origin: 'spinal',
    });
    expect(ninety?.message).toContain('13 × 1 mg (one every 90 min at most) = 31 mg in 24 hours');
    expect(finding?.message).toBe(
      "With every patient bolus used the patient gets 18 mg/day basal + 13 × 1 mg (one every 1 h at most) = 31 mg in 24 hours, above the drug library's hard limit of 30 mg/day. Lower the bolus dose, the boluses a day or the basal dose.",
    );
  });

  it('counts only the boluses the lockout lets start in 24 hours', () => {
    expect(ptmMostBolusesPerDay({ ...PTM, maxPerDay: 24, lockoutMs: hoursToMs(1) })).toBe(24);
    expect(ptmMostBolusesPerDay({ ...PTM, maxPerDay: 24, lockoutMs: hoursToMs(5) })).toBe(5); // 0, 5, 10, 15, 20 h
    expect(ptmMostBolusesPerDay({ ...PTM, maxPerDay: 24, lockoutMs: hoursToMs(6) })).toBe(4); // 0, 6, 12, 18 h
    expect(ptmMostBolusesPerDay({ ...PTM, maxPerDay: 3, lockoutMs: hoursToMs(6) })).toBe(3);
    // 0.5 mg every 6 h at most is 4 a day whatever the day's limit says: 18 + 2 = 20 mg, no finding
    const basal = morphine(18, 2000);
    const sixHourly = { ...PTM, bolusDose: (0.5 * MG) as Picograms, lockoutMs: hoursToMs(6), maxPerDay: 24 };
    expect(judge(basal, sixHourly, 'tolerant')).toEqual([]);
  });

  it('switching PTM off is a program without it, and has no PTM finding', () => {
    const held = { ...morphine(2), ptm: PTM };
    const off = drafted(held, null);
    expect(off.update.program).toEqual(morphine(2));
    expect(ptmRules({ view: viewOf(held, 'naive'), draft: off, origin: 'spinal' })).toEqual([]);
  });
});
