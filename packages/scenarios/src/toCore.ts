import {
  type McgPerMl,
  MS_PER_MINUTE,
  mcgPerDayToPicogramsPerDay,
  type Picograms,
  type PtmSettings,
  type PumpProgram,
  type Therapy,
} from '@itps/core';
import type { ScenarioTherapy } from './scenarioSchema.ts';

/** A validated therapy (mcg/day, step starts in ms after midnight) as the core's. */
export function toTherapy(t: ScenarioTherapy): Therapy {
  switch (t.mode) {
    case 'simple':
      return { mode: 'simple', dose: mcgPerDayToPicogramsPerDay(t.doseMcgPerDay) };
    case 'flex':
      return {
        mode: 'flex',
        steps: t.steps.map((s) => ({
          startMinute: s.start / MS_PER_MINUTE,
          dose: mcgPerDayToPicogramsPerDay(s.doseMcgPerDay),
        })),
      };
    case 'minimum':
      return { mode: 'minimum' };
    case 'stopped':
      return { mode: 'stopped' };
  }
}

/** A therapy at a concentration as the core's program. */
export const toProgram = (t: ScenarioTherapy, concentrationMcgPerMl: number): PumpProgram => ({
  drug: 'baclofen',
  concentration: concentrationMcgPerMl as McgPerMl,
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
