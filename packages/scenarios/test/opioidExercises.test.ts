import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  bedsideView,
  type ClinicianEvent,
  type Milliseconds,
  massOf,
  type Picograms,
  type PtmSettings,
  programmerView,
  ptmDraft,
} from '@itps/core';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { type PlanStep, parseScenario, previewExercise, type ScenarioFile, startTraining } from '../src/index.ts';
import { TRAINING_DIR, trainingLibrary } from './trainingHarness.ts';

// The opioid exercises of the pain pump, their figures worked by hand in each file's comments:
// morphine 1 mg/mL entered as 10 mg/mL, 25 mg/mL into the pocket, a patient bolus asked for an
// opioid-naive patient. Each right plan scoring full marks through the door is exercisePlans.test.ts.
const HOUR = 3_600_000;
const library = trainingLibrary();
const exercise = (file: string): ScenarioFile => {
  const found = library.find((l) => l.file === file)?.scenario;
  if (found === undefined) throw new Error(`missing ${file}`);
  return found;
};
const withPlan = (s: ScenarioFile, plan: readonly PlanStep[]): ScenarioFile => ({
  ...s,
  training: { ...(s.training as NonNullable<ScenarioFile['training']>), plan: [...plan] },
});
const hoursOf = (events: readonly { at: number; type: string }[] | undefined, type: string) => {
  const e = events?.find((x) => x.type === type);
  return e === undefined ? null : (e.at / HOUR).toFixed(2);
};
const at = (t: ReturnType<typeof startTraining>, h: number) =>
  t.apply({ type: 'time.advance', to: (h * HOUR) as Milliseconds });

describe('morphine 1 mg/mL entered as 10 mg/mL', () => {
  const s = exercise('morphine-decimal-slip.scenario.yaml');

  it('the pump runs a tenth of the volume, so a tenth of the dose reaches the tip: 0.1 mg in the day after the slip', () => {
    // the session starts at the visit (28 h), the story before it played unseen
    const t = startTraining(s, { text: '', file: s.name });
    const csf = () => massOf(t.world.state().pump.truth.sinks.csf, 'morphine');
    // the first day at 1 mg/day, then 4 h at 0.1 mg/day: 1 + 0.1 x 4 / 24 mg
    expect(csf()).toBe(1_016_666_000);
    // the pump believes 10 mg/mL (10 000 mcg/mL); the reservoir holds 1 mg/mL
    expect(t.world.state().pump.program.concentration).toBe(10_000);
    at(t, 52);
    // 0.1 mL/day x 1 mg/mL = 0.1 mg = 100 mcg = 1e8 pg in the next 24 h
    expect(csf() - 1_016_666_000).toBe(100_000_000);
  });

  it('at the visit (13:00) his pain is still 3 and he breathes 16 a minute (the level falls over hours), as the plan records; left alone, withdrawal from 34.75 h', () => {
    const t = startTraining(s, { text: '', file: s.name });
    const pain = bedsideView(t.world.state()).pain;
    expect([pain?.painScore, pain?.sedationLevel, pain?.respiratoryRatePerMin]).toEqual([3, 'alert', 16]);
    const idle = previewExercise(s).idle;
    expect(hoursOf(idle.events, 'patient.opioidWithdrawal.early')).toBe('34.75');
    expect(hoursOf(idle.events, 'patient.opioidWithdrawal.moderate')).toBe('40.75');
    expect(hoursOf(idle.events, 'patient.opioidWithdrawal.severe')).toBe('50.75');
  });

  it('corrected at 16:00 (7 h after the slip) is too late: early withdrawal at 35 h all the same, and it costs', () => {
    const late = withPlan(s, [
      { at: 28 * HOUR, do: 'interrogate' },
      { at: 28 * HOUR, do: 'clinical.examine', detail: 'pain 4' },
      { at: 31 * HOUR, do: 'refill', withdrawMl: 'all', volumeMl: 18, concentrationMgPerMl: 1, bridgeBolus: false },
    ] as PlanStep[]);
    const plan = previewExercise(late).plan;
    expect(plan?.refused).toEqual([]);
    expect(hoursOf(plan?.events, 'patient.opioidWithdrawal.early')).toBe('35.00');
    expect(hoursOf(plan?.events, 'patient.opioidWithdrawal.moderate')).toBeNull();
    const missed = plan?.score.items.filter((i) => !i.passed).map((i) => i.text);
    expect(missed).toEqual(['Keep him out of opioid withdrawal', 'Opioid withdrawal reached']);
  });

  it('the slip repeated at the trainee’s own refill (10 mg/mL typed again) is a tenfold entry error, -20', () => {
    const again = withPlan(s, [
      { at: 28 * HOUR, do: 'interrogate' },
      {
        at: 28.5 * HOUR,
        do: 'refill',
        withdrawMl: 'all',
        volumeMl: 18,
        concentrationMgPerMl: 1,
        entered: { volumeMl: 18, concentrationMgPerMl: 10 },
      },
    ] as PlanStep[]);
    const plan = previewExercise(again).plan;
    const error = plan?.score.items.find((i) => i.text === 'Tenfold concentration error');
    expect(error?.points).toBe(-20);
    expect(plan?.score.passed).toBe(false);
  });
});

