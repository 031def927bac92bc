import { describe, expect, it } from 'vitest';
import {
  advancePatient,
  ashworthAt,
  createDrugStep,
  createPatientParameters,
  createPatientState,
  type Milliseconds,
  PATIENT_ORIGINS,
  type PatientParameters,
  type PatientState,
  patientStatus,
  screeningTrial,
  testBolusResponse,
} from '../src/index.ts';

const HOUR = 3_600_000;
const spinal = createPatientParameters({ origin: 'spinal' });

/** Runs a patient on a constant intrathecal infusion (mcg/day), sampled each `everyMs`. */
function infuse(
  p: PatientParameters,
  start: PatientState,
  mcgPerDay: number,
  hours: number,
  everyMs = 15 * 60_000,
): PatientState[] {
  const step = createDrugStep(p);
  const out: PatientState[] = [start];
  let s = start;
  for (let t = everyMs; t <= hours * HOUR; t += everyMs) {
    const received = {
      ...s.received,
      csf: s.received.csf + Math.round((mcgPerDay * 1_000_000 * everyMs) / (24 * HOUR)),
    };
    s = advancePatient(s, p, step, (start.now + t) as Milliseconds, received);
    out.push(s);
  }
  return out;
}

const firstAt = (course: PatientState[], pass: (s: PatientState) => boolean): number | null => {
  const s = course.find(pass);
  return s === undefined ? null : s.now / HOUR;
};

describe('a test bolus (documented timing: onset 0.5-1 h, peak about 4 h, lasting 4-8 h) [R33]', () => {
  // computed inside each test, never while tests are collected, so mutation testing sees which test runs it
  const response = () => testBolusResponse(spinal, 50);

  it('has its onset between 0.5 and 1 h', () => {
    const r = response();
    expect(r.onsetH).toBeGreaterThanOrEqual(0.5);
    expect(r.onsetH).toBeLessThanOrEqual(1);
  });

  it('peaks at about 4 h', () => {
    const r = response();
    expect(r.peakAtH).toBeGreaterThanOrEqual(3.5);
    expect(r.peakAtH).toBeLessThanOrEqual(4.5);
  });

  it('lasts 4 to 8 h, a meaningful fall of at least one Ashworth point: a positive test', () => {
    const r = response();
    expect(r.effectH).toBeGreaterThanOrEqual(4);
    expect(r.effectH).toBeLessThanOrEqual(8);
    expect(r.peakReduction).toBeGreaterThanOrEqual(1);
    expect(r.positive).toBe(true);
  });

  it('gives more and longer effect for a larger dose, and none for no dose', () => {
    const r = response();
    const bigger = testBolusResponse(spinal, 100);
    expect(bigger.peakReduction).toBeGreaterThan(r.peakReduction);
    expect(bigger.effectH).toBeGreaterThan(r.effectH);
    expect(testBolusResponse(spinal, 0)).toMatchObject({ peakReduction: 0, onsetH: null, effectH: 0, positive: false });
  });
});

describe('the screening trial: 50, 75, 100 mcg at least 24 h apart [R28]', () => {
  it('stops at the first positive dose and starts the pump at twice it', () => {
    const trial = screeningTrial(spinal);
    expect(trial.steps.map((s) => s.doseMcg)).toEqual([50]);
    expect(trial).toMatchObject({ effectiveDoseMcg: 50, startDoseMcgPerDay: 100 });
  });

  it('goes on to 75 and 100 mcg for a patient who needs more, and starts at once the dose when its effect lasted over 8 h', () => {
    const resistant = createPatientParameters({ origin: 'spinal', needMcgPerDay: 600 });
    const trial = screeningTrial(resistant);
    expect(trial.steps.map((s) => s.doseMcg)).toEqual([50, 75, 100]);
    expect(trial.steps.slice(0, 2).every((s) => !s.positive)).toBe(true);
    expect(trial.effectiveDoseMcg).toBe(100);
    const sensitive = createPatientParameters({ origin: 'spinal', needMcgPerDay: 150 });
    const quick = screeningTrial(sensitive);
    expect(quick.steps[0]?.effectH).toBeGreaterThan(8);
    expect(quick.startDoseMcgPerDay).toBe(50);
  });

  it('finds no candidate when even 100 mcg does nothing meaningful', () => {
    const trial = screeningTrial(createPatientParameters({ origin: 'spinal', needMcgPerDay: 3000 }));
    expect(trial).toMatchObject({ effectiveDoseMcg: null, startDoseMcgPerDay: null });
    expect(trial.steps).toHaveLength(3);
  });
});

