import { doseToRate, rateToDose } from '../drug/doseToRate.ts';
import type { DrugId } from '../drug/drug.ts';
import type { McgPerMl, PicogramsPerDay } from '../units/quantity.ts';
import type { PumpProgram, Therapy } from './program.ts';

/** One drug of a program and the therapy as it gives that drug. */
export interface DrugTherapy {
  readonly drug: DrugId;
  readonly concentration: McgPerMl;
  /** Whether this is the lead drug (the one whose dose the program states). */
  readonly lead: boolean;
  readonly therapy: Therapy;
}

/**
 * The same therapy as it gives a drug admixed at `concentration` beside a lead drug at
 * `leadConcentration`: every dose becomes the flow the pump runs for the lead drug's dose (nearest
 * nL/day, as the pump rounds it) times the admixed drug's concentration.
 * @example 10 mg/day of morphine at 25 mg/mL is 0.4 mL/day; baclofen admixed at 1000 mcg/mL then gets 400 mcg/day
 */
export function admixedTherapy(therapy: Therapy, leadConcentration: McgPerMl, concentration: McgPerMl): Therapy {
  const dose = (d: PicogramsPerDay) => rateToDose(doseToRate(d, leadConcentration), concentration);
  if (therapy.mode === 'simple') return { mode: 'simple', dose: dose(therapy.dose) };
  if (therapy.mode === 'flex')
    return { mode: 'flex', steps: therapy.steps.map((s) => ({ startMinute: s.startMinute, dose: dose(s.dose) })) };
  return therapy;
}

/** Every drug of a program, the lead drug first, each with the therapy as it gives that drug. */
export function drugTherapies(program: PumpProgram): DrugTherapy[] {
  return [
    { drug: program.drug, concentration: program.concentration, lead: true, therapy: program.therapy },
    ...(program.admixed ?? []).map((part) => ({
      drug: part.drug,
      concentration: part.concentration,
      lead: false,
      therapy: admixedTherapy(program.therapy, program.concentration, part.concentration),
    })),
  ];
}