describe('morphine 25 mg/mL into the pocket', () => {
  const s = exercise('morphine-pocket-fill.scenario.yaml');

  it('450 mg in the pocket and nothing to the spine from the refill on: absorbed into the blood, an overdose at the visit', () => {
    // the session starts at the visit (26 h)
    const t = startTraining(s, { text: '', file: s.name });
    const sinks = () => t.world.state().pump.truth.sinks;
    // 18 mL x 25 mg/mL = 450 mg went into the pocket; the spinal fluid had the first day's 5 mg
    expect(massOf(sinks().pocket, 'morphine')).toBe(450_000_000_000 as Picograms);
    expect(massOf(sinks().csf, 'morphine')).toBe(5_000_000_000);
    // 2 h after the fill (the file's comments): q = 0.99 from the spine + 7.88 x (e^-0.693 - e^-13.9)
    // = 3.94 from the blood = 4.93: hard to rouse, 16 - 2 x (4.93 - 2.5) = 11.1 a minute, pinpoint
    // pupils, pain 7 x 0.75 / (0.75 + 4.93) = 0.9, told as 1 (the plan's findings)
    const pain = bedsideView(t.world.state()).pain;
    expect([pain?.painScore, pain?.sedationLevel, pain?.respiratoryRatePerMin, pain?.pupils]).toEqual([
      1,
      'hardToRouse',
      11,
      'pinpoint',
    ]);
    // and nothing more to the spine: the reservoir is dry while the pump runs on
    at(t, 48);
    expect(massOf(sinks().csf, 'morphine')).toBe(5_000_000_000);
  });

  it('the course before the visit: stupor with breathing under 10 at 09:15, hard to rouse from 10:30; left alone, withdrawal postponed to 37 h', () => {
    const idle = previewExercise(s).idle;
    // 09:15 q = 6.83: stupor, 7.3 a minute (moderate); 10:30 q = 5.68: hard to rouse, 9.6 (early)
    expect(hoursOf(idle.events, 'patient.sedation.stupor')).toBe('24.25');
    expect(hoursOf(idle.events, 'patient.respiratoryDepression.moderate')).toBe('24.25');
    expect(hoursOf(idle.events, 'patient.sedation.hardToRouse')).toBe('25.50');
    expect(hoursOf(idle.events, 'patient.respiratoryDepression.early')).toBe('25.50');
    // never severe: her peak (q = 7.38 at 27 min) gives 6.2 breaths a minute
    expect(hoursOf(idle.events, 'patient.respiratoryDepression.severe')).toBeNull();
    // the blood's morphine holds q above 0.7 until about 35 h, then 2, 8, 18 h of deficit
    expect(hoursOf(idle.events, 'patient.opioidWithdrawal.early')).toBe('37.00');
    expect(hoursOf(idle.events, 'patient.opioidWithdrawal.moderate')).toBe('43.00');
    expect(hoursOf(idle.events, 'patient.opioidWithdrawal.severe')).toBe('53.00');
    expect(
      idle.score.items.find((i) => i.text === "The pump's reservoir record is above what is really there")?.points,
    ).toBe(-30);
  });

  it('naloxone left out, or given once her breathing is back at 12 a minute (11:30), misses its objective; the overdose unrecognised misses its own', () => {
    const plan = s.training?.plan ?? [];
    const missed = (steps: readonly PlanStep[]) =>
      previewExercise(withPlan(s, steps))
        .plan?.score.items.filter((i) => !i.passed)
        .map((i) => i.text);
    const NALOXONE = 'Give naloxone while her breathing is slowed (by 11:15)';
    const without = plan.filter((p) => p.do !== 'clinical.naloxone');
    expect(missed(without)).toEqual([NALOXONE]);
    expect(missed([...without, { at: 26.5 * HOUR, do: 'clinical.naloxone' } as PlanStep])).toEqual([NALOXONE]);
    expect(missed(plan.filter((p) => p.do !== 'clinical.suspectOverdose'))).toEqual(['Recognise the opioid overdose']);
  });
});

