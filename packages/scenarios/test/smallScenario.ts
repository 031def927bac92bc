import { type ScenarioFile, scenarioSchema } from '../src/index.ts';

/** A small valid scenario: a 20 mL SynchroMed-like pump at 500 mcg/mL giving 250 mcg/day, for two days. */
export const SMALL_SCENARIO = {
  format: 'itps-scenario/1',
  name: 'small',
  duration: 'P2D',
  pump: {
    model: 'synchromed-ii-20',
    reservoir: { volumeMl: 20, drug: 'baclofen', concentrationMcgPerMl: 500 },
    catheter: { implantedLengthCm: 40 },
    therapy: { mode: 'simple', doseMcgPerDay: 250 },
  },
} as const;

/**
 * The small scenario with some top-level fields replaced, through the schema (times parsed into
 * milliseconds) but not the checks after it, so tests can hand the runner what `checkScenario` refuses.
 */
export const smallScenario = (over: Record<string, unknown> = {}): ScenarioFile => {
  const parsed = scenarioSchema.safeParse({ ...SMALL_SCENARIO, ...over });
  if (!parsed.success) throw new Error(`smallScenario: ${parsed.error.message}`);
  return parsed.data;
};
