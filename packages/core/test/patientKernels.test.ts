import { describe, expect, it } from 'vitest';
import {
  advancePatient,
  ashworthGrade,
  createDrugStep,
  createPatientParameters,
  createPatientState,
  createPumpState,
  effectAtNeed,
  type Milliseconds,
  NO_DRUG,
  NO_INFLOW,
  OVERDOSE_STAGES,
  overdoseStageAt,
  type PatientState,
  patientStatus,
  steadyAmounts,
  testBolusResponse,
  timeToTipConcentrationChange,
  withdrawalStageAt,
} from '../src/index.ts';
import { matrixExponential } from '../src/patient/matrixExponential.ts';
import { sparseRows, transitionRow } from '../src/patient/patientDynamics.ts';
import { buildPumpInput, simpleProgram } from '../src/testing/index.ts';
import { pumpAfterConcentrationSwitch } from './concentrationSwitch.ts';

const HOUR = 3_600_000;
const p = createPatientParameters({ origin: 'spinal' });
const step = createDrugStep(p);
const at = (ms: number) => ms as Milliseconds;

describe('matrixExponential', () => {
  it('is the identity for the zero matrix and exp of each entry for a diagonal one', () => {
    expect(
      matrixExponential([
        [0, 0],
        [0, 0],
      ]),
    ).toEqual([
      [1, 0],
      [0, 1],
    ]);
    const d = matrixExponential([
      [-2, 0],
      [0, 0.5],
    ]);
    expect(d[0]?.[0]).toBeCloseTo(Math.exp(-2), 14);
    expect(d[1]?.[1]).toBeCloseTo(Math.exp(0.5), 14);
    expect(d[0]?.[1]).toBe(0);
  });

  it('matches the closed form of a decay chain, and stays exact over a long step (many squarings)', () => {
    // x' = -a x, y' = a x - b y: y(t) = a/(b-a) (e^-at - e^-bt) from x = 1, y = 0
    const [a, b] = [0.3, 0.7];
    for (const t of [0.1, 1, 10, 1000]) {
      const m = matrixExponential([
        [-a * t, 0],
        [a * t, -b * t],
      ]);
      expect(m[0]?.[0]).toBeCloseTo(Math.exp(-a * t), 12);
      expect(m[1]?.[0]).toBeCloseTo((a / (b - a)) * (Math.exp(-a * t) - Math.exp(-b * t)), 12);
    }
  });

  it('integrates a constant input held as an extra state: exp([[-k, 1], [0, 0]] t) gives (1 - e^-kt) / k', () => {
    const k = 0.25;
    const t = 3;
    const m = matrixExponential([
      [-k * t, t],
      [0, 0],
    ]);
    expect(m[0]?.[1]).toBeCloseTo((1 - Math.exp(-k * t)) / k, 12);
    expect(m[1]?.[1]).toBe(1);
  });
});

describe('drug amounts', () => {
  it('settle where inflow equals elimination, subdural and epidural drug reaching the CSF in their shares', () => {
    const inflow = { intrathecal: 10, subdural: 4, epidural: 20 };
    const s = steadyAmounts(p, inflow);
    const k = Math.LN2 / p.csfHalfLifeH;
    expect(s.csf).toBeCloseTo((10 + 0.5 * 4 + 0.1 * 20) / k, 10);
    expect(s.effect).toBe(s.csf);
    expect(s.spread).toBeCloseTo(10 / (Math.LN2 / 8), 10);
    expect(s.subdural).toBeCloseTo(4 / (Math.LN2 / 24), 10);
    expect(s.epidural).toBeCloseTo(20 / (Math.LN2 / 6), 10);
    expect(steadyAmounts(p, NO_INFLOW)).toEqual(NO_DRUG);
    // a step from steady state stays there
    const after = step(s, inflow, 5 * HOUR);
    for (const key of ['spread', 'csf', 'effect', 'subdural', 'epidural'] as const)
      expect(after[key]).toBeCloseTo(s[key], 9);
  });

  it('decays by the CSF half-life from a bolus in the CSF alone', () => {
    const after = step({ ...NO_DRUG, csf: 100 }, NO_INFLOW, 3 * HOUR);
    expect(after.csf).toBeCloseTo(50, 9);
    expect(step(NO_DRUG, NO_INFLOW, 0)).toBe(NO_DRUG);
  });

  it('takes drug that arrives in no time as a bolus: into the CSF, or the subdural and epidural spaces', () => {
    const s = createPatientState(p, { at: at(0), dailyDoseMcg: 0 });
    const after = advancePatient(s, p, step, at(0), { csf: 50_000_000, subdural: 2_000_000, epidural: 1_000_000 });
    expect(after.drug).toEqual({ spread: 0, csf: 50, effect: 0, subdural: 2, epidural: 1 });
    expect(after.received).toEqual({ csf: 50_000_000, subdural: 2_000_000, epidural: 1_000_000 });
  });
});