describe('a continuous infusion (documented: onset 6-8 h, maximum at 24-48 h) [R33, R79]', () => {
  const reduction = (s: PatientState) =>
    spinal.baselineAshworth -
    ashworthAt(s.drug.effect / (spinal.needMcgPerDay / 24 / (Math.LN2 / 3)) / s.tolerance, spinal);
  const infusion = () => {
    const naive = createPatientState(spinal, { at: 0 as Milliseconds, dailyDoseMcg: 0 });
    const course = infuse(spinal, naive, spinal.needMcgPerDay, 96);
    return { course, final: reduction(course[course.length - 1] as PatientState) };
  };

  it('has its onset (a fall of half a point) between 6 and 8 h', () => {
    const { course } = infusion();
    const onset = firstAt(course, (s) => reduction(s) >= 0.5);
    expect(onset).toBeGreaterThanOrEqual(6);
    expect(onset).toBeLessThanOrEqual(8);
  });

  it('reaches 95 % of its full effect between 24 and 48 h, and the target grade on the dose needed', () => {
    const { course, final } = infusion();
    const max = firstAt(course, (s) => reduction(s) >= 0.95 * final);
    expect(max).toBeGreaterThanOrEqual(24);
    expect(max).toBeLessThanOrEqual(48);
    expect(patientStatus(course[course.length - 1] as PatientState, spinal)).toMatchObject({
      ashworthGrade: '1',
      withdrawal: 'none',
      overdose: 'none',
    });
  });
});

describe('withdrawal after an interruption (documented: within 1-3 days, progressing over 24-72 h) [R35, R36]', () => {
  const interruption = () => {
    const onTherapy = createPatientState(spinal, { at: 0 as Milliseconds, dailyDoseMcg: spinal.needMcgPerDay });
    const stopped = infuse(spinal, onTherapy, 0, 6 * 24);
    const entry = (type: string) => {
      const e = stopped[stopped.length - 1]?.log.find((l) => l.type === type);
      return e === undefined ? null : e.at / HOUR;
    };
    return { stopped, entry };
  };

  it('shows early withdrawal between 24 and 72 h after the infusion stops', () => {
    const { stopped, entry } = interruption();
    const early = entry('patient.withdrawal.early');
    expect(early).toBeGreaterThanOrEqual(24);
    expect(early).toBeLessThanOrEqual(72);
    expect(patientStatus(stopped.find((s) => s.withdrawal === 'early') as PatientState, spinal)).toMatchObject({
      pruritus: true,
      heartRateBpm: 95,
    });
  });

  it('progresses from early to severe within 24-72 h, through moderate', () => {
    const { stopped, entry } = interruption();
    const early = entry('patient.withdrawal.early') as number;
    const moderate = entry('patient.withdrawal.moderate') as number;
    const severe = entry('patient.withdrawal.severe') as number;
    expect(moderate).toBeGreaterThan(early);
    expect(severe - early).toBeGreaterThanOrEqual(24);
    expect(severe - early).toBeLessThanOrEqual(72);
    const last = stopped[stopped.length - 1] as PatientState;
    expect(patientStatus(last, spinal)).toMatchObject({ withdrawal: 'severe', temperatureC: 39.8, ashworthGrade: '4' });
    expect(last.worst.withdrawal).toBe('severe');
  });

  it('resolves when the infusion is restored', () => {
    const { stopped } = interruption();
    const atEarly = stopped.find((s) => s.withdrawal === 'early') as PatientState;
    const restored = infuse(spinal, atEarly, spinal.needMcgPerDay, 48);
    const last = restored[restored.length - 1] as PatientState;
    expect(last.withdrawal).toBe('none');
    expect(last.log.at(-1)?.type).toBe('patient.withdrawal.none');
    expect(last.worst.withdrawal).toBe('early');
  });

  it('never appears in a patient who was never treated', () => {
    const naive = createPatientState(spinal, { at: 0 as Milliseconds, dailyDoseMcg: 0 });
    const course = infuse(spinal, naive, 0, 5 * 24);
    expect(course[course.length - 1]?.log).toEqual([]);
  });
});