describe('a patient bolus asked for an opioid-naive patient', () => {
  const s = exercise('ptm-opioid-naive.scenario.yaml');
  // the colleague's request: 0.1 mg a bolus over 15 minutes, one an hour at most, 6 a day
  const REQUEST: PtmSettings = {
    bolusDose: 100_000_000 as Picograms,
    bolusDurationMs: (15 * 60_000) as Milliseconds,
    lockoutMs: HOUR as Milliseconds,
    maxPerDay: 6,
  };

  it('the PTM workflow refuses it: a hard finding, nothing to confirm, nothing sent; cancelled, the right plan still earns full marks', () => {
    const t = startTraining(s, { text: '', file: s.name });
    const act = (event: ClinicianEvent) => t.apply({ type: 'programmer.act', event });
    act({ type: 'session.connect' });
    act({ type: 'workflow.start', workflow: 'ptm' });
    const view = programmerView(t.world.state()).pump;
    if (view === null) throw new Error('not interrogated');
    expect(view.opioidHistory).toBe('naive');
    act({ type: 'draft.change', draft: ptmDraft(view, REQUEST) });
    const findings = programmerView(t.world.state()).findings.map((f) => `${f.code}:${f.severity}`);
    expect(findings).toContain('ptm.opioidNaive:hard');
    // a hard finding blocks the review whatever is pressed: nothing to confirm, nothing to send
    act({ type: 'finding.confirm', code: 'ptm.opioidNaive' });
    expect(programmerView(t.world.state()).reviewBlockedBy.length).toBeGreaterThan(0);
    expect(act({ type: 'review.open' }).ok).toBe(false);
    expect(act({ type: 'workflow.cancel' }).ok).toBe(true);
    expect(t.world.state().pump.program.ptm).toBeUndefined();
    // then the safer course: examine, one +30 % step (0.5 to 0.65 mg/day), examined the next day
    t.apply({ type: 'clinical.act', action: 'clinical.examine', detail: 'pain 4' });
    act({ type: 'workflow.start', workflow: 'doseChange' });
    const now = programmerView(t.world.state()).pump;
    if (now === null) throw new Error('not interrogated');
    const program = { ...t.world.state().pump.program, therapy: { mode: 'simple' as const, dose: 650_000_000 } };
    act({
      type: 'draft.change',
      draft: { update: { program }, bolus: null, alarmTest: false, bridgeDecision: null } as never,
    });
    expect(programmerView(t.world.state()).findings).toEqual([]);
    expect(act({ type: 'review.open' }).ok).toBe(true);
    expect(act({ type: 'review.confirm' }).ok).toBe(true);
    at(t, 97);
    const pain = bedsideView(t.world.state()).pain;
    expect([pain?.painScore, pain?.respiratoryRatePerMin]).toEqual([3, 16]);
    t.apply({ type: 'clinical.act', action: 'clinical.examine', detail: 'pain 3' });
    const { run, debrief } = t.finish();
    expect(run.events.map((e) => e.type)).not.toContain('ptm.bolus');
    expect(run.trainee.filter((a) => a.type === 'programmer.softLimitConfirmed')).toEqual([]);
    expect(debrief.items.filter((i) => !i.passed)).toEqual([]);
    expect(debrief.scorePercent).toBe(100);
  });

  it('at the visit her pain is 4 on 0.5 mg/day, as the plan records; doing nothing fails', () => {
    const t = startTraining(s, { text: '', file: s.name });
    const pain = bedsideView(t.world.state()).pain;
    expect([pain?.painScore, pain?.sedationLevel, pain?.respiratoryRatePerMin]).toEqual([4, 'alert', 16]);
    const idle = previewExercise(s).idle;
    expect(idle.score.earned).toBe(40);
    expect(idle.score.passed).toBe(false);
  });
});

describe("a plan's refill in the unit of the pump's drug", () => {
  const s = exercise('morphine-decimal-slip.scenario.yaml');
  const problems = (step: Record<string, unknown>) => {
    const doc = parse(readFileSync(join(TRAINING_DIR, 'morphine-decimal-slip.scenario.yaml'), 'utf8'));
    doc.training.plan = [{ at: 'P1DT4H', do: 'refill', withdrawMl: 'all', volumeMl: 18, ...step }];
    const parsed = parseScenario(stringify(doc), 'slip.yaml');
    return parsed.ok ? [] : parsed.problems.map(({ path, expected, found }) => ({ path, expected, found }));
  };

  it('takes mg/mL for morphine, refuses mcg/mL naming both fields, and asks for the bridge when what is typed changes', () => {
    expect(s.training?.plan?.[2]).toMatchObject({ do: 'refill', concentrationMgPerMl: 1 });
    expect(problems({ concentrationMgPerMl: 1, bridgeBolus: false })).toEqual([]);
    expect(problems({ concentrationMcgPerMl: 1000, bridgeBolus: false })).toEqual([
      {
        path: 'training.plan[0].concentrationMcgPerMl',
        expected: 'concentrationMgPerMl for morphine (its unit is mg/mL), not concentrationMcgPerMl',
        found: 'concentrationMcgPerMl: 1000',
      },
    ]);
    // the pump was told 10 mg/mL at the colleague's refill: typing 1 is a change, bridge or not
    expect(problems({ concentrationMgPerMl: 1 })).toEqual([
      {
        path: 'training.plan[0].bridgeBolus',
        expected: 'true or false: the concentration changes from 10 to 1 mg/mL',
        found: 'nothing',
      },
    ]);
  });
});
