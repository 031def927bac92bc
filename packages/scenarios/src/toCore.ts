import { type McgPerMl, MS_PER_MINUTE, mcgPerDayToPicogramsPerDay, type PumpProgram, type Therapy } from '@itps/core';
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
});