describe('the sparse rows of a transition matrix', () => {
  it("keep every term the model can make non-zero, and give the full rows' doubles", () => {
    for (const ms of [15 * 60_000, HOUR, 24 * HOUR]) {
      const phi = step.transition(ms);
      const f = sparseRows(phi);
      expect(f).not.toBeNull();
      if (f === null) return;
      const x = [1.25, 3.5e-3, 97.125, 0.5, 11, 0.75, 0.125, 2];
      const [spread, csf, effect, subdural, epidural, a, b, c] = x as [
        number,
        number,
        number,
        number,
        number,
        number,
        number,
        number,
      ];
      const full = (i: number) => transitionRow(phi[i] as number[], spread, csf, effect, subdural, epidural, a, b, c);
      expect(f.s0 * spread + f.s5 * a).toBe(full(0));
      expect(f.c0 * spread + f.c1 * csf + f.c3 * subdural + f.c4 * epidural + f.c5 * a + f.c6 * b + f.c7 * c).toBe(
        full(1),
      );
      expect(f.d3 * subdural + f.d6 * b).toBe(full(3));
      expect(f.p4 * epidural + f.p7 * c).toBe(full(4));
    }
  });

  it('move drug at every site, and drug arriving at every site, as DrugStep does step by step', () => {
    // a tip half in the subdural and epidural spaces: every compartment and every inflow non-zero
    const start: PatientState = {
      ...createPatientState(p, { at: at(0), dailyDoseMcg: 120 }),
      drug: { spread: 3.5, csf: 20.25, effect: 12.75, subdural: 7.5, epidural: 9.125 },
    };
    const hours = 6;
    const inflow = { intrathecal: 10, subdural: 4, epidural: 2.5 };
    const mcg = 1_000_000;
    const received = { csf: 60 * mcg, subdural: 24 * mcg, epidural: 15 * mcg };
    const after = advancePatient(start, p, step, at(hours * HOUR), received);
    let expected = start.drug;
    for (let i = 0; i < hours * 4; i += 1) expected = step(expected, inflow, 15 * 60_000);
    expect(after.drug).toEqual(expected);
    for (const key of ['spread', 'csf', 'effect', 'subdural', 'epidural'] as const)
      expect(after.drug[key]).toBe(expected[key]);
  });

  it('are refused (null) for a matrix where a term the structure makes zero is not', () => {
    const phi = step.transition(HOUR).map((row) => [...row]);
    (phi[1] as number[])[2] = 1e-300;
    expect(sparseRows(phi)).toBeNull();
    expect(sparseRows(phi)).toBeNull(); // remembered
  });
});

describe('stages at their bounds', () => {
  it('overdose from 1.6, 2.5, 4 and 6 times the need', () => {
    expect([1.59, 1.6, 2.49, 2.5, 3.99, 4, 5.99, 6].map((q) => overdoseStageAt(q, p))).toEqual([
      'none',
      'drowsy',
      'drowsy',
      'somnolent',
      'somnolent',
      'respiratoryDepression',
      'respiratoryDepression',
      'coma',
    ]);
  });

  it('withdrawal after 20 h of deficit, moderate at 44 h, severe at 68 h', () => {
    expect([0, 19.99, 20, 43.99, 44, 67.99, 68].map((h) => withdrawalStageAt(h, p))).toEqual([
      'none',
      'none',
      'early',
      'early',
      'moderate',
      'moderate',
      'severe',
    ]);
  });

  it('Ashworth grades at their bounds', () => {
    expect([0.49, 0.5, 1.24, 1.25, 1.74, 1.75, 2.49, 2.5, 3.49, 3.5].map(ashworthGrade)).toEqual([
      '0',
      '1',
      '1',
      '1+',
      '1+',
      '2',
      '2',
      '3',
      '3',
      '4',
    ]);
  });
});

const dependent = (over: Partial<PatientState>): PatientState => ({
  ...createPatientState(p, { at: at(0), dailyDoseMcg: 0 }),
  dependence: 1,
  ...over,
});
const noDrug = (s: PatientState, hours: number) => advancePatient(s, p, step, at(s.now + hours * HOUR), s.received);

