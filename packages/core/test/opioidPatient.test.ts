import { describe, expect, it } from 'vitest';
import {
  advanceOpioid,
  breathingRateAt,
  createOpioidParameters,
  createOpioidState,
  createPainPatient,
  type Milliseconds,
  type OpioidParameters,
  type OpioidState,
  opioidEffectAtNeed,
  opioidRelativeEffect,
  opioidScreeningTrial,
  painAt,
  painDrugStep,
  painStatus,
  respiratoryStageAt,
} from '../src/index.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const naive = createOpioidParameters({ history: 'naive' });

/**
 * Runs a morphine patient on a constant intrathecal infusion (mcg/day at mcg/mL), from `start`,
 * sampled each `everyMs`: what reached the CSF is what the pump's sink would hold.
 */
function infuse(
  p: OpioidParameters,
  start: OpioidState,
  mcgPerDay: number,
  mcgPerMl: number,
  hours: number,
  everyMs = 15 * 60_000,
): OpioidState[] {
  const step = painDrugStep(p);
  const out: OpioidState[] = [start];
  let s = start;
  const from = start.received;
  for (let t = everyMs; t <= hours * HOUR; t += everyMs) {
    const pg = Math.round((mcgPerDay * 1_000_000 * t) / DAY);
    const received = { ...from, csf: from.csf + pg, csfVolume: from.csfVolume + pg / mcgPerMl };
    s = advanceOpioid(s, p, step, (start.now + t) as Milliseconds, received);
    out.push(s);
  }
  return out;
}

const at = (s: OpioidState, type: string): number | null => {
  const e = s.log.find((x) => x.type === type);
  return e === undefined ? null : (e.at - (s.log[0]?.at ?? 0)) / HOUR;
};
const hoursTo = (s: OpioidState, type: string, from = 0): number | null => {
  const e = s.log.find((x) => x.type === type);
  return e === undefined ? null : (e.at - from) / HOUR;
};
const last = <T>(xs: T[]): T => xs[xs.length - 1] as T;

describe('the morphine patient at steady state (hand-derived)', () => {
  it('settles on its need with the target pain: effect at need = need / 24 / (ln 2 / 3 h)', () => {
    // 500 mcg/day / 24 h = 20.833 mcg/h; elimination ln2/3 = 0.23105 /h; 20.833 / 0.23105 = 90.17 mcg
    expect(opioidEffectAtNeed(naive)).toBeCloseTo(90.17, 2);
    const s = createOpioidState(naive, { at: 0 as Milliseconds, dailyDoseMcg: 500 });
    expect(opioidRelativeEffect(s, naive)).toBeCloseTo(1, 12);
    expect(painAt(1, 7, 3)).toBeCloseTo(3, 12);
    expect(painAt(0, 7, 3)).toBe(7);
    const status = painStatus(createPainPatient(naive, { at: 0 as Milliseconds, dailyDoseMcg: 500 }));
    expect(status).toMatchObject({ painScore: 3, sedationLevel: 'alert', respiratoryRatePerMin: 16, pupils: 'small' });
  });

  it('breathes 16 a minute up to 2.5 times the need, then 2 fewer per unit: 10 times the need is 1 a minute', () => {
    expect(breathingRateAt(2.5, naive)).toBe(16);
    expect(breathingRateAt(4.5, naive)).toBe(12); // 16 - 2 x 2
    expect(respiratoryStageAt(4.5, naive)).toBe('early');
    expect(respiratoryStageAt(6, naive)).toBe('moderate'); // 9 a minute
    expect(respiratoryStageAt(8.5, naive)).toBe('severe'); // 4 a minute
    expect(breathingRateAt(10, naive)).toBe(1);
    expect(respiratoryStageAt(10, naive)).toBe('severe');
    expect(respiratoryStageAt(11, naive)).toBe('arrest');
  });
});

