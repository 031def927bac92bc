import { describe, expect, it } from 'vitest';
import {
  advanceOpioid,
  createOpioidParameters,
  createOpioidState,
  type Milliseconds,
  NO_SYSTEMIC,
  type OpioidParameters,
  type OpioidState,
  opioidRelativeEffect,
  painDrugStep,
  painStatus,
  stepSystemic,
  systemicEffectEquivalent,
} from '../src/index.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const QUARTER = 15 * 60_000;
const MG = 1_000_000_000; // pg
const tolerant = createOpioidParameters({ history: 'tolerant' }); // needs 4 mg/day
const naive = createOpioidParameters({ history: 'naive' }); // needs 0.5 mg/day

/**
 * Runs a morphine patient on a constant intrathecal infusion (mcg/day at 10 mg/mL) from `start`,
 * each quarter hour, with `pocketPg(t)` the pump's pocket sink (cumulative, pg) at `t` ms.
 */
function run(
  p: OpioidParameters,
  start: OpioidState,
  mcgPerDay: number,
  hours: number,
  pocketPg: (t: number) => number = () => start.received.pocket ?? 0,
): OpioidState[] {
  const step = painDrugStep(p);
  const out: OpioidState[] = [start];
  let s = start;
  const from = start.received;
  for (let t = QUARTER; t <= hours * HOUR; t += QUARTER) {
    const pg = Math.round((mcgPerDay * 1_000_000 * t) / DAY);
    const received = { ...from, csf: from.csf + pg, csfVolume: from.csfVolume + pg / 10_000, pocket: pocketPg(t) };
    s = advanceOpioid(s, p, step, (start.now + t) as Milliseconds, received);
    out.push(s);
  }
  return out;
}

const hoursTo = (s: OpioidState, type: string): number | null => {
  const e = s.log.find((x) => x.type === type);
  return e === undefined ? null : e.at / HOUR;
};
const last = <T>(xs: T[]): T => xs[xs.length - 1] as T;
/** What the bedside shows of a morphine patient in state `s`. */
const bedside = (p: OpioidParameters, s: OpioidState) => painStatus({ drug: 'morphine', parameters: p, state: s });

