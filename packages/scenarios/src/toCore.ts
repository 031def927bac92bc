import {
  type DrugId,
  doseFromUnit,
  drugOf,
  type McgPerMl,
  MS_PER_MINUTE,
  mcgPerDayToPicogramsPerDay,
  type Picograms,
  type PicogramsPerDay,
  type PtmSettings,
  type PumpProgram,
  type SolutionPart,
  type Therapy,
} from '@itps/core';
import { admixedParts, concentrationOfFields } from './drugFields.ts';
import type { DoseFields, ScenarioFile, ScenarioTherapy } from './scenarioSchema.ts';

/** A daily dose as written, in whichever unit field it is (checked first: exactly the one that fits), in pg/day. */
const doseOf = (f: DoseFields): PicogramsPerDay =>
  f.doseMgPerDay !== undefined
    ? doseFromUnit(f.doseMgPerDay, drugOf('morphine'))
    : mcgPerDayToPicogramsPerDay(f.doseMcgPerDay ?? 0);

/** A validated therapy (mcg/day or mg/day, step starts in ms after midnight) as the core's. */
export function toTherapy(t: ScenarioTherapy): Therapy {
  switch (t.mode) {
    case 'simple':
      return { mode: 'simple', dose: doseOf(t) };
    case 'flex':
      return {
        mode: 'flex',
        steps: t.steps.map((s) => ({ startMinute: s.start / MS_PER_MINUTE, dose: doseOf(s) })),
      };
    case 'minimum':
      return { mode: 'minimum' };
    case 'stopped':
      return { mode: 'stopped' };
  }
}

/**
 * A therapy at a concentration as the core's program: the lead drug (baclofen unless named) at
 * `concentrationMcgPerMl`, and the admixed drugs, if any.
 */
export const toProgram = (
  t: ScenarioTherapy,
  concentrationMcgPerMl: number,
  drug: DrugId = 'baclofen',
  admixed: readonly SolutionPart[] = [],
): PumpProgram => ({
  drug,
  concentration: concentrationMcgPerMl as McgPerMl,
  ...(admixed.length > 0 ? { admixed } : {}),
  therapy: toTherapy(t),
  ...ptmOf(t),
});

/** The PTM settings a therapy carries, as the core's (absent when it has none). */
export function ptmOf(t: ScenarioTherapy): { readonly ptm?: PtmSettings } {
  if ((t.mode !== 'simple' && t.mode !== 'flex') || t.ptm === undefined) return {};
  const { bolusDoseMcg, bolusDoseMg, bolusDuration, lockout, maxPerDay } = t.ptm;
  // the checks after the schema ask for exactly one dose field; mg and mcg are exact decimal scalings of pg
  const bolusDose = Math.round(bolusDoseMg !== undefined ? bolusDoseMg * 1e9 : (bolusDoseMcg ?? 0) * 1e6) as Picograms;
  return { ptm: { bolusDose, bolusDurationMs: bolusDuration, lockoutMs: lockout, maxPerDay } };
}

/** The program a scenario's pump starts with: its therapy for the reservoir's lead drug and admixture (checked first). */
export const scenarioProgram = (s: ScenarioFile): PumpProgram => {
  const r = s.pump.reservoir;
  return toProgram(s.pump.therapy, concentrationOfFields(r) ?? 0, r.drug, admixedParts(r.admixture));
};
