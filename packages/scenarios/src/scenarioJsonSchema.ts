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
  requireObservables(schema);
  return {
    ...schema,
    $id: SCENARIO_SCHEMA_ID,
    title: 'ITPS scenario, format 1',
    description: 'A scenario for the ITPS intrathecal pump simulator (docs/scenario-format.md). Not for clinical use.',
  };
}

/** An expectation's `that` must name at least one observable: said in JSON Schema, which zod's record cannot carry. */
function requireObservables(node: unknown): void {
  if (Array.isArray(node)) {
    for (const item of node) requireObservables(item);
    return;
  }
  if (node === null || typeof node !== 'object') return;
  const record = node as Record<string, unknown>;
  const that = (record.properties as Record<string, Record<string, unknown>> | undefined)?.that;
  if (that !== undefined && that.type === 'object') that.minProperties = 1;
  for (const value of Object.values(record)) requireObservables(value);
}
