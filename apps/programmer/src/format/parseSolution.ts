import {
  concentrationFromUnit,
  concentrationInUnit,
  concentrationUnitLabel,
  type DrugId,
  doseFromUnit,
  doseInUnit,
  doseUnitLabel,
  drugOf,
  MAX_ADMIXED,
  type McgPerMl,
  type PicogramsPerDay,
  type SolutionPart,
} from '@itps/core';
import { parseDecimal } from './parseDecimal.ts';

/** The drug screen's fields as typed: the lead drug, its strength, the drugs admixed and (for a new drug) its dose, each in the drug's own unit. */
export interface SolutionEntry {
  readonly drug: DrugId;
  readonly concentration: string;
  readonly admixed: readonly { readonly drug: DrugId; readonly concentration: string }[];
  /** The lead drug's new daily dose, read only when the lead drug is not the pump's. */
  readonly dose: string;
}

/** What the drug screen entered, in base units, or every problem with it. */
export type ParsedSolution =
  | {
      readonly ok: true;
      readonly drug: DrugId;
      readonly concentration: McgPerMl;
      readonly admixed: readonly SolutionPart[];
      /** Absent when the lead drug is the pump's (its dose stays). */
      readonly dose?: PicogramsPerDay;
    }
  | { readonly ok: false; readonly messages: readonly string[] };

/** One concentration typed in its drug's unit, within the library's range, as whole mcg/mL. */
function strength(label: string, drug: DrugId, text: string): { value: McgPerMl } | { message: string } {
  const d = drugOf(drug);
  const unit = concentrationUnitLabel(d);
  const parsed = parseDecimal(label, text, {
    min: concentrationInUnit(d.minConcentration, d),
    max: concentrationInUnit(d.maxConcentration, d),
    unit,
  });
  if (!parsed.ok) return { message: parsed.message };
  const value = concentrationFromUnit(parsed.value, d);
  return value === null
    ? {
        message: `${label}: expected a whole number of mcg/mL${unit === 'mcg/mL' ? '' : ' (to 0.001 mg/mL)'}, found ${text.trim()}.`,
      }
    : { value };
}

/**
 * Reads the drug screen: each concentration in its drug's unit and range, each drug once, at most
 * three admixed, and a new daily dose when the lead drug changes (the old dose was another drug's).
 */
export function parseSolution(entry: SolutionEntry, pumpDrug: DrugId): ParsedSolution {
  const messages: string[] = [];
  const lead = strength('Concentration', entry.drug, entry.concentration);
  if ('message' in lead) messages.push(lead.message);
  const admixed: SolutionPart[] = [];
  const seen = new Set<DrugId>([entry.drug]);
  if (entry.admixed.length > MAX_ADMIXED)
    messages.push(`An admixture holds at most ${MAX_ADMIXED} drugs besides the first.`);
  for (const [i, part] of entry.admixed.entries()) {
    const label = `Admixed ${drugOf(part.drug).shortName} concentration`;
    if (seen.has(part.drug))
      messages.push(
        `Admixed drug ${i + 1}: ${drugOf(part.drug).shortName} is already in the solution; enter each drug once.`,
      );
    seen.add(part.drug);
    const c = strength(label, part.drug, part.concentration);
    if ('message' in c) messages.push(c.message);
    else admixed.push({ drug: part.drug, concentration: c.value });
  }
  let dose: PicogramsPerDay | undefined;
  if (entry.drug !== pumpDrug) {
    const d = drugOf(entry.drug);
    // typed up to two and a half times the hard limit: the gate, not the field, refuses above it
    const parsed = parseDecimal(`New daily dose of ${d.shortName}`, entry.dose, {
      min: 0,
      max: doseInUnit((d.hardMaxDose * 5) as PicogramsPerDay, d) / 2,
      unit: doseUnitLabel(d),
    });
    if (parsed.ok) dose = doseFromUnit(parsed.value, d);
    else messages.push(parsed.message);
  }
  if (messages.length > 0 || 'message' in lead) return { ok: false, messages };
  return { ok: true, drug: entry.drug, concentration: lead.value, admixed, ...(dose === undefined ? {} : { dose }) };
}
