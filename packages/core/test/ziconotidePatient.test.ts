import { describe, expect, it } from 'vitest';
import {
  advanceZiconotide,
  createZiconotideParameters,
  createZiconotideState,
  type Milliseconds,
  painDrugStep,
  painStatus,
  type ZiconotideState,
} from '../src/index.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const p = createZiconotideParameters();

/** Steps of a titration: from day `fromDay`, the dose in mcg/day. */
type Schedule = readonly (readonly [fromDay: number, mcgPerDay: number])[];

/** Runs the ziconotide patient through a schedule, hour by hour; the state at the end of each hour. */
function titrate(schedule: Schedule, days: number): ZiconotideState[] {
  const step = painDrugStep(p);
  let s = createZiconotideState(p, { at: 0 as Milliseconds, dailyDoseMcg: 0 });
  const out = [s];
  let pg = 0;
  for (let h = 1; h <= days * 24; h += 1) {
    let dose = 0;
    for (const [from, mcgPerDay] of schedule) if (h - 1 >= from * 24) dose = mcgPerDay;
    pg += Math.round((dose * 1_000_000) / 24);
    s = advanceZiconotide(s, p, step, (h * HOUR) as Milliseconds, { csf: pg, subdural: 0, epidural: 0 });
    out.push(s);
  }
  return out;
}

const status = (s: ZiconotideState) => painStatus({ drug: 'ziconotide', parameters: p, state: s });
const dayOf = (s: ZiconotideState, type: string): number | null => {
  const e = s.log.find((x) => x.type === type);
  return e === undefined ? null : e.at / DAY;
};
const last = <T>(xs: T[]): T => xs[xs.length - 1] as T;

// started at 2.4 mcg/day and raised by 2.4 mcg/day no more than two or three times a week (V) [P33, P34]
const SLOW: Schedule = [
  [0, 2.4],
  [3.5, 4.8],
  [7, 7.2],
];
// the abandoned fast titration: a step every day (2°) [P42], here to the EU maximum of 21.6 mcg/day
const FAST: Schedule = [0, 1, 2, 3, 4, 5, 6, 7, 8].map((d) => [d, 2.4 * (d + 1)] as const);

describe('ziconotide: analgesia that comes slowly', () => {
  it('takes more than a day to relieve one point of pain at the starting 2.4 mcg/day', () => {
    const course = titrate([[0, 2.4]], 4);
    const onset = course.findIndex((s) => p.baselinePain - status(s).painExact >= 1);
    expect(onset).toBeGreaterThan(24);
  });

  it('brings the pain to the target (4 of 10) within three weeks of the slow titration to 7.2 mcg/day, with no adverse effect', () => {
    // 7.2 mcg/day is 7.2 / 7 of the need: pain 7 h / (h + 1.03) with h = 4 / (7 - 4) = 1.333, so 3.95
    const course = titrate(SLOW, 21);
    expect(status(last(course)).painExact).toBeCloseTo(3.95, 1);
    expect(last(course).log).toEqual([]);
    expect(status(last(course)).signs).toEqual([]);
  });
});

describe('ziconotide: psychiatric and neurological effects that rise with the dose and the pace', () => {
  it('confuses the patient within a week when the dose is raised every day (above the titration pace)', () => {
    const s = last(titrate(FAST, 10));
    const confusion = dayOf(s, 'patient.neuropsychiatric.confusion') as number;
    expect(confusion).toBeLessThanOrEqual(7);
    expect(dayOf(s, 'patient.neuropsychiatric.mild')).toBeLessThan(confusion);
  });

  it('brings confusion after weeks at a high dose even when titrated slowly (onset median 31 days, mean 49) [P39]', () => {
    const steps: Schedule = [0, 3.5, 7, 10.5, 14, 17.5, 21, 24.5].map((d, i) => [d, 2.4 * (i + 1)] as const);
    const s = last(titrate(steps, 70));
    const confusion = dayOf(s, 'patient.neuropsychiatric.confusion') as number;
    expect(confusion).toBeGreaterThanOrEqual(21);
    expect(confusion).toBeLessThanOrEqual(56);
    expect(status(s).ckTimesUpperLimit).toBeGreaterThan(3);
  });

  it('never depresses breathing, even at the maximum', () => {
    for (const s of titrate(FAST, 14).filter((_, i) => i % 6 === 0)) {
      expect(status(s).respiratoryRatePerMin).toBe(16);
      expect(status(s).sedation).toBe('none');
    }
  });
});

describe('ziconotide: no withdrawal on stopping [P42, P23]', () => {
  it('brings the pain back and nothing else when stopped abruptly after four weeks', () => {
    const s = last(
      titrate(
        [
          [0, 7.2],
          [28, 0],
        ],
        42,
      ),
    );
    expect(s.log).toEqual([]);
    expect(status(s).painExact).toBeGreaterThan(6.9);
    expect(status(s).signs).toEqual([]);
  });
});
