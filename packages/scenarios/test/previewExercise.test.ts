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
    const before = (c: typeof idle) => c.samples.filter((s) => s.at <= 30 * HOUR);
    expect(before(plan ?? idle)).toEqual(before(idle));
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
