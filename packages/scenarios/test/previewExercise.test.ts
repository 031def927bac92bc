import { describe, expect, it } from 'vitest';
import { PREVIEW_SAMPLES, previewExercise, previewSpacing } from '../src/index.ts';
import { trainingLibrary } from './trainingHarness.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const low = trainingLibrary().find((l) => l.file === 'low-reservoir-alarm.scenario.yaml')?.scenario;
if (low === undefined) throw new Error('no low-reservoir exercise');

describe('previewExercise: the low-reservoir alarm, worked by hand', () => {
  // 2.5 mL at 500 mcg/mL, 250 mcg/day: 0.5 mL a day; the alarm at 2 mL comes after 1 day; the visit
  // is at 30 h, the plan refills 18 mL at 31 h (1.4 mL dead space left: 2.5 - 31/48 = 1.854 mL in the
  // pump, all of it but 1.4 mL drawn out, 18 mL in: 19.4 mL); the story ends at 4 days
  const { idle, plan } = previewExercise(low);

  it('samples every 15 minutes of a 4-day exercise, from t = 0 to the end, the same before the visit in both courses', () => {
    expect(previewSpacing(4 * DAY)).toBe(15 * 60_000);
    expect(idle.samples.map((s) => s.at)).toEqual(Array.from({ length: 4 * 96 + 1 }, (_, i) => i * 15 * 60_000));
    const untilVisit = (c: typeof idle) => c.samples.filter((s) => s.at <= 30 * HOUR);
    expect(untilVisit(plan ?? idle)).toEqual(untilVisit(idle));
  });

  it('the idle course: the reservoir falls 0.5 mL a day, belief and truth alike, the alarm sounds from 1 day to the end', () => {
    const at = (t: number) => idle.samples.find((s) => s.at === t);
    expect(at(0)).toMatchObject({ beliefReservoirMl: 2.5, truthReservoirMl: 2.5, tipMcgPerDay: null });
    expect(at(2 * DAY)?.truthReservoirMl).toBeCloseTo(1.5, 6);
    expect(at(2 * DAY)?.beliefReservoirMl).toBeCloseTo(1.5, 6);
    // 250 mcg/day programmed and at the tip (the catheter full of the same drug from the start)
    expect(at(2 * DAY)).toMatchObject({ programmedMcgPerDay: 250, alarms: ['lowReservoir'] });
    // (what reached the spinal fluid in the 15 minutes before, as a daily dose: the fluid path moves whole nanolitres)
    expect(Math.abs((at(2 * DAY)?.tipMcgPerDay ?? 0) - 250)).toBeLessThan(0.1);
    expect(idle.alarms).toEqual([{ alarm: 'lowReservoir', from: DAY, to: null }]);
    expect(idle.trainee).toEqual([]);
    expect(idle.score.passed).toBe(false);
  });

  it('the plan’s course: refilled to 19.4 mL at 31 h, the alarm cleared then, full marks', () => {
    if (plan === null) throw new Error('no plan');
    expect(plan.alarms).toEqual([{ alarm: 'lowReservoir', from: DAY, to: 31 * HOUR }]);
    const after = plan.samples.find((s) => s.at === 32 * HOUR);
    expect(after?.beliefReservoirMl).toBeCloseTo(19.4 - 0.5 / 24, 6);
    expect(after?.truthReservoirMl).toBeCloseTo(19.4 - 0.5 / 24, 6);
    expect(plan.events.filter((e) => e.type === 'refill.recorded').map((e) => e.at)).toEqual([31 * HOUR]);
    expect(plan.refused).toEqual([]);
    expect(plan.score).toMatchObject({ scorePercent: 100, passed: true });
  });

  it('keeps about PREVIEW_SAMPLES samples whatever the length: a 60-day exercise every 3 hours', () => {
    expect(previewSpacing(60 * DAY)).toBe(3 * HOUR);
    const long = previewExercise({ ...low, duration: 60 * DAY } as typeof low);
    expect(long.idle.samples.length).toBe(PREVIEW_SAMPLES + 1);
    // the reservoir runs dry at 5 days and the pump says so: reservoir empty from then on
    expect(long.idle.alarms.map((a) => [a.alarm, a.from / DAY, a.to])).toEqual([
      ['lowReservoir', 1, null],
      ['reservoirEmpty', 5, null],
    ]);
  });

  it('a plan step the world refuses is reported with its index, its instant and the world’s words', () => {
    const s = {
      ...low,
      training: {
        ...(low.training as NonNullable<typeof low.training>),
        plan: [{ at: 31 * HOUR, do: 'refill' as const, withdrawMl: 0, volumeMl: 25, concentrationMcgPerMl: 500 }],
      },
    } as typeof low;
    const refused = previewExercise(s).plan?.refused ?? [];
    expect(refused.map((r) => [r.index, r.at])).toEqual([[0, 31 * HOUR]]);
    expect(refused[0]?.reason).toMatch(/mL/);
  });
});

