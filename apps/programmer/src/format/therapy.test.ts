import type { DiffRow, McgPerMl, Milliseconds, PicogramsPerDay, PumpProgram } from '@itps/core';
import { describe, expect, it } from 'vitest';
import { diffDrugs, drugDoseLines, formatDiffRow, formatTherapy } from './therapy.ts';
import { formatDailyDose, formatSolution } from './units.ts';

const clock = (at: Milliseconds) => `t${at}`;

describe('doses in each drug’s own unit', () => {
  it('writes baclofen in mcg/day as before, and morphine in mg/day', () => {
    expect(formatDailyDose(250_000_000 as PicogramsPerDay, 'baclofen')).toBe('250.0 mcg/day');
    expect(formatDailyDose(2_000_000_000 as PicogramsPerDay, 'morphine')).toBe('2.000 mg/day');
    expect(formatTherapy({ mode: 'simple', dose: 250_000_000 as PicogramsPerDay })).toBe(
      'Simple continuous, 250.0 mcg/day',
    );
    expect(formatTherapy({ mode: 'simple', dose: 500_000_000 as PicogramsPerDay }, 'morphine')).toBe(
      'Simple continuous, 0.500 mg/day',
    );
    expect(
      formatSolution([
        { drug: 'morphine', concentration: 25_000 as McgPerMl },
        { drug: 'baclofen', concentration: 1000 as McgPerMl },
      ]),
    ).toBe('morphine 25 mg/mL + baclofen 1000 mcg/mL');
  });

  it('lists each drug’s dose of an admixture: the flow times its concentration', () => {
    // 2 mg/day of morphine at 25 mg/mL is 0.08 mL/day; baclofen at 1000 mcg/mL then gets 80 mcg/day
    const program: PumpProgram = {
      drug: 'morphine',
      concentration: 25_000 as McgPerMl,
      admixed: [{ drug: 'baclofen', concentration: 1000 as McgPerMl }],
      therapy: { mode: 'simple', dose: 2_000_000_000 as PicogramsPerDay },
    };
    expect(drugDoseLines(program)).toEqual(['morphine 2.000 mg/day', 'baclofen 80.0 mcg/day (admixed)']);
  });

  it('reads a review’s rows in the drugs before and after a change of drug', () => {
    const diff: DiffRow[] = [
      {
        field: 'solution',
        old: [{ drug: 'baclofen', concentration: 500 as McgPerMl }],
        new: [
          { drug: 'morphine', concentration: 25_000 as McgPerMl },
          { drug: 'baclofen', concentration: 1000 as McgPerMl },
        ],
      },
      { field: 'dailyTotal', old: 250_000_000 as PicogramsPerDay, new: 2_000_000_000 as PicogramsPerDay },
      { field: 'concentration', old: 500 as McgPerMl, new: 25_000 as McgPerMl },
      { field: 'drugDose', drug: 'baclofen', old: null, new: 80_000_000 as PicogramsPerDay },
    ];
    const drugs = diffDrugs(diff, 'baclofen');
    expect(drugs).toEqual({ old: 'baclofen', new: 'morphine' });
    expect(diff.map((r) => formatDiffRow(r, clock, drugs))).toEqual([
      {
        label: 'Drugs in the reservoir',
        old: 'baclofen 500 mcg/mL',
        new: 'morphine 25 mg/mL + baclofen 1000 mcg/mL',
      },
      { label: '24-hour total (lead drug)', old: '250.0 mcg/day', new: '2.000 mg/day' },
      { label: 'Concentration', old: '500 mcg/mL', new: '25 mg/mL' },
      { label: '24-hour baclofen (admixed)', old: 'none', new: '80.0 mcg/day' },
    ]);
  });
});
