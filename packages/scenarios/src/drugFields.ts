import {
  concentrationFromUnit,
  type DrugId,
  drugOf,
  formatConcentration,
  type McgPerMl,
  type Solution,
  type SolutionPart,
} from '@itps/core';
import type { AdmixturePart, ConcentrationFields, DoseFields, ScenarioTherapy } from './scenarioSchema.ts';

// A scenario file carries each quantity in the unit its drug is shown in (docs/units.md): baclofen
// and ziconotide in mcg/mL and mcg/day, morphine in mg/mL and mg/day. The field's name says the
// unit; exactly one field, and the one that fits the drug, or a problem that names both.

type ConcentrationField = 'concentrationMcgPerMl' | 'concentrationMgPerMl';
type DoseField = 'doseMcgPerDay' | 'doseMgPerDay';

/** The concentration field that fits a drug: `concentrationMgPerMl` for morphine, `concentrationMcgPerMl` for the others. */
export const concentrationFieldOf = (drug: DrugId): ConcentrationField =>
  drugOf(drug).doseUnit === 'mg' ? 'concentrationMgPerMl' : 'concentrationMcgPerMl';

/** The daily-dose field that fits a drug: `doseMgPerDay` for morphine, `doseMcgPerDay` for the others. */
export const doseFieldOf = (drug: DrugId): DoseField =>
  drugOf(drug).doseUnit === 'mg' ? 'doseMgPerDay' : 'doseMcgPerDay';

/** A problem with a file's field: where, what was expected, what was found. */
export interface FieldProblem {
  readonly path: string;
  readonly expected: string;
  readonly found: string;
}

/**
 * What is wrong with a concentration written for `drug` at `path` (the mapping that holds it):
 * no unit field, both, the one that does not fit the drug, a figure that is no whole mcg/mL, or one
 * outside the drug's range.
 */
export function concentrationProblems(f: ConcentrationFields, drug: DrugId, path: string): FieldProblem[] {
  const fits = concentrationFieldOf(drug);
  const other: ConcentrationField = fits === 'concentrationMgPerMl' ? 'concentrationMcgPerMl' : 'concentrationMgPerMl';
  const lib = drugOf(drug);
  const range = `${formatConcentration(lib.minConcentration, lib)} to ${formatConcentration(lib.maxConcentration, lib)}`;
  if (f[fits] === undefined && f[other] === undefined)
    return [{ path: `${path}.${fits}`, expected: `${drug}'s concentration in ${fits} (${range})`, found: 'nothing' }];
  if (f[other] !== undefined)
    return [
      {
        path: `${path}.${other}`,
        expected: `${fits} for ${drug} (its unit is ${lib.doseUnit}/mL), not ${other}`,
        found: `${other}: ${f[other]}`,
      },
    ];
  const c = concentrationOfFields(f);
  if (c === null || c < lib.minConcentration || c > lib.maxConcentration)
    return [
      {
        path: `${path}.${fits}`,
        expected: `${drug} at ${range}${c === null ? ', a whole number of mcg/mL' : ''}`,
        found: String(f[fits]),
      },
    ];
  return [];
}

/** The concentration a file writes, in mcg/mL; null when it is no whole mcg/mL. Check it first ({@link concentrationProblems}). */
export function concentrationOfFields(f: ConcentrationFields): McgPerMl | null {
  if (f.concentrationMcgPerMl !== undefined) return f.concentrationMcgPerMl as McgPerMl;
  // 1 mg/mL is 1000 mcg/mL, whatever the drug (the field's name says the unit)
  if (f.concentrationMgPerMl !== undefined) return concentrationFromUnit(f.concentrationMgPerMl, drugOf('morphine'));
  return null;
}

/** What is wrong with a daily dose written for a program led by `drug` at `path`: no field, the wrong one, or both. */
export function doseProblems(f: DoseFields, drug: DrugId, path: string): FieldProblem[] {
  const fits = doseFieldOf(drug);
  const other: DoseField = fits === 'doseMgPerDay' ? 'doseMcgPerDay' : 'doseMgPerDay';
  const lib = drugOf(drug);
  if (f[other] !== undefined)
    return [
      {
        path: `${path}.${other}`,
        expected: `${fits} for a program led by ${drug} (its doses are in ${lib.doseUnit}/day), not ${other}`,
        found: `${other}: ${f[other]}`,
      },
    ];
  if (f[fits] === undefined)
    return [{ path: `${path}.${fits}`, expected: `the daily dose of ${drug}`, found: 'nothing' }];
  return [];
}

/**
 * What is wrong with an admixture beside a lead drug at `path`: a drug twice or the lead drug again,
 * and each part's concentration.
 */
export function admixtureProblems(parts: readonly AdmixturePart[], lead: DrugId, path: string): FieldProblem[] {
  const seen = new Set<DrugId>([lead]);
  return parts.flatMap((part, i) => {
    const at = `${path}[${i}]`;
    if (seen.has(part.drug))
      return [
        {
          path: `${at}.drug`,
          expected: `a drug not already in the solution (${[...seen].join(', ')})`,
          found: part.drug,
        },
      ];
    seen.add(part.drug);
    return concentrationProblems(part, part.drug, at);
  });
}

/** The admixed drugs as the core's parts (checked first). */
export const admixedParts = (parts: readonly AdmixturePart[] | undefined): SolutionPart[] =>
  (parts ?? []).map((p) => ({ drug: p.drug, concentration: concentrationOfFields(p) as McgPerMl }));

/** A lead drug at its concentration and the admixed drugs as one solution (checked first). */
export const solutionOfFields = (
  drug: DrugId,
  f: ConcentrationFields,
  admixture: readonly AdmixturePart[] | undefined,
): Solution => [{ drug, concentration: concentrationOfFields(f) as McgPerMl }, ...admixedParts(admixture)];

/** What is wrong with a therapy's doses for a program led by `drug` (each flex step's too). */
export function therapyDoseProblems(t: ScenarioTherapy, drug: DrugId, path: string): FieldProblem[] {
  if (t.mode === 'simple') return doseProblems(t, drug, path);
  if (t.mode === 'flex') return t.steps.flatMap((step, i) => doseProblems(step, drug, `${path}.steps[${i}]`));
  return [];
}

/**
 * The lead concentration a refill leaves entered in the programmer: what the clinician types
 * (`entered`), else what was injected (checked first).
 */
export function enteredConcentration(
  a: ConcentrationFields & { readonly entered?: ConcentrationFields | undefined },
): McgPerMl {
  const typed = a.entered === undefined ? null : concentrationOfFields(a.entered);
  return (typed ?? concentrationOfFields(a)) as McgPerMl;
}