describe('a single intrathecal dose (onset 60-120 min, lasting 18-24 h, late respiratory depression peaking at 8-10 h) [P8]', () => {
  it('relieves pain from 1 to 2 h after 0.5 mg in an opioid-naive patient, for 18 to 24 h', () => {
    const trial = opioidScreeningTrial(naive);
    expect(trial.onsetH).toBeGreaterThanOrEqual(1);
    expect(trial.onsetH).toBeLessThanOrEqual(2);
    expect(trial.durationH).toBeGreaterThanOrEqual(18);
    expect(trial.durationH).toBeLessThanOrEqual(24);
    expect(trial.peakAtH).toBeGreaterThanOrEqual(8);
    expect(trial.peakAtH).toBeLessThanOrEqual(10);
    expect(trial.positive).toBe(true);
    expect(trial.worstRespiratory).toBe('none');
  });

  it('depresses breathing most 8 to 10 h after a fivefold trial dose (2.5 mg where 0.5 mg was meant)', () => {
    const trial = opioidScreeningTrial(naive, { doseMcg: 2500 });
    expect(trial.lowestBreathingAtH).toBeGreaterThanOrEqual(8);
    expect(trial.lowestBreathingAtH).toBeLessThanOrEqual(10);
    // 0.5 mg peaks at 1.5 times the need, so 2.5 mg at 7.5 times: 16 - 2 x (7.5 - 2.5) = 6 a minute
    expect(trial.lowestBreathingPerMin).toBeCloseTo(6, 0);
    expect(trial.worstRespiratory).toBe('moderate');
    expect(trial.candidate).toBe(false);
  });

  it('stops the breathing of a naive patient given a tenfold trial dose (5 mg), the deepest effect still at 8-10 h', () => {
    const trial = opioidScreeningTrial(naive, { doseMcg: 5000 });
    expect(trial.worstRespiratory).toBe('arrest');
    expect(trial.peakAtH).toBeGreaterThanOrEqual(8);
    expect(trial.peakAtH).toBeLessThanOrEqual(10);
  });
});

describe('a tenfold error: 10 mg/day where 1 mg/day was meant (watch 24-72 h after each increase) [P1, P3]', () => {
  const patient = createOpioidParameters({ history: 'tolerant', needMcgPerDay: 1000 });
  const start = () => createOpioidState(patient, { at: 0 as Milliseconds, dailyDoseMcg: 1000 });

  it('stays settled on the dose meant: no stage at all over three days', () => {
    expect(last(infuse(patient, start(), 1000, 10_000, 72)).log).toEqual([]);
  });

  it('makes the patient drowsy, then breathing slows: early depression within 6-24 h, moderate (below 10 a minute) within the first day', () => {
    const s = last(infuse(patient, start(), 10_000, 10_000, 72));
    const drowsy = at(s, 'patient.sedation.drowsy') as number;
    const early = hoursTo(s, 'patient.respiratoryDepression.early') as number;
    const moderate = hoursTo(s, 'patient.respiratoryDepression.moderate') as number;
    expect(drowsy).toBeLessThan(early); // sedation comes first: the nurse's warning
    expect(early).toBeGreaterThanOrEqual(6);
    expect(early).toBeLessThanOrEqual(24);
    expect(moderate).toBeGreaterThan(early);
    expect(moderate).toBeLessThanOrEqual(24);
    expect(hoursTo(s, 'patient.respiratoryDepression.severe')).not.toBeNull();
    // ten times the need settles at 1 breath a minute: severe, never quite arrest
    expect(s.worst.respiratory).toBe('severe');
  });
});

describe('opioid withdrawal after an abrupt stop (6-14 h early, 14-24 h moderate, 24-36 h severe) [P22]; within 24 h [P21]', () => {
  const course = () =>
    infuse(naive, createOpioidState(naive, { at: 0 as Milliseconds, dailyDoseMcg: 500 }), 0, 10_000, 48);
  const s = () => last(course());

  it('reaches each stage in its documented window', () => {
    const course = s();
    const early = hoursTo(course, 'patient.opioidWithdrawal.early') as number;
    const moderate = hoursTo(course, 'patient.opioidWithdrawal.moderate') as number;
    const severe = hoursTo(course, 'patient.opioidWithdrawal.severe') as number;
    expect(early).toBeGreaterThanOrEqual(6);
    expect(early).toBeLessThanOrEqual(14);
    expect(moderate).toBeGreaterThanOrEqual(14);
    expect(moderate).toBeLessThanOrEqual(24);
    expect(severe).toBeGreaterThanOrEqual(24);
    expect(severe).toBeLessThanOrEqual(36);
  });

  it('shows dilated pupils, gooseflesh and the pain back (and more) to the bedside 20 h after the stop', () => {
    const at20h = course()[20 * 4] as OpioidState;
    expect(at20h.withdrawal).toBe('moderate');
    const status = painStatus({ drug: 'morphine', parameters: naive, state: at20h });
    expect(status.pupils).toBe('dilated');
    expect(status.signs).toContain('gooseflesh');
    expect(status.painScore).toBeGreaterThanOrEqual(naive.baselinePain);
  });

  it('never happens to a patient who never had morphine', () => {
    const never = last(infuse(naive, createOpioidState(naive, { at: 0 as Milliseconds, dailyDoseMcg: 0 }), 0, 1, 72));
    expect(never.log).toEqual([]);
  });
});

