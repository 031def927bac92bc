import { describe, expect, it } from 'vitest';
import {
  bedsideView,
  createPumpState,
  createWorld,
  finishDiff,
  hoursToMs,
  type McgPerMl,
  minutesToMs,
  type Nanolitres,
  type Picograms,
  type PicogramsPerDay,
  type PtmSettings,
  type PumpProgram,
  programmerView,
  ptmDraft,
  ptmReport,
  ptmWords,
  pumpBeliefView,
} from '../src/index.ts';
import { logEntries } from '../src/pump/pumpLog.ts';
import { buildPumpInput } from '../src/testing/index.ts';

// morphine 1 mg/mL at 2 mg/day; 0.1 mg over 15 min, 1 h lockout, 6 in 24 hours
const PTM: PtmSettings = {
  bolusDose: 100_000_000 as Picograms,
  bolusDurationMs: minutesToMs(15),
  lockoutMs: hoursToMs(1),
  maxPerDay: 6,
};
const program = (ptm?: PtmSettings): PumpProgram => ({
  drug: 'morphine',
  concentration: 1000 as McgPerMl,
  therapy: { mode: 'simple', dose: 2_000_000_000 as PicogramsPerDay },
  ...(ptm === undefined ? {} : { ptm }),
});
const input = (ptm?: PtmSettings) => buildPumpInput({ program: program(ptm), catheterVolume: 0 as Nanolitres });