describe('overdose', () => {
  it('goes from drowsy to coma as the dose rises above need, and is gone again when the excess clears', () => {
    const onTherapy = createPatientState(spinal, { at: 0 as Milliseconds, dailyDoseMcg: spinal.needMcgPerDay });
    const high = infuse(spinal, onTherapy, 24 * spinal.needMcgPerDay, 24);
    const types = high[high.length - 1]?.log.map((l) => l.type);
    expect(types).toEqual([
      'patient.overdose.drowsy',
      'patient.overdose.somnolent',
      'patient.overdose.respiratoryDepression',
      'patient.overdose.coma',
    ]);
    expect(patientStatus(high[high.length - 1] as PatientState, spinal)).toMatchObject({
      consciousness: 'unresponsive',
      respiratoryRatePerMin: 6,
    });
    const after = infuse(spinal, high[high.length - 1] as PatientState, spinal.needMcgPerDay, 72);
    expect(after[after.length - 1]?.overdose).toBe('none');
    expect(after[after.length - 1]?.worst.overdose).toBe('coma');
  });

  it('starts at steady state without any stage on the dose needed', () => {
    const s = createPatientState(spinal, { at: 0 as Milliseconds, dailyDoseMcg: spinal.needMcgPerDay });
    expect(patientStatus(s, spinal)).toMatchObject({
      relativeEffect: 1,
      ashworth: 1,
      overdose: 'none',
      withdrawal: 'none',
    });
  });
});

describe('patients', () => {
  it('differ by seed within their origin’s range and are the same for the same seed', () => {
    const needs = Array.from(
      { length: 50 },
      (_, seed) => createPatientParameters({ origin: 'cerebral', seed }).needMcgPerDay,
    );
    const { min, max } = PATIENT_ORIGINS.cerebral.needRange;
    expect(Math.min(...needs)).toBeGreaterThanOrEqual(min);
    expect(Math.max(...needs)).toBeLessThanOrEqual(max);
    expect(new Set(needs).size).toBeGreaterThan(20);
    expect(createPatientParameters({ origin: 'cerebral', seed: 7 })).toEqual(
      createPatientParameters({ origin: 'cerebral', seed: 7 }),
    );
    expect(createPatientParameters({ origin: 'pediatric', seed: 7, needMcgPerDay: 123 }).needMcgPerDay).toBe(123);
  });

  it('grow slowly tolerant over months of steady therapy', () => {
    const onTherapy = createPatientState(spinal, { at: 0 as Milliseconds, dailyDoseMcg: spinal.needMcgPerDay });
    const year = infuse(spinal, onTherapy, spinal.needMcgPerDay, 365 * 24, 24 * HOUR);
    const after = year[year.length - 1] as PatientState;
    expect(after.tolerance).toBeGreaterThan(1.15);
    expect(after.tolerance).toBeLessThanOrEqual(1 + spinal.tolerance.maxIncrease);
    expect(patientStatus(after, spinal).ashworth).toBeGreaterThan(1);
  });
});
