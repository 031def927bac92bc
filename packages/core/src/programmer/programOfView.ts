import type { PumpProgram } from '../pump/program.ts';
import type { PumpBeliefView } from '../pump/pumpStatus.ts';

/**
 * The program a pump holds, as an interrogation read it: its drug, concentration, admixture (only
 * when there is one, so a single drug's program reads as it always has) and therapy.
 */
export const programOfView = (view: PumpBeliefView): PumpProgram => ({
  drug: view.drug,
  concentration: view.concentration,
  ...(view.admixed.length > 0 ? { admixed: view.admixed } : {}),
  therapy: view.therapy,
  // a program with the patient's therapy manager keeps it through a dose change
  ...(view.ptm == null ? {} : { ptm: view.ptm }),
});

/** Whether two programs are the same program, whatever order their fields were written in. */
export function sameProgram(a: PumpProgram, b: PumpProgram): boolean {
  const canonical = (p: PumpProgram) =>
    JSON.stringify(p, (_key, value: unknown) =>
      value !== null && typeof value === 'object' && !Array.isArray(value)
        ? Object.fromEntries(Object.entries(value).sort(([x], [y]) => (x < y ? -1 : 1)))
        : value,
    );
  // (an object's keys are never equal, so the order needs no third case)
  // an empty admixture is no admixture
  const plain = (p: PumpProgram): unknown => (p.admixed?.length === 0 ? { ...p, admixed: undefined } : p);
  return canonical(plain(a) as PumpProgram) === canonical(plain(b) as PumpProgram);
}