describe('what the clinician and the patient see of the PTM', () => {
  it('the settings in words, the dose in the drug unit as the pump gives it', () => {
    expect(ptmWords(PTM, 'morphine', 1000 as McgPerMl)).toBe('0.1 mg over 15 min; lockout 1 h; at most 6 in 24 hours');
    expect(ptmWords(null, 'morphine', 1000 as McgPerMl)).toBe('off');
    expect(ptmWords({ ...PTM, lockoutMs: minutesToMs(90) }, 'morphine', 1000 as McgPerMl)).toBe(
      '0.1 mg over 15 min; lockout 1 h 30 min; at most 6 in 24 hours',
    );
  });

  it('the finish screen shows PTM switched on, old beside new, and the most in 24 hours with every bolus used', () => {
    const view = pumpBeliefView(createPumpState(input()), 'running');
    const rows = finishDiff(view, ptmDraft(view, PTM)).filter((r) => r.field.startsWith('ptm'));
    // 2 mg basal + 6 x 0.1 mg = 2.6 mg
    expect(rows).toEqual([
      {
        field: 'ptm',
        old: null,
        new: PTM,
        drug: 'morphine',
        concentration: { old: 1000, new: 1000 },
      },
      { field: 'ptmMostPerDay', old: null, new: 2_600_000_000, drug: 'morphine' },
    ]);
  });

  it('a dose change on a pump with PTM shows the most in 24 hours, not the PTM as changed', () => {
    const view = pumpBeliefView(createPumpState(input(PTM)), 'running');
    const draft = { ...ptmDraft(view, PTM) };
    const raised = {
      ...draft,
      update: {
        program: { ...program(PTM), therapy: { mode: 'simple' as const, dose: 2_400_000_000 as PicogramsPerDay } },
      },
    };
    expect(finishDiff(view, raised).filter((r) => r.field.startsWith('ptm'))).toEqual([
      { field: 'ptmMostPerDay', old: 2_600_000_000, new: 3_000_000_000, drug: 'morphine' },
    ]);
  });

  it('switching PTM off shows it off, and the most in 24 hours falls to no PTM', () => {
    const view = pumpBeliefView(createPumpState(input(PTM)), 'running');
    expect(finishDiff(view, ptmDraft(view, null)).filter((r) => r.field.startsWith('ptm'))).toEqual([
      { field: 'ptm', old: PTM, new: null, drug: 'morphine', concentration: { old: 1000, new: 1000 } },
      { field: 'ptmMostPerDay', old: 2_600_000_000, new: null, drug: 'morphine' },
    ]);
  });

  it("the handheld at the bedside: green while a press would give a bolus, the last press's answer; none without PTM", () => {
    expect(bedsideView(createWorld({ pump: input(), origin: 'spinal' }).state()).handheld).toBeNull();
    const w = createWorld({ pump: input(PTM), origin: 'spinal' });
    expect(bedsideView(w.state()).handheld).toEqual({ available: true, lastPress: null });
    w.apply({ type: 'ptm.press' });
    expect(bedsideView(w.state()).handheld).toEqual({
      available: false,
      lastPress: { at: 0, outcome: 'ptm.bolus' },
    });
    w.apply({ type: 'time.advance', to: minutesToMs(30) });
    w.apply({ type: 'ptm.press' });
    expect(bedsideView(w.state()).handheld).toEqual({
      available: false,
      lastPress: { at: minutesToMs(30), outcome: 'ptm.lockedOut' },
    });
    w.apply({ type: 'time.advance', to: hoursToMs(1) });
    expect(bedsideView(w.state()).handheld?.available).toBe(true);
    // the programmer's PTM report at 01:00: two presses, one bolus, one in the lockout
    const report = ptmReport(pumpBeliefView(w.state().pump, 'running'));
    expect(report).toEqual({
      settings: PTM,
      last24h: { presses: 2, boluses: 1, lockedOut: 1, dayLimit: 0, unavailable: 0 },
      total: { presses: 2, boluses: 1, lockedOut: 1, dayLimit: 0, unavailable: 0 },
      lastBolusAt: 0,
      alarmIfEveryBolusAt: report.alarmIfEveryBolusAt,
    });
    // a day later the presses have left the last 24 hours, not the log
    w.apply({ type: 'time.advance', to: hoursToMs(25) });
    expect(ptmReport(pumpBeliefView(w.state().pump, 'running'))).toMatchObject({
      last24h: { presses: 0, boluses: 0, lockedOut: 0 },
      total: { presses: 2, boluses: 1, lockedOut: 1 },
    });
  });

  it('dates the low-reservoir alarm as if every allowed bolus were used', () => {
    // 20 mL, alarm at 2 mL: 18 mL to go at 2 mL/day basal + 6 x 0.1 mL = 2.6 mL/day: 18 / 2.6 days
    const view = pumpBeliefView(createPumpState(input(PTM)), 'running');
    expect(ptmReport(view).alarmIfEveryBolusAt).toBe(Math.floor((18 / 2.6) * 86_400_000));
    // a 6-hour lockout lets 4 start in 24 hours: 2.4 mL/day, 7.5 days
    const sixHourly = pumpBeliefView(createPumpState(input({ ...PTM, lockoutMs: hoursToMs(6) })), 'running');
    expect(ptmReport(sixHourly).alarmIfEveryBolusAt).toBe(7.5 * 86_400_000);
    expect(ptmReport(pumpBeliefView(createPumpState(input()), 'running')).alarmIfEveryBolusAt).toBeNull();
    // nothing pumped (therapy suspended), or the reservoir already at the alarm: no date
    // a view saved before PTM existed says nothing of it: no settings, no date
    const { ptm: _, ...old } = pumpBeliefView(createPumpState(input()), 'running');
    expect(ptmReport(old)).toMatchObject({ settings: null, alarmIfEveryBolusAt: null });
    const stopped = pumpBeliefView({ ...createPumpState(input(PTM)), therapyActive: false }, 'stopped');
    expect(ptmReport(stopped).alarmIfEveryBolusAt).toBeNull();
    const low = createPumpState({ ...input(PTM), reservoirVolume: 2_000_000 as Nanolitres });
    expect(ptmReport(pumpBeliefView(low, 'running')).alarmIfEveryBolusAt).toBeNull();
  });

  it("through the world's door: PTM for a patient the pump records as opioid naive never reaches the pump; for a tolerant one it does", () => {
    const attempt = (history: 'naive' | 'tolerant') => {
      const w = createWorld({ pump: { ...input(), patientOpioidHistory: history }, origin: 'spinal' });
      w.apply({ type: 'programmer.act', event: { type: 'session.connect' } });
      w.apply({ type: 'programmer.act', event: { type: 'workflow.start', workflow: 'ptm' } });
      const view = programmerView(w.state());
      if (view.pump === null) throw new Error('not interrogated');
      w.apply({ type: 'programmer.act', event: { type: 'draft.change', draft: ptmDraft(view.pump, PTM) } });
      // 1 mg/mL is a dilution, confirmed as a prepared one; nothing else is answered
      w.apply({ type: 'programmer.act', event: { type: 'finding.confirm', code: 'concentration.customDilution' } });
      const opened = w.apply({ type: 'programmer.act', event: { type: 'review.open' } });
      if (opened.ok) w.apply({ type: 'programmer.act', event: { type: 'review.confirm' } });
      return { w, opened, findings: programmerView(w.state()).findings.map((f) => `${f.code}:${f.severity}`) };
    };
    const naive = attempt('naive');
    expect(naive.findings).toEqual(['concentration.customDilution:confirm', 'ptm.opioidNaive:hard']);
    expect(naive.opened.ok).toBe(false);
    expect(naive.w.state().pump.program.ptm).toBeUndefined();
    expect(logEntries(naive.w.state().pump.log).map((e) => e.type)).not.toContain('program.committed');
    const tolerant = attempt('tolerant');
    expect(tolerant.opened.ok).toBe(true);
    expect(tolerant.w.state().pump.program.ptm).toEqual(PTM);
  });
});
