import type { DrugId } from '../drug/drug.ts';
import { drugOf } from '../drug/drugLibrary.ts';
import { concentrationFromUnit, doseFromUnit } from '../drug/formatDose.ts';
import type { PumpInput } from '../pump/createPumpState.ts';
import type { PumpProgram } from '../pump/program.ts';
import type { McgPerMl, Milliseconds, Nanolitres, PicogramsPerDay } from '../units/quantity.ts';

/** A simple-continuous baclofen program (dose in mcg/day, concentration in mcg/mL). */
export const simpleProgram = (doseMcgPerDay: number, concentrationMcgPerMl = 500): PumpProgram => ({
  drug: 'baclofen',
  concentration: concentrationMcgPerMl as McgPerMl,
  therapy: { mode: 'simple', dose: (doseMcgPerDay * 1_000_000) as PicogramsPerDay },
});

/**
 * A simple-continuous program of any drug of the library, every figure in the drug's own unit
 * (mg/day and mg/mL for morphine), with drugs admixed as `[drug, concentration in its unit]` pairs.
 * @example drugProgram('morphine', 2, 10) is 2 mg/day of morphine at 10 mg/mL
 */
export function drugProgram(
  drug: DrugId,
  dose: number,
  concentration: number,
  admixed: readonly (readonly [DrugId, number])[] = [],
): PumpProgram {
  const strength = (id: DrugId, c: number) => (concentrationFromUnit(c, drugOf(id)) ?? Number.NaN) as McgPerMl;
  return {
    drug,
    concentration: strength(drug, concentration),
    ...(admixed.length > 0
      ? { admixed: admixed.map(([id, c]) => ({ drug: id, concentration: strength(id, c) })) }
      : {}),
    therapy: { mode: 'simple', dose: doseFromUnit(dose, drugOf(drug)) },
  };
}

/** A flex program from `[startHHMM, doseMcgPerDay]` pairs. */
export const flexProgram = (
  steps: readonly (readonly [string, number])[],
  concentrationMcgPerMl = 500,
): PumpProgram => ({
  drug: 'baclofen',
  concentration: concentrationMcgPerMl as McgPerMl,
  therapy: {
    mode: 'flex',
    steps: steps.map(([start, dose]) => {
      const [h, m] = start.split(':').map(Number);
      return { startMinute: (h ?? 0) * 60 + (m ?? 0), dose: (dose * 1_000_000) as PicogramsPerDay };
    }),
  },
});

/**
 * A pump input with sensible defaults (20 mL SynchroMed-like pump full of 500 mcg/mL baclofen at
 * 250 mcg/day, 40 cm of catheter at 0.0026 mL/cm, exact accuracy, new battery); override any field.
 */
export function buildPumpInput(overrides: Partial<PumpInput> = {}): PumpInput {
  return {
    profileId: 'synchromed-ii-20',
    seed: 1,
    accuracy: 'exact',
    timeOfDayAtStart: 0 as Milliseconds,
    program: simpleProgram(250),
    reservoirVolume: 20_000_000 as Nanolitres,
    catheterVolume: 104_000 as Nanolitres,
    primedWith: 'reservoir',
    ageAtStart: 0 as Milliseconds,
    ...overrides,
  };
}

/**
 * The benches' and the lifetime tests' pump: 2000 mcg/mL baclofen on a four-step flex schedule
 * (200, 300, 250, 350 mcg/day from 00:00, 06:00, 12:00, 18:00: a mean of 275 mcg/day), with 60 cm
 * of catheter (156 µL).
 */
export const fourStepFlexInput = (): PumpInput =>
  buildPumpInput({
    program: flexProgram(
      [
        ['00:00', 200],
        ['06:00', 300],
        ['12:00', 250],
        ['18:00', 350],
      ],
      2000,
    ),
    catheterVolume: 156_000 as Nanolitres,
  });
