import { mcgPerDayToPicogramsPerDay, mcgPerMl, type PumpProgram } from '@itps/core';
import { describe, expect, it } from 'vitest';
import { entryErrors } from '../src/index.ts';

// Adversarial checks of the debrief's entry errors (issue 27: "names a tenfold or wrong-concentration
// entry as an error wherever it was made"). `it.fails` marks what is wrong today; remove it once fixed.
const HOUR = 3_600_000;
const when = (at: number) => `${at / HOUR} h`;
const program = (therapy: PumpProgram['therapy'], concentration = 500): PumpProgram => ({
  drug: 'baclofen',
  concentration: mcgPerMl(concentration),
  therapy,
});
const simple = (dose: number, concentration = 500) =>
  program({ mode: 'simple', dose: mcgPerDayToPicogramsPerDay(dose) }, concentration);

describe('attack 27: entry errors the debrief does not name', () => {
  // FOUND, NOW FIXED: 50 mcg/day, stopped at 1 h, restarted at 500 mcg/day at 2 h (a slipped decimal).
  // Each change is judged against the program just before it, and the stopped program "ran" 0, so
  // the tenfold restart is never named. SHOULD: a restart is compared with the dose that ran before
  // the stop, and ten times it is named "Tenfold dose sent to the pump".
  it('names a restart at ten times the dose that ran before the stop', () => {
    const errors = entryErrors(
      [
        {
          at: HOUR,
          kind: 'program',
          old: simple(50),
          new: program({ mode: 'stopped' }),
          trueMcgPerMl: 500,
          refill: false,
        },
        {
          at: 2 * HOUR,
          kind: 'program',
          old: program({ mode: 'stopped' }),
          new: simple(500),
          trueMcgPerMl: 500,
          refill: false,
        },
      ],
      when,
    );
    expect(errors.map((e) => e.text)).toContain('Tenfold dose sent to the pump');
  });

  // FOUND, NOW FIXED: a priming bolus of 5 mL of 2000 mcg/mL (the tubing and catheter hold 0.3 mL) gives
  // 10 000 mcg; the concentration is right, so nothing is named (only a single bolus is compared with
  // the usual maximum). SHOULD: any bolus whose real drug is above the library's usual maximum for one
  // bolus (100 mcg) is named, whatever its kind (priming and bridge included).
  it('names a priming bolus that gives 10 000 mcg', () => {
    const errors = entryErrors(
      [
        {
          at: HOUR,
          kind: 'bolus',
          bolus: 'priming',
          volumeNl: 5_000_000,
          programmedMcgPerMl: 2000,
          trueMcgPerMl: 2000,
        },
      ],
      when,
    );
    expect(errors).not.toEqual([]);
  });
});