describe('tolerance over weeks (1-3 %/week early [P18-P20]; reversed within 6 opioid-free weeks [P16])', () => {
  it('raises the need by 1 to 3 % in the first week and the pain score week by week on a constant dose', () => {
    const course = infuse(
      naive,
      createOpioidState(naive, { at: 0 as Milliseconds, dailyDoseMcg: 500 }),
      500,
      1,
      12 * 7 * 24,
      DAY,
    );
    const week = (n: number) => course[n * 7] as OpioidState;
    expect(week(1).tolerance).toBeGreaterThanOrEqual(1.01);
    expect(week(1).tolerance).toBeLessThanOrEqual(1.03);
    const pains = [1, 2, 4, 8, 12].map(
      (n) => painStatus({ drug: 'morphine', parameters: naive, state: week(n) }).painExact,
    );
    for (let i = 1; i < pains.length; i += 1) expect(pains[i]).toBeGreaterThan(pains[i - 1] as number);
    // 1 + 1.5 (1 - 2^(-84/365)) = 1.24 at full exposure; a little less as the effect falls behind
    expect(week(12).tolerance).toBeGreaterThan(1.15);
    expect(week(12).tolerance).toBeLessThan(1.24);
  });

  it('falls back to within a tenth of its rise after six weeks off morphine', () => {
    const on = last(
      infuse(naive, createOpioidState(naive, { at: 0 as Milliseconds, dailyDoseMcg: 500 }), 500, 1, 26 * 7 * 24, DAY),
    );
    const off = last(infuse(naive, on, 0, 1, 6 * 7 * 24, DAY));
    expect(off.tolerance - 1).toBeLessThan((on.tolerance - 1) / 10);
  });
});

describe('the catheter-tip inflammatory mass (months at a high dose and concentration) [P25-P31]', () => {
  // 16 mg/day at 25 mg/mL: drive (16/10) x (25/10) = 4; growth (4 - 1) / 240 = 1/80 of full size a day,
  // so the mass at 0.3 on day 24, a deficit at 0.7 on day 56, compression at 1 on day 80
  const high = createOpioidParameters({ history: 'tolerant', needMcgPerDay: 16_000 });
  const course = () =>
    infuse(
      high,
      createOpioidState(high, { at: 0 as Milliseconds, dailyDoseMcg: 16_000 }),
      16_000,
      25_000,
      90 * 24,
      DAY,
    );

  it('forms on days 24, 56 and 80 exactly (its growth is linear at a constant dose)', () => {
    const s = last(course());
    expect(s.log.filter((e) => e.type.startsWith('patient.granuloma.'))).toEqual([
      { at: 24 * DAY, type: 'patient.granuloma.mass' },
      { at: 56 * DAY, type: 'patient.granuloma.deficit' },
      { at: 80 * DAY, type: 'patient.granuloma.compression' },
    ]);
  });

  it('first takes the effect away (pain rises), then brings a neurological deficit', () => {
    const c = course();
    const pain = (d: number) => painStatus({ drug: 'morphine', parameters: high, state: c[d] as OpioidState });
    expect(pain(40).painExact).toBeGreaterThan(pain(10).painExact + 0.5);
    expect(pain(40).signs).not.toContain('weak legs');
    expect(pain(60).signs).toContain('numb legs, unsure of their position');
    expect(pain(85).signs).toContain('weak legs');
  });

  it('never forms at 1 mg/day of 25 mg/mL (drive 0.1 x 2.5 = 0.25)', () => {
    const p = createOpioidParameters({ history: 'tolerant', needMcgPerDay: 1000 });
    const s = last(
      infuse(p, createOpioidState(p, { at: 0 as Milliseconds, dailyDoseMcg: 1000 }), 1000, 25_000, 365 * 24, DAY),
    );
    expect(s.granuloma).toBe(0);
    expect(s.log).toEqual([]);
  });
});