describe('the withdrawal clock', () => {
  it('logs each stage at the exact instant its threshold is crossed', () => {
    expect(noDrug(dependent({ deficitH: 19.5 }), 1).log).toEqual([{ at: 1_800_000, type: 'patient.withdrawal.early' }]);
    expect(noDrug(dependent({ deficitH: 43.75 }), 1).log).toEqual([
      { at: 900_000, type: 'patient.withdrawal.moderate' },
    ]);
    const severe = noDrug(dependent({ deficitH: 67, withdrawal: 'moderate' }), 2);
    expect(severe.log).toEqual([{ at: 3_600_000, type: 'patient.withdrawal.severe' }]);
    expect(severe).toMatchObject({ withdrawal: 'severe', deficitH: 69, worst: { withdrawal: 'severe' } });
  });

  it('runs back twice as fast once the effect is restored, logging each stage on the way down', () => {
    const need = steadyAmounts(p, { ...NO_INFLOW, intrathecal: p.needMcgPerDay / 24 });
    const s = dependent({ drug: need, deficitH: 45, withdrawal: 'moderate' });
    const perHour = Math.round((p.needMcgPerDay * 1_000_000) / 24);
    const after = advancePatient(s, p, step, at(14 * HOUR), { csf: 14 * perHour, subdural: 0, epidural: 0 });
    expect(after.log).toEqual([
      { at: 30 * 60_000, type: 'patient.withdrawal.early' },
      { at: 12.5 * HOUR, type: 'patient.withdrawal.none' },
    ]);
    expect(after.deficitH).toBe(17);
  });

  it('needs dependence: below a quarter there is no deficit (the clock runs back) however little drug there is', () => {
    expect(noDrug(dependent({ dependence: 0.2, deficitH: 19.5 }), 1).deficitH).toBe(17.5);
    expect(noDrug(dependent({ dependence: 0.3, deficitH: 19.5 }), 1).deficitH).toBe(20.5);
  });

  it('builds dependence with exposure and loses it without, by its half-life', () => {
    const need = steadyAmounts(p, { ...NO_INFLOW, intrathecal: p.needMcgPerDay / 24 });
    const perHour = Math.round((p.needMcgPerDay * 1_000_000) / 24);
    const exposed = advancePatient(
      { ...createPatientState(p, { at: at(0), dailyDoseMcg: 0 }), drug: need },
      p,
      step,
      at(7 * 24 * HOUR),
      { csf: 7 * 24 * perHour, subdural: 0, epidural: 0 },
    );
    expect(exposed.dependence).toBeCloseTo(0.5, 2);
    const lost = noDrug(dependent({ dependence: 1 }), 7 * 24);
    expect(lost.dependence).toBeCloseTo(0.5, 6);
  });
});