describe('morphine under the skin, absorbed into the blood (exact, hand-derived)', () => {
  // ka = ln2 / 0.1 h = 6.9315 /h, ke = ln2 / 2 h = 0.34657 /h, ka / (ka - ke) = 20 / 19
  it('a dose under the skin: blood = dose x 20/19 x (e^-ke t - e^-ka t); peak at ln(ka/ke)/(ka-ke) = 27 min', () => {
    const two = stepSystemic({ pocket: 450_000, blood: 0 }, tolerant, 0, 2);
    // 450 000 x 20/19 x (0.5 - 2^-20) = 236 841.6 mcg; the pocket keeps 450 000 x 2^-20 = 0.43 mcg
    expect(two.blood).toBeCloseTo(236_841.6, 0);
    expect(two.pocket).toBeCloseTo(0.429, 3);
    const tmax = Math.log(20) / (Math.LN2 / 0.1 - Math.LN2 / 2);
    expect(tmax * 60).toBeCloseTo(27.3, 1);
    const peak = stepSystemic({ pocket: 1, blood: 0 }, tolerant, 0, tmax).blood;
    expect(stepSystemic({ pocket: 1, blood: 0 }, tolerant, 0, tmax - 0.05).blood).toBeLessThan(peak);
    expect(stepSystemic({ pocket: 1, blood: 0 }, tolerant, 0, tmax + 0.05).blood).toBeLessThan(peak);
  });

  it('with absorption as fast as elimination (both 1 h): blood = dose x k t e^-kt, and no time changes nothing', () => {
    const even: OpioidParameters = {
      ...tolerant,
      systemic: { ...tolerant.systemic, absorptionHalfLifeH: 1, eliminationHalfLifeH: 1 },
    };
    // k = ln2 /h; after 1 h the pocket keeps 1000 / 2 = 500, the blood holds 1000 x ln2 x 1 x 1/2 = 346.57 mcg
    const one = stepSystemic({ pocket: 1000, blood: 0 }, even, 0, 1);
    expect(one.pocket).toBeCloseTo(500, 9);
    expect(one.blood).toBeCloseTo(346.574, 3);
    // after 2 h: 1000 x ln2 x 2 x 1/4 = 346.57 mcg again (the peak is at 1/k = 1.44 h, between the two)
    expect(stepSystemic({ pocket: 1000, blood: 0 }, even, 0, 2).blood).toBeCloseTo(346.574, 3);
    const s = { pocket: 7, blood: 3 };
    expect(stepSystemic(s, even, 100, 0)).toBe(s);
  });

  it('is exact however time is cut, and a steady inflow settles at inflow / k in each compartment', () => {
    let cut = { pocket: 1000, blood: 50 };
    for (let i = 0; i < 8; i++) cut = stepSystemic(cut, tolerant, 10, 0.25);
    const whole = stepSystemic({ pocket: 1000, blood: 50 }, tolerant, 10, 2);
    expect(cut.pocket).toBeCloseTo(whole.pocket, 9);
    expect(cut.blood).toBeCloseTo(whole.blood, 9);
    const settled = stepSystemic(NO_SYSTEMIC, tolerant, 10, 200);
    expect(settled.pocket).toBeCloseTo(10 / (Math.LN2 / 0.1), 9);
    expect(settled.blood).toBeCloseTo(10 / (Math.LN2 / 2), 9);
  });

  it('acts as a hundredth of the same dose given intrathecally, at steady state [P9, P10]', () => {
    // 400 mg/day under the skin settles the blood at 16 667 / ke mcg; as intrathecal morphine that is
    // 4 mg/day's effect, 16 667 / 100 / kCSF: exactly the tolerant patient's need, q = 1
    const blood = stepSystemic(NO_SYSTEMIC, tolerant, 400_000 / 24, 400).blood;
    const q = opioidRelativeEffect(
      {
        drug: { spread: 0, csf: 0, effect: 0, subdural: 0, epidural: 0 },
        systemic: { pocket: 0, blood },
        tolerance: 1,
        granuloma: 0,
      },
      tolerant,
    );
    expect(q).toBeCloseTo(1, 9);
    // tolerance divides it as it divides the intrathecal effect
    expect(systemicEffectEquivalent({ pocket: 0, blood }, tolerant)).toBeCloseTo(4000 / 24 / (Math.LN2 / 3), 6);
  });
});

