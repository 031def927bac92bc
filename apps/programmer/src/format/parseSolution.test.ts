import { describe, expect, it } from 'vitest';
import { parseSolution } from './parseSolution.ts';

describe('parseSolution', () => {
  it('reads each concentration in its own drug unit: 25 mg/mL of morphine is 25 000 mcg/mL', () => {
    expect(
      parseSolution(
        { drug: 'morphine', concentration: '25', admixed: [{ drug: 'baclofen', concentration: '1000' }], dose: '2' },
        'baclofen',
      ),
    ).toEqual({
      ok: true,
      drug: 'morphine',
      concentration: 25_000,
      admixed: [{ drug: 'baclofen', concentration: 1000 }],
      dose: 2_000_000_000,
    });
  });
  it('keeps the dose when the lead drug is the pump’s, and names every problem', () => {
    expect(parseSolution({ drug: 'baclofen', concentration: '500', admixed: [], dose: '' }, 'baclofen')).toEqual({
      ok: true,
      drug: 'baclofen',
      concentration: 500,
      admixed: [],
    });
    const bad = parseSolution(
      {
        drug: 'morphine',
        concentration: '30',
        admixed: [
          { drug: 'morphine', concentration: '10' },
          { drug: 'baclofen', concentration: '12.5' },
        ],
        dose: '',
      },
      'baclofen',
    );
    expect(bad).toEqual({
      ok: false,
      messages: [
        'Concentration: expected a number from 0.1 to 25 mg/mL, found 30 mg/mL.',
        'Admixed drug 1: morphine is already in the solution; enter each drug once.',
        'Admixed baclofen concentration: expected a whole number of mcg/mL, found 12.5.',
        'New daily dose of morphine: expected a number from 0 to 75 mg/day, found nothing.',
      ],
    });
  });
});
