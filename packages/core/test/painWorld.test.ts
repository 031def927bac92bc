import { describe, expect, it } from 'vitest';
import {
  bedsideView,
  createOpioidParameters,
  createPatientParameters,
  createWorld,
  createZiconotideParameters,
  fluidAt,
  instructorView,
  type McgPerMl,
  type Milliseconds,
  type Nanolitres,
  PATIENT_MODEL_OF,
  patientStages,
  type WorldInput,
} from '../src/index.ts';
import { buildPumpInput, drugProgram } from '../src/testing/index.ts';

const HOUR = 3_600_000;
const ml = (x: number) => (x * 1_000_000) as Nanolitres;

/** 1 mg/day of morphine at 1 mg/mL (1 mL/day) into a tolerant patient who needs exactly that. */
const morphineWorld = (extra: Partial<WorldInput> = {}) =>
  createWorld({
    pump: buildPumpInput({ program: drugProgram('morphine', 1, 1), reservoirVolume: ml(20) }),
    origin: 'spinal',
    painPatient: createOpioidParameters({ history: 'tolerant', needMcgPerDay: 1000 }),
    ...extra,
  });

describe('the world runs the patient model the drug calls for', () => {
  it('chooses spasticity for baclofen, the opioid model for morphine, its own for ziconotide', () => {
    expect(PATIENT_MODEL_OF).toEqual({ baclofen: 'spasticity', morphine: 'opioid', ziconotide: 'ziconotide' });
  });

  it('keeps a patient settled on the dose they need: pain 3 of 10, alert, 16 breaths a minute, small pupils', () => {
    const w = morphineWorld();
    expect(w.apply({ type: 'time.advance', to: (72 * HOUR) as Milliseconds }).ok).toBe(true);
    const bedside = bedsideView(w.state());
    expect(bedside.patient).toBeNull();
    expect(bedside.pain).toEqual({
      painScore: 3,
      sedationLevel: 'alert',
      respiratoryRatePerMin: 16,
      pupils: 'small',
      heartRateBpm: 75,
      temperatureC: 36.8,
      signs: [],
    });
    expect(w.state().pain?.state.log).toEqual([]);
  });

  it('a refill with 10 mg/mL where 1 mg/mL was in the pump: breathing slows within the first day after the new drug reaches the tip', () => {
    const w = morphineWorld();
    // empty the reservoir (1.4 mL stays behind) and fill it with 18 mL at ten times the concentration:
    // (1.4 x 1 + 18 x 10) / 19.4 = 9.35 mg/mL, while the pump still believes 1 mg/mL
    const refill = w.apply({
      type: 'visit.needle',
      visit: { aspirate: 'all', site: 'reservoir', inject: fluidAt(ml(18), 10_000 as McgPerMl, 'morphine') },
    });
    expect(refill.ok).toBe(true);
    w.apply({ type: 'time.advance', to: (48 * HOUR) as Milliseconds });
    const log = w.state().pain?.state.log ?? [];
    const first = (type: string) => (log.find((e) => e.type === type)?.at ?? Number.NaN) / HOUR;
    // the tubing and 104 uL of catheter at 1 mL/day hold the old drug for a few hours, then ten times the dose
    expect(first('patient.sedation.drowsy')).toBeLessThan(first('patient.respiratoryDepression.early'));
    expect(first('patient.respiratoryDepression.moderate')).toBeLessThanOrEqual(24);
    const bedside = bedsideView(w.state()).pain;
    expect(bedside?.respiratoryRatePerMin).toBeLessThanOrEqual(4);
    expect(bedside?.pupils).toBe('dilated'); // hypoxic by now
    expect(bedside?.signs).toContain('very slow breathing');
    // the stage names are the instructor's, never the bedside's
    expect(JSON.stringify(bedsideView(w.state()))).not.toMatch(/respiratoryDepression|severe|relativeEffect/);
    expect(instructorView(w.state()).pain?.status.respiratoryDepression).toBe('severe');
  });

  it('an occluded catheter brings opioid withdrawal within the day (the pump cannot tell)', () => {
    const w = morphineWorld();
    const fault = w.apply({
      type: 'fault.inject',
      fault: { kind: 'catheter', fault: { kind: 'occlusion', blockedPpm: 1_000_000 } },
    });
    expect(fault.ok).toBe(true);
    w.apply({ type: 'time.advance', to: (48 * HOUR) as Milliseconds });
    const log = w.state().pain?.state.log ?? [];
    const early = (log.find((e) => e.type === 'patient.opioidWithdrawal.early')?.at ?? Number.NaN) / HOUR;
    // the kernel's 10.25 h after an abrupt stop (opioidPatient.test.ts)
    expect(early).toBeCloseTo(10.25, 1);
  });

  it('gives a trial dose of morphine by lumbar puncture, within 1-2000 mcg, to the patient treated with it only', () => {
    const w = createWorld({
      pump: buildPumpInput({ program: { ...drugProgram('morphine', 0, 1), therapy: { mode: 'stopped' } } }),
      origin: 'spinal',
      painPatient: createOpioidParameters({ history: 'naive' }),
    });
    expect(w.apply({ type: 'patient.testDose', doseMcg: 5000, drug: 'morphine' })).toMatchObject({
      ok: false,
      refusal: { code: 'testDose.outOfRange' },
    });
    expect(w.apply({ type: 'patient.testDose', doseMcg: 50 })).toMatchObject({
      ok: false,
      refusal: { code: 'patient.none' },
    });
    expect(w.apply({ type: 'patient.testDose', doseMcg: 500, drug: 'morphine' }).ok).toBe(true);
    w.apply({ type: 'time.advance', to: (9 * HOUR) as Milliseconds });
    // the opioid trial's figures (opioidScreeningTrial): about half the pain gone at the peak, 8-10 h
    expect(bedsideView(w.state()).pain?.painScore).toBeLessThanOrEqual(3);
  });

  it('restores a saved world with its pain patient, and goes on exactly as the original', () => {
    const a = morphineWorld();
    a.apply({ type: 'time.advance', to: (30 * HOUR) as Milliseconds });
    const saved = JSON.parse(JSON.stringify(a.persist()));
    const b = createWorld(saved.input, saved);
    a.apply({ type: 'time.advance', to: (200 * HOUR) as Milliseconds });
    b.apply({ type: 'time.advance', to: (200 * HOUR) as Milliseconds });
    expect(b.state().pain).toEqual(a.state().pain);
  });

  it('runs a ziconotide patient too: no breathing change at any dose', () => {
    const w = createWorld({
      pump: buildPumpInput({ program: drugProgram('ziconotide', 20, 25) }),
      origin: 'spinal',
      painPatient: createZiconotideParameters(),
    });
    w.apply({ type: 'time.advance', to: (14 * 24 * HOUR) as Milliseconds });
    expect(bedsideView(w.state()).pain?.respiratoryRatePerMin).toBe(16);
  });

  it('refuses a morphine trial dose to a patient treated with ziconotide, and leaves them as they were', () => {
    const w = createWorld({
      pump: buildPumpInput({ program: drugProgram('ziconotide', 20, 25) }),
      origin: 'spinal',
      painPatient: createZiconotideParameters(),
    });
    const before = w.state().pain;
    expect(w.apply({ type: 'patient.testDose', doseMcg: 500, drug: 'morphine' })).toMatchObject({
      ok: false,
      refusal: { code: 'patient.none' },
    });
    expect(w.state().pain).toEqual(before);
  });
});