const slip = trainingLibrary().find((l) => l.file === 'morphine-decimal-slip.scenario.yaml')?.scenario;
if (slip === undefined) throw new Error('no morphine decimal-slip exercise');

describe('previewExercise: the morphine decimal slip, worked by hand, in mg and with the pain patient', () => {
  // morphine-decimal-slip.scenario.yaml: 20 mL of 1 mg/mL at 1 mg/day (1 mL/day); Mr Okafor, opioid
  // tolerant, needs 1 mg/day. At 24 h a colleague refills 18 mL of 1 mg/mL on the 1.4 mL dead space
  // (19.4 mL really in it) and types 10 mg/mL: the pump counts 18 mL and runs 1 / 10 = 0.1 mL/day, so
  // 0.1 mg/day reaches the tip (the catheter already holds 1 mg/mL). The visit is at 28 h; the plan's
  // refill at 28.5 h tells the pump 1 mg/mL again.
  const { idle, plan } = previewExercise(slip);
  const at = (c: typeof idle, h: number) => c.samples.find((s) => s.at === h * HOUR);

  it('gives the doses of the lead drug in its own unit (mg/day), the mcg/day fields as before', () => {
    expect([idle.drug, idle.doseUnit]).toEqual(['morphine', 'mg']);
    expect(at(idle, 0)).toMatchObject({ programmedDose: 1, tipDose: null, programmedMcgPerDay: 1000 });
    expect(at(idle, 24)?.tipDose).toBeCloseTo(1, 3);
    // day 3: the pump still says 1 mg/day; a tenth of it reaches the tip
    const day3 = at(idle, 72);
    expect(day3?.programmedDose).toBe(1);
    expect(day3?.tipDose).toBeCloseTo(0.1, 3);
    expect(day3?.tipMcgPerDay).toBeCloseTo(100, 0);
    // 0.1 mL/day since 24 h: the pump counts 18 - 0.2 = 17.8 mL, really 19.4 - 0.2 = 19.2 mL
    expect(day3?.beliefReservoirMl).toBeCloseTo(17.8, 6);
    expect(day3?.truthReservoirMl).toBeCloseTo(19.2, 6);
  });

  it('the idle course: pain 3 of 10 and 16 breaths a minute on his dose; opioid withdrawal at 34.75, 40.75 and 50.75 h; on day 3 pain 9 and 22 breaths a minute', () => {
    expect(at(idle, 0)?.patient).toBeNull();
    // on exactly his need (q = 1) the pain is the target, 3; breathing slows only above q = 2.5
    expect(at(idle, 0)?.pain).toEqual({
      painScore: 3,
      breathsPerMin: 16,
      sedation: 'none',
      respiratoryDepression: 'none',
      opioidWithdrawal: 'none',
      granuloma: 'none',
      neuropsychiatric: 'none',
    });
    // the stages the scenario's comment works out (docs/patient.md: early after 2 h of deficit, moderate after 8, severe after 18)
    const firstIn = (stage: string) => idle.samples.find((s) => s.pain?.opioidWithdrawal === stage)?.at;
    expect([firstIn('early'), firstIn('moderate'), firstIn('severe')]).toEqual([
      34.75 * HOUR,
      40.75 * HOUR,
      50.75 * HOUR,
    ]);
    // day 3, 48 h on a tenth: q near 0.1 (h = 0.75 puts 3 on the need: 7 x 0.75 / (0.75 + 1) = 3), the
    // pain 7 x 0.75 / 0.85 = 6.2, + 3 in severe withdrawal = 9.2: 9 of 10; breathing 16 + 6 = 22 a minute
    expect(at(idle, 72)?.pain).toMatchObject({ painScore: 9, breathsPerMin: 22, opioidWithdrawal: 'severe' });
    expect(idle.samples.every((s) => s.pain?.sedation === 'none' && s.pain.respiratoryDepression === 'none')).toBe(
      true,
    );
  });

  it('the plan’s course: told 1 mg/mL again at 28.5 h, 1 mg/day reaches the tip, no withdrawal, pain 3 of 10 on day 3', () => {
    if (plan === null) throw new Error('no plan');
    expect(plan.doseUnit).toBe('mg');
    const day3 = at(plan, 72);
    expect(day3?.tipDose).toBeCloseTo(1, 3);
    // 19.4 mL after the refill, 1 mL/day for 43.5 h
    expect(day3?.truthReservoirMl).toBeCloseTo(19.4 - 43.5 / 24, 6);
    expect(day3?.pain).toMatchObject({ painScore: 3, breathsPerMin: 16, opioidWithdrawal: 'none' });
    expect(plan.samples.some((s) => s.pain?.opioidWithdrawal !== 'none')).toBe(false);
  });
});

