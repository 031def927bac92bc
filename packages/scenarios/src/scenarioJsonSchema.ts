import * as z from 'zod';
import { scenarioSchema } from './scenarioSchema.ts';

/** Where the published schema says it lives (the `$id`); files may name it in `$schema`. */
export const SCENARIO_SCHEMA_ID = 'https://itps.invalid/schema/itps-scenario-1.json';

/**
 * Scenario format 1 as JSON Schema (draft 2020-12), generated from the zod schema the runner
 * validates with, so the two cannot disagree on shape. What JSON Schema cannot say (time order,
 * event and observable names, programs the pump refuses) is still checked by `itps validate`.
 */
export function scenarioJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(scenarioSchema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' });
  return {
    ...schema,
    $id: SCENARIO_SCHEMA_ID,
    title: 'ITPS scenario, format 1',
    description: 'A scenario for the ITPS intrathecal pump simulator (docs/scenario-format.md). Not for clinical use.',
  };
}