describe('a pocket fill: 450 mg (18 mL of 25 mg/mL) under the skin of a tolerant patient on 4 mg/day [P67, P70]', () => {
  // Effect at need: 4000 / 24 / (ln2 / 3 h) = 721.35 mcg. The pump goes on giving 4 mg/day into the
  // CSF, so the intrathecal part of q stays 1. The blood's part, as intrathecal morphine:
  //   blood x (ke / kCSF) / 100 = blood x 1.5 / 100, so
  //   q = 1 + 450 000 x 20/19 x 1.5 / 100 / 721.35 x (e^-ke t - e^-ka t) = 1 + 9.85 (e^-ke t - e^-ka t)
  // (tolerance moves by a ten-thousandth over these hours). Stages at the 15-minute step ends:
  //   0.25 h: q = 8.29   coma (8 and over); breathing 16 - 2 (q - 2.5) = 4.4: moderate (9 or fewer)
  //   0.50 h: q = 8.98   breathing 3.05: severe (4 or fewer); the peak (27 min)
  //   0.75 h: q = 8.54   breathing 3.9: still severe
  //   1.00 h: q = 7.95   stupor (6-8); breathing 5.1: moderate again
  //   2.00 h: q = 5.93   hard to rouse (4-6); breathing 9.15: early (12 or fewer)
  //   3.00 h: q = 4.48   breathing 12.04: none
  //   3.50 h: q = 3.93   drowsy (2.5-4)
  //   5.50 h: q = 2.46   alert again (below 2.5)
  const course = () => {
    const start = createOpioidState(tolerant, { at: 0 as Milliseconds, dailyDoseMcg: 4000 });
    const filled = advanceOpioid(start, tolerant, painDrugStep(tolerant), 0 as Milliseconds, {
      ...start.received,
      pocket: 450 * MG,
    });
    return run(tolerant, filled, 4000, 12);
  };

  it('reaches coma and severe respiratory depression within the hour, then wakes over about 5 h', () => {
    const s = last(course());
    expect(s.log.map((e) => [e.at / HOUR, e.type])).toEqual([
      [0.25, 'patient.sedation.coma'],
      [0.25, 'patient.respiratoryDepression.moderate'],
      [0.5, 'patient.respiratoryDepression.severe'],
      [1, 'patient.sedation.stupor'],
      [1, 'patient.respiratoryDepression.moderate'],
      [2, 'patient.sedation.hardToRouse'],
      [2, 'patient.respiratoryDepression.early'],
      [3, 'patient.respiratoryDepression.none'],
      [3.5, 'patient.sedation.drowsy'],
      [5.5, 'patient.sedation.none'],
    ]);
    expect(s.worst).toMatchObject({ sedation: 'coma', respiratory: 'severe', withdrawal: 'none' });
    expect(hoursTo(s, 'patient.respiratoryDepression.arrest')).toBeNull();
  });

  it('shows at the bedside what the stages say: at 30 min unresponsive, 3 breaths a minute, pupils dilated', () => {
    const at30 = course()[2] as OpioidState;
    expect(opioidRelativeEffect(at30, tolerant)).toBeCloseTo(8.975, 2);
    expect(bedside(tolerant, at30)).toMatchObject({
      sedationLevel: 'unresponsive',
      respiratoryRatePerMin: 3,
      pupils: 'dilated',
    });
  });

  it('gives nothing to the spine: the CSF holds what the pump gives, with or without the pocket', () => {
    const without = last(
      run(tolerant, createOpioidState(tolerant, { at: 0 as Milliseconds, dailyDoseMcg: 4000 }), 4000, 12),
    );
    const s = last(course());
    expect(s.drug).toEqual(without.drug);
    expect(without.log).toEqual([]);
  });
});

describe('a small pocket loss: a disconnection leaking 0.1 mL of 1 mg/mL (100 mcg) over 4.8 h, naive patient on 0.5 mg/day', () => {
  // Effect at need 500 / 24 / (ln2 / 3) = 90.17 mcg. All at once, 100 mcg would peak at
  // 100 x 20/19 x (e^-0.158 - e^-3.15) x 1.5 / 100 / 90.17 = 0.0142 of the need; spread over 4.8 h
  // it peaks lower (about 0.008). q stays about 1.01: pain 7 x 0.75 / (0.75 + 1.01) = 2.98, told as 3.
  it('shows nothing: no stage, the same pain, breathing and pupils', () => {
    const leak = 4.8 * HOUR;
    const states = run(naive, createOpioidState(naive, { at: 0 as Milliseconds, dailyDoseMcg: 500 }), 500, 24, (t) =>
      Math.round((100 * 1_000_000 * Math.min(t, leak)) / leak),
    );
    const qs = states.map((s) => opioidRelativeEffect(s, naive));
    const peak = Math.max(...qs);
    expect(peak).toBeGreaterThan(1.005);
    expect(peak).toBeLessThan(1.0142);
    expect(last(states).log).toEqual([]);
    const busiest = states[qs.indexOf(peak)] as OpioidState;
    expect(bedside(naive, busiest)).toMatchObject({
      painScore: 3,
      sedationLevel: 'alert',
      respiratoryRatePerMin: 16,
      pupils: 'small',
    });
  });
});