describe('one person on baclofen and morphine (the admixture patient)', () => {
  it('shows one breathing rate and one level of wakefulness, the worse of the two drugs', () => {
    // 1 mL/day of baclofen 1000 mcg/mL with morphine 0.1 mg/mL: exactly the baclofen need, ten times
    // the morphine need (0.1 mg/day where 0.01 mg/day was needed): the opioid decides the breathing
    const w = createWorld({
      pump: buildPumpInput({ program: drugProgram('baclofen', 1000, 1000, [['morphine', 0.1]]) }),
      origin: 'spinal',
      patient: createPatientParameters({ origin: 'spinal', needMcgPerDay: 1000 }),
      painPatient: createOpioidParameters({ history: 'naive', needMcgPerDay: 10 }),
    });
    w.apply({ type: 'time.advance', to: (48 * HOUR) as Milliseconds });
    const bedside = bedsideView(w.state());
    expect(bedside.pain?.respiratoryRatePerMin).toBe(bedside.patient?.respiratoryRatePerMin);
    expect(bedside.pain?.respiratoryRatePerMin).toBeLessThan(12);
    expect(bedside.patient?.consciousness).not.toBe('alert');
    expect(bedside.patient?.ashworthGrade).toBe('1');
    // each model from its own drug's mass at the tip: the baclofen patient is exactly on their need
    expect(instructorView(w.state()).patient?.status.relativeEffect).toBe(1);
    // ten times the morphine need, less the little tolerance two days bring
    expect(instructorView(w.state()).pain?.status.relativeEffect).toBeCloseTo(10, 0);
  });
});

describe('the class console marks any patient in danger on one scale', () => {
  it("gives baclofen's stages as they are, and a patient on morphine's breathing and sedation in the same words", () => {
    const baclofen = createWorld({
      pump: buildPumpInput(),
      origin: 'spinal',
      patient: createPatientParameters({ origin: 'spinal', needMcgPerDay: 250 }),
    });
    expect(patientStages(baclofen.state())).toEqual({ withdrawal: 'none', overdose: 'none' });
    expect(patientStages(createWorld({ pump: buildPumpInput(), origin: 'spinal' }).state())).toBeNull();
    const w = morphineWorld();
    w.apply({
      type: 'visit.needle',
      visit: { aspirate: 'all', site: 'reservoir', inject: fluidAt(ml(18), 10_000 as McgPerMl, 'morphine') },
    });
    w.apply({ type: 'time.advance', to: (48 * HOUR) as Milliseconds });
    // severe respiratory depression and sedation to coma by now (the worse of the two): in danger
    expect(patientStages(w.state())).toEqual({ withdrawal: 'none', overdose: 'coma' });
  });

  it('marks an occluded catheter’s opioid withdrawal on the same scale: early at 12 h, nothing of overdose', () => {
    const w = morphineWorld();
    w.apply({ type: 'fault.inject', fault: { kind: 'catheter', fault: { kind: 'occlusion', blockedPpm: 1_000_000 } } });
    w.apply({ type: 'time.advance', to: (12 * HOUR) as Milliseconds });
    // early withdrawal from 10.25 h after the stop, moderate not before 14 h (opioidPatient.test.ts)
    expect(patientStages(w.state())).toEqual({ withdrawal: 'early', overdose: 'none' });
  });
});