describe('the patient at the bedside', () => {
  const onNeed = () => createPatientState(p, { at: at(0), dailyDoseMcg: p.needMcgPerDay });
  it('is alert with normal signs on the dose needed', () => {
    expect(patientStatus(onNeed(), p)).toEqual({
      ashworth: 1,
      ashworthGrade: '1',
      withdrawal: 'none',
      overdose: 'none',
      heartRateBpm: 75,
      temperatureC: 36.8,
      respiratoryRatePerMin: 16,
      consciousness: 'alert',
      pruritus: false,
      signs: [],
      csfMcg: Math.round(effectAtNeed(p) * 100) / 100,
      relativeEffect: 1,
    });
  });

  it('shows each stage in signs a clinician can see', () => {
    const seen = (over: Partial<PatientState>) => patientStatus({ ...onNeed(), ...over }, p);
    expect(seen({ withdrawal: 'moderate' })).toMatchObject({ heartRateBpm: 110, temperatureC: 37.8, pruritus: true });
    expect(seen({ withdrawal: 'severe' })).toMatchObject({
      heartRateBpm: 125,
      temperatureC: 39.8,
      pruritus: false,
      consciousness: 'somnolent',
      ashworth: 4,
    });
    expect(seen({ overdose: 'drowsy' })).toMatchObject({ consciousness: 'drowsy', respiratoryRatePerMin: 14 });
    expect(seen({ overdose: 'somnolent' })).toMatchObject({ consciousness: 'somnolent', respiratoryRatePerMin: 12 });
    expect(seen({ overdose: 'respiratoryDepression' })).toMatchObject({
      consciousness: 'unresponsive',
      respiratoryRatePerMin: 8,
      heartRateBpm: 55,
    });
    expect(seen({ overdose: 'coma' })).toMatchObject({ temperatureC: 35.3, respiratoryRatePerMin: 6 });
    expect(seen({ overdose: 'drowsy', withdrawal: 'early' }).signs).toEqual([
      'drowsy',
      'dizzy',
      'floppy legs',
      'itching without a rash',
      'fast heart rate',
      'spasticity returning',
    ]);
  });

  it('lists the signs of every stage, overdose first, and slows the heart in deep overdose even in withdrawal', () => {
    const signs = (over: Partial<PatientState>) => patientStatus({ ...onNeed(), ...over }, p).signs;
    expect(signs({ withdrawal: 'moderate' })).toEqual([
      'fast heart rate',
      'itching without a rash',
      'rebound spasticity',
      'restless, anxious',
    ]);
    expect(signs({ withdrawal: 'severe' })).toEqual([
      'high fever',
      'rigidity',
      'labile blood pressure',
      'altered consciousness',
    ]);
    expect(signs({ overdose: 'somnolent' })).toEqual(['somnolent', 'hypotonia rising from the legs', 'nausea']);
    expect(signs({ overdose: 'respiratoryDepression' })).toEqual([
      'slow, shallow breathing',
      'hard to rouse',
      'slow heart rate',
    ]);
    expect(signs({ overdose: 'coma' })).toEqual(['unresponsive', 'respiratory depression', 'hypothermia']);
    const both = patientStatus({ ...onNeed(), withdrawal: 'early', overdose: 'respiratoryDepression' }, p);
    expect(both.heartRateBpm).toBe(75);
    expect(patientStatus({ ...onNeed(), withdrawal: 'early', overdose: 'coma' }, p).heartRateBpm).toBe(75);
    expect(patientStatus({ ...onNeed(), withdrawal: 'early', overdose: 'somnolent' }, p).heartRateBpm).toBe(95);
  });

  it('caps the rigidity of severe withdrawal at 4, the top of the scale', () => {
    const stiff = createPatientParameters({ origin: 'spinal', baselineAshworth: 3.5 });
    const state = createPatientState(stiff, { at: at(0), dailyDoseMcg: 0 });
    expect(patientStatus({ ...state, withdrawal: 'severe' }, stiff)).toMatchObject({ ashworth: 4, ashworthGrade: '4' });
    expect(patientStatus(state, stiff).ashworth).toBe(3.5);
  });

  it('starts with no stage reached, and seeded patients have a CSF half-life from 0.9 to 5 h', () => {
    expect(createPatientState(p, { at: at(0), dailyDoseMcg: 0 }).worst).toEqual({
      withdrawal: 'none',
      overdose: 'none',
    });
    const halfLives = Array.from(
      { length: 40 },
      (_, seed) => createPatientParameters({ origin: 'spinal', seed }).csfHalfLifeH,
    );
    expect(Math.min(...halfLives)).toBeGreaterThanOrEqual(0.9);
    expect(Math.max(...halfLives)).toBeLessThanOrEqual(5);
    expect(new Set(halfLives).size).toBeGreaterThan(10);
    expect(OVERDOSE_STAGES).toEqual(['none', 'drowsy', 'somnolent', 'respiratoryDepression', 'coma']);
    for (const origin of ['spinal', 'cerebral', 'pediatric'] as const)
      expect(createPatientParameters({ origin }).origin).toBe(origin);
  });

  it('starts dependent in proportion to the effect of the dose it starts on', () => {
    expect(createPatientState(p, { at: at(0), dailyDoseMcg: p.needMcgPerDay / 2 }).dependence).toBeCloseTo(0.5, 12);
    expect(createPatientState(p, { at: at(0), dailyDoseMcg: p.needMcgPerDay * 3 }).dependence).toBe(1);
  });
});

describe('a test bolus judged inside its assessment window', () => {
  it('is not positive when the meaningful effect comes after the window', () => {
    const early = testBolusResponse(p, 50, { assessForH: 1 });
    expect(early.positive).toBe(false);
    expect(early.effectH).toBeGreaterThan(4);
  });
});

describe('timeToTipConcentrationChange', () => {
  it('is null without flow, or when one concentration fills the path back to the reservoir', () => {
    expect(timeToTipConcentrationChange(createPumpState(buildPumpInput({})))).toBeNull();
    expect(
      timeToTipConcentrationChange(
        createPumpState(buildPumpInput({ program: { ...simpleProgram(0), therapy: { mode: 'stopped' } } })),
      ),
    ).toBeNull();
  });

  it('is the old drug in the tubing and catheter over the flow after a concentration switch', () => {
    // 0.2 mL tubing + 0.1 mL catheter of 2000 mcg/mL at 0.8 mL/day (400 mcg/day at 500 mcg/mL): 9 h
    expect(timeToTipConcentrationChange(pumpAfterConcentrationSwitch())).toBe(9 * HOUR);
  });
});
