import { describe, expect, it } from 'vitest';
import {
  amountFromUnit,
  baclofen,
  concentrationFromUnit,
  DRUGS,
  drugOf,
  formatAmount,
  formatConcentration,
  formatDose,
  type McgPerMl,
  morphine,
  type Picograms,
  type PicogramsPerDay,
  solutionStabilityDays,
  ziconotide,
} from '../src/index.ts';

// The figures of the drug library against shared/reference/pain-drugs.md, written out here by hand
// (mg and mcg turned into pg/day and mcg/mL), so a slipped zero in the library fails a test.
const MG_DAY = 1_000_000_000;
const MCG_DAY = 1_000_000;

describe('the drug library', () => {
  it('holds every drug of the program by its id', () => {
    expect(Object.keys(DRUGS)).toEqual(['baclofen', 'morphine', 'ziconotide']);
    expect(drugOf('morphine')).toBe(morphine);
    expect(drugOf('baclofen')).toBe(baclofen);
  });

  it("keeps baclofen's figures as they were", () => {
    expect(baclofen.stockConcentrations).toEqual([50, 500, 1000, 2000]);
    expect([baclofen.minConcentration, baclofen.maxConcentration]).toEqual([1, 2000]);
    expect([baclofen.softMaxDose, baclofen.hardMaxDose]).toEqual([1000 * MCG_DAY, 2000 * MCG_DAY]);
    expect(baclofen.titrationLimitPpm).toEqual({ spinal: 300_000, cerebral: 150_000, pediatric: 150_000 });
    expect(baclofen.decreaseLimitPpm).toBe(200_000);
    expect([baclofen.bolusSoftMax, baclofen.bolusHardMax]).toEqual([100 * MCG_DAY, 300 * MCG_DAY]);
    expect(baclofen.stabilityDays).toBe(180);
    expect(baclofen.doseUnit).toBe('mcg');
    expect(baclofen.patientBolusAllowed).toBe(false);
  });

  it('gives morphine in mg: 10 and 25 mg/mL, 0.2-1 mg/day naive, 1-10 tolerant, caution above 20 mg/day', () => {
    expect(morphine.doseUnit).toBe('mg');
    expect(morphine.stockConcentrations).toEqual([10_000, 25_000]);
    expect(morphine.maxConcentration).toBe(25_000);
    expect(morphine.softMaxConcentration).toBe(20_000);
    expect(morphine.opioidRanges).toEqual({
      naive: { min: 0.2 * MG_DAY, max: 1 * MG_DAY },
      tolerant: { min: 1 * MG_DAY, max: 10 * MG_DAY },
    });
    expect(morphine.softMaxDose).toBe(20 * MG_DAY);
    expect(morphine.hardMaxDose).toBe(30 * MG_DAY);
    expect(morphine.titrationLimitPpm).toEqual({ spinal: 300_000, cerebral: 300_000, pediatric: 300_000 });
    expect(morphine.minIncreaseInterval).toBe(24 * 3_600_000);
    expect(morphine.patientBolusAllowed).toBe(true);
    expect(morphine.words.afterIncrease).toContain('24 to 72 hours');
    expect(morphine.words.afterIncrease).toContain('naloxone');
  });

  it('gives ziconotide: start and step 2.4 mcg/day, 48 h between increases, 19.2 soft and 21.6 hard, no withdrawal', () => {
    expect(ziconotide.doseUnit).toBe('mcg');
    expect(ziconotide.stockConcentrations).toEqual([25, 100]);
    expect(ziconotide.startMaxDose).toBe(2.4 * MCG_DAY);
    expect(ziconotide.titrationStepMax).toBe(2.4 * MCG_DAY);
    expect(ziconotide.titrationLimitPpm).toBeNull();
    expect(ziconotide.minIncreaseInterval).toBe(48 * 3_600_000);
    expect([ziconotide.softMaxDose, ziconotide.hardMaxDose]).toEqual([19.2 * MCG_DAY, 21.6 * MCG_DAY]);
    expect(ziconotide.decreaseLimitPpm).toBeNull();
    expect(ziconotide.words.withdrawal).toContain('no withdrawal');
    expect(ziconotide.words.afterIncrease).toContain('hallucinations');
  });

  it('keeps a solution no longer than its least stable part: 30 days for an admixture, 40 for diluted ziconotide', () => {
    expect(solutionStabilityDays({ drug: 'baclofen', concentration: 500 as McgPerMl })).toBe(180);
    expect(solutionStabilityDays({ drug: 'ziconotide', concentration: 25 as McgPerMl })).toBe(84);
    expect(solutionStabilityDays({ drug: 'ziconotide', concentration: 50 as McgPerMl })).toBe(40);
    expect(
      solutionStabilityDays({ drug: 'baclofen', concentration: 1000 as McgPerMl }, [
        { drug: 'morphine', concentration: 10_000 as McgPerMl },
      ]),
    ).toBe(30);
  });
});

describe('formatDose and formatConcentration', () => {
  it('show each drug in its own unit', () => {
    expect(formatDose((250 * MCG_DAY) as PicogramsPerDay, baclofen)).toBe('250 mcg/day');
    expect(formatDose((10 * MG_DAY) as PicogramsPerDay, morphine)).toBe('10 mg/day');
    expect(formatDose(250_000_000 as PicogramsPerDay, morphine)).toBe('0.25 mg/day');
    expect(formatDose(2_400_000 as PicogramsPerDay, ziconotide)).toBe('2.4 mcg/day');
    expect(formatDose(123_456_789 as PicogramsPerDay, baclofen, 3)).toBe('123.457 mcg/day');
    expect(formatConcentration(500 as McgPerMl, baclofen)).toBe('500 mcg/mL');
    expect(formatConcentration(25_000 as McgPerMl, morphine)).toBe('25 mg/mL');
    expect(formatConcentration(2_500 as McgPerMl, morphine)).toBe('2.5 mg/mL');
    expect(formatAmount(1_500_000_000 as Picograms, morphine)).toBe('1.5 mg');
    expect(formatAmount(50_000_000 as Picograms, baclofen)).toBe('50 mcg');
  });

  it('reads a bolus typed in the drug unit as picograms, to the nearest picogram', () => {
    // 0.5 mg is 5 x 10^8 pg; 0.5 mcg is 5 x 10^5 pg: the unit, not the figure, sets the mass
    expect(amountFromUnit(0.5, morphine)).toBe(500_000_000);
    expect(amountFromUnit(0.5, baclofen)).toBe(500_000);
    expect(amountFromUnit(0.5, ziconotide)).toBe(500_000);
    // 0.1234567891 mg is 123 456 789.1 pg: rounded to 123 456 789
    expect(amountFromUnit(0.1234567891, morphine)).toBe(123_456_789);
  });

  it('reads a concentration typed in the drug unit as whole mcg/mL, or refuses it', () => {
    expect(concentrationFromUnit(2.5, morphine)).toBe(2500);
    expect(concentrationFromUnit(25, morphine)).toBe(25_000);
    expect(concentrationFromUnit(0.0005, morphine)).toBeNull();
    expect(concentrationFromUnit(12.5, baclofen)).toBeNull();
    expect(concentrationFromUnit(0, baclofen)).toBeNull();
    expect(concentrationFromUnit(500, baclofen)).toBe(500);
  });
});