describe('previewExercise: the drug’s own unit and patient for every drug', () => {
  const of = (file: string) => {
    const s = trainingLibrary().find((l) => l.file === file)?.scenario;
    if (s === undefined) throw new Error(`no ${file}`);
    return previewExercise(s);
  };

  it('baclofen in mcg/day, no pain patient; the new dose fields equal the mcg/day ones', () => {
    const { idle } = previewExercise(low);
    expect(idle.doseUnit).toBe('mcg');
    expect(idle.samples.every((s) => s.pain === null && s.programmedDose === s.programmedMcgPerDay)).toBe(true);
    expect(idle.samples.every((s) => s.tipDose === s.tipMcgPerDay)).toBe(true);
  });

  it('ziconotide in mcg/day: steps every day to 21.6 mcg/day confuse him by day 4, his breathing never slows', () => {
    const { idle } = of('ziconotide-titration-too-fast.scenario.yaml');
    expect([idle.drug, idle.doseUnit]).toEqual(['ziconotide', 'mcg']);
    expect(idle.samples.find((s) => s.at === 5 * DAY)?.programmedDose).toBeCloseTo(21.6, 9);
    expect(idle.samples.find((s) => s.at === 4 * DAY)?.pain?.neuropsychiatric).toBe('confusion');
    expect(idle.samples.every((s) => s.pain?.breathsPerMin === 16 && s.pain.opioidWithdrawal === 'none')).toBe(true);
  });

  it('the baclofen-morphine admixture: the lead drug (baclofen) in mcg/day, both patients at once', () => {
    const { idle } = of('admixture-concentration-change.scenario.yaml');
    expect(idle.doseUnit).toBe('mcg');
    const first = idle.samples[0];
    expect(first?.programmedDose).toBe(400);
    expect(first?.patient?.ashworth).toBeCloseTo(1, 6);
    expect(first?.pain).toMatchObject({ breathsPerMin: 16, opioidWithdrawal: 'none' });
  });
});
