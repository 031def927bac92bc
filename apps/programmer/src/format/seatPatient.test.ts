import type { SeatSummary } from '@itps/scenarios';
import { describe, expect, it } from 'vitest';
import { patientInDanger, patientWords } from './seatPatient.ts';

const seat = (patient: SeatSummary['patient']) => ({ patient }) as SeatSummary;

describe("the console row's patient", () => {
  it('marks respiratory depression, coma and severe withdrawal as danger, in words', () => {
    expect(patientWords(seat({ overdose: 'respiratoryDepression', withdrawal: 'none' }))).toBe(
      'In danger: respiratory depression',
    );
    expect(patientInDanger(seat({ overdose: 'respiratoryDepression', withdrawal: 'none' }))).toBe(true);
    expect(patientInDanger(seat({ overdose: 'coma', withdrawal: 'none' }))).toBe(true);
    expect(patientWords(seat({ overdose: 'none', withdrawal: 'severe' }))).toBe('In danger: severe withdrawal');
  });

  it('says the other stages plainly and does not mark them', () => {
    expect(patientWords(seat({ overdose: 'somnolent', withdrawal: 'none' }))).toBe('somnolent');
    expect(patientInDanger(seat({ overdose: 'somnolent', withdrawal: 'moderate' }))).toBe(false);
    expect(patientWords(seat({ overdose: 'none', withdrawal: 'none' }))).toBe('stable');
    expect(patientWords(seat(null))).toBe('no patient');
  });
});
