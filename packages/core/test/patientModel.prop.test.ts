import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  advancePatient,
  createDrugStep,
  createPatientParameters,
  createPatientState,
  type Milliseconds,
  OVERDOSE_STAGES,
  type PatientState,
  WITHDRAWAL_STAGES,
} from '../src/index.ts';

const HOUR = 3_600_000;

/** A dosing history: pieces of time, each with the drug (mcg) that reached the CSF and a subdural share. */
const historyArb = fc.record({
  origin: fc.constantFrom('spinal' as const, 'cerebral' as const, 'pediatric' as const),
  seed: fc.integer({ min: 0, max: 10_000 }),
  startDose: fc.integer({ min: 0, max: 1200 }),
  pieces: fc.array(
    fc.record({
      hours: fc.integer({ min: 1, max: 24 * 20 }),
      mcgPerDay: fc.integer({ min: 0, max: 3000 }),
      subduralPercent: fc.integer({ min: 0, max: 100 }),
    }),
    { minLength: 1, maxLength: 8 },
  ),
});

type History = typeof historyArb extends fc.Arbitrary<infer T> ? T : never;

/** Plays a history, each piece either whole or cut into `cuts` equal parts. */
function play(h: History, scale = 1, cuts = 1): PatientState {
  const p = createPatientParameters({ origin: h.origin, seed: h.seed });
  const step = createDrugStep(p);
  let s = createPatientState(p, { at: 0 as Milliseconds, dailyDoseMcg: h.startDose });
  let csf = 0;
  let subdural = 0;
  for (const piece of h.pieces) {
    const pieceStart = s.now;
    const total = Math.round((piece.mcgPerDay * scale * 1_000_000 * piece.hours) / 24);
    const toSubdural = Math.round((total * piece.subduralPercent) / 100);
    for (let i = 1; i <= cuts; i += 1) {
      const share = (x: number) => Math.round((x * i) / cuts) - Math.round((x * (i - 1)) / cuts);
      csf += share(total - toSubdural);
      subdural += share(toSubdural);
      const at = (pieceStart + Math.round((piece.hours * HOUR * i) / cuts)) as Milliseconds;
      s = advancePatient(s, p, step, at, { csf, subdural, epidural: 0 });
    }
  }
  return s;
}

describe('the patient model', () => {
  it('keeps every amount finite and never negative, stages within their lists, the log in time order', () =>
    fc.assert(
      fc.property(historyArb, (h) => {
        const s = play(h);
        for (const v of Object.values(s.drug)) {
          expect(Number.isFinite(v)).toBe(true);
          expect(v).toBeGreaterThanOrEqual(0);
        }
        expect(WITHDRAWAL_STAGES).toContain(s.withdrawal);
        expect(OVERDOSE_STAGES).toContain(s.overdose);
        expect(s.dependence).toBeGreaterThanOrEqual(0);
        expect(s.dependence).toBeLessThanOrEqual(1 + 1e-9);
        expect(s.tolerance).toBeGreaterThanOrEqual(1 - 1e-9);
        const times = s.log.map((e) => e.at);
        expect([...times].sort((a, b) => a - b)).toEqual(times);
      }),
    ));

  it('gives more drug in the CSF and more effect for more drug delivered, never less', () =>
    fc.assert(
      fc.property(historyArb, fc.integer({ min: 101, max: 300 }), (h, percent) => {
        const base = play(h);
        const more = play(h, percent / 100);
        expect(more.drug.effect).toBeGreaterThanOrEqual(base.drug.effect * (1 - 1e-9));
        expect(more.drug.csf).toBeGreaterThanOrEqual(base.drug.csf * (1 - 1e-9));
      }),
    ));

  it('moves the drug the same however time is cut into calls (the linear model is solved exactly)', () =>
    fc.assert(
      fc.property(historyArb, fc.integer({ min: 2, max: 5 }), (h, cuts) => {
        const whole = play(h);
        const cut = play(h, 1, cuts);
        expect(cut.now).toBe(whole.now);
        for (const key of ['spread', 'csf', 'effect', 'subdural', 'epidural'] as const) {
          expect(Math.abs(cut.drug[key] - whole.drug[key])).toBeLessThanOrEqual(1e-5 * Math.max(1, whole.drug[key]));
        }
      }),
    ));
});
