import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  advancePainPatient,
  createOpioidParameters,
  createPainPatient,
  createZiconotideParameters,
  GRANULOMA_STAGES,
  type Milliseconds,
  NEUROPSYCHIATRIC_STAGES,
  OPIOID_WITHDRAWAL_STAGES,
  type PainPatient,
  painStatus,
  RESPIRATORY_STAGES,
  SEDATION_STAGES,
} from '../src/index.ts';

const HOUR = 3_600_000;

/** A pain patient's history: their drug, a starting dose, and pieces of time each with a dose and concentration (and a dose given at once before it). */
const historyArb = fc.record({
  model: fc.constantFrom('naive' as const, 'tolerant' as const, 'ziconotide' as const),
  startPercent: fc.integer({ min: 0, max: 300 }),
  pieces: fc.array(
    fc.record({
      hours: fc.integer({ min: 1, max: 24 * 60 }),
      /** The dose as a percentage of the need (up to twenty times: decimal slips). */
      percent: fc.integer({ min: 0, max: 2000 }),
      /** Concentration, mcg/mL (morphine up to 25 mg/mL). */
      mcgPerMl: fc.integer({ min: 25, max: 25_000 }),
      /** A dose given at once at the piece's start, percent of a day's need. */
      bolusPercent: fc.constantFrom(0, 0, 0, 50, 200),
      /** Into the pocket over the piece (a disconnection, a tip under the skin), percent of a day's need a day. */
      pocketPercent: fc.constantFrom(0, 0, 0, 100, 10_000),
    }),
    { minLength: 1, maxLength: 6 },
  ),
});

type History = typeof historyArb extends fc.Arbitrary<infer T> ? T : never;

const parametersOf = (h: History) =>
  h.model === 'ziconotide' ? createZiconotideParameters() : createOpioidParameters({ history: h.model });

/** Plays a history, each piece whole or cut into `cuts` equal parts. */
function play(h: History, cuts = 1): PainPatient {
  const p = parametersOf(h);
  const need = p.needMcgPerDay;
  let patient = createPainPatient(p, { at: 0 as Milliseconds, dailyDoseMcg: (need * h.startPercent) / 100 });
  let csf = 0;
  let volume = 0;
  let pocket = 0;
  for (const piece of h.pieces) {
    const start = patient.state.now;
    if (piece.bolusPercent > 0) {
      csf += Math.round((need * piece.bolusPercent * 10_000) / 1);
      patient = advancePainPatient(patient, start, { csf, subdural: 0, epidural: 0, csfVolume: volume, pocket });
    }
    const toPocket = Math.round((need * piece.pocketPercent * 10_000 * piece.hours) / 24);
    const total = Math.round((need * piece.percent * 10_000 * piece.hours) / 24);
    for (let i = 1; i <= cuts; i += 1) {
      const share = Math.round((total * i) / cuts) - Math.round((total * (i - 1)) / cuts);
      csf += share;
      volume += share / piece.mcgPerMl;
      pocket += Math.round((toPocket * i) / cuts) - Math.round((toPocket * (i - 1)) / cuts);
      const at = (start + Math.round((piece.hours * HOUR * i) / cuts)) as Milliseconds;
      patient = advancePainPatient(patient, at, { csf, subdural: 0, epidural: 0, csfVolume: volume, pocket });
    }
  }
  return patient;
}

describe('REQ-PAT-01 the pain patients (morphine, ziconotide)', () => {
  it('REQ-PAT-01 keep every amount finite and non-negative, every figure and stage within its range, the course in time order', () =>
    fc.assert(
      fc.property(historyArb, (h) => {
        const patient = play(h);
        const s = patient.state;
        for (const v of Object.values(s.drug)) {
          expect(Number.isFinite(v)).toBe(true);
          expect(v).toBeGreaterThanOrEqual(0);
        }
        const status = painStatus(patient);
        expect(status.painScore).toBeGreaterThanOrEqual(0);
        expect(status.painScore).toBeLessThanOrEqual(10);
        expect(Number.isInteger(status.painScore)).toBe(true);
        expect(status.respiratoryRatePerMin).toBeGreaterThanOrEqual(0);
        expect(SEDATION_STAGES).toContain(status.sedation);
        expect(RESPIRATORY_STAGES).toContain(status.respiratoryDepression);
        expect(OPIOID_WITHDRAWAL_STAGES).toContain(status.opioidWithdrawal);
        expect(GRANULOMA_STAGES).toContain(status.granuloma);
        expect(NEUROPSYCHIATRIC_STAGES).toContain(status.neuropsychiatric);
        if (patient.drug === 'morphine') {
          const o = patient.state;
          for (const v of Object.values(o.systemic)) {
            expect(Number.isFinite(v)).toBe(true);
            expect(v).toBeGreaterThanOrEqual(0);
          }
          expect(o.dependence).toBeGreaterThanOrEqual(0);
          expect(o.dependence).toBeLessThanOrEqual(1 + 1e-9);
          expect(o.tolerance).toBeGreaterThanOrEqual(1 - 1e-9);
          expect(o.tolerance).toBeLessThanOrEqual(1 + patient.parameters.tolerance.maxIncrease + 1e-9);
          expect(o.granuloma).toBeGreaterThanOrEqual(0);
          expect(o.granuloma).toBeLessThanOrEqual(1);
          expect(o.deficitH).toBeGreaterThanOrEqual(0);
        } else {
          expect(status.respiratoryRatePerMin).toBe(16);
          expect(status.opioidWithdrawal).toBe('none');
        }
        const times = s.log.map((e) => e.at);
        expect([...times].sort((a, b) => a - b)).toEqual(times);
        for (const t of times) expect(t).toBeLessThanOrEqual(s.now);
      }),
    ));

  it('REQ-PAT-01 are exact: the same inputs give the same state, to the last bit', () =>
    fc.assert(
      fc.property(historyArb, (h) => {
        expect(JSON.stringify(play(h))).toBe(JSON.stringify(play(h)));
      }),
    ));

  it('REQ-PAT-01 move the drug the same however time is cut into calls (the linear model is solved exactly)', () =>
    fc.assert(
      fc.property(historyArb, fc.integer({ min: 2, max: 4 }), (h, cuts) => {
        const whole = play(h).state;
        const cut = play(h, cuts).state;
        expect(cut.now).toBe(whole.now);
        for (const key of ['spread', 'csf', 'effect'] as const)
          expect(Math.abs(cut.drug[key] - whole.drug[key])).toBeLessThanOrEqual(1e-6 * Math.max(1, whole.drug[key]));
        if ('systemic' in cut && 'systemic' in whole)
          for (const key of ['pocket', 'blood'] as const)
            expect(Math.abs(cut.systemic[key] - whole.systemic[key])).toBeLessThanOrEqual(
              1e-6 * Math.max(1, whole.systemic[key]),
            );
      }),
    ));
});
