import * as z from 'zod';
import { scenarioSchema } from './scenarioSchema.ts';
import { TRAINEE_ACTION_NAMES } from './training/traineeActions.ts';
import { EVENT_NAMES, OBSERVABLE_NAMES } from './vocabulary.ts';

/** Where the published schema says it lives (the `$id`); files may name it in `$schema`. */
export const SCENARIO_SCHEMA_ID = 'https://itps.invalid/schema/itps-scenario-1.json';

/**
 * Scenario format 1 as JSON Schema (draft 2020-12), generated from the zod schema the runner
 * validates with, so the two cannot disagree on shape, with the names the runner checks added
 * (each observable a `that:` or `atEnd:` may name, each event an expectation or objective may
 * name), so an editor catches a typo in one. What JSON Schema cannot say (time order, programs the
 * pump refuses) is still checked by `itps validate`.
 */
export function scenarioJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(scenarioSchema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' });
  requireObservables(schema);
  nameVocabulary(schema);
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

/**
 * The names the runner knows, as enums: the keys of every `that:` and `atEnd:`, the `event:` of
 * an expectation (`between` or `never`), and the `event:` or `never:` of a training objective
 * (events and the trainee's actions). zod's schema holds them as plain strings; the runner checks
 * them after it (checkScenario), and the two lists are the same constants.
 */
function nameVocabulary(node: unknown): void {
  if (Array.isArray(node)) {
    for (const item of node) nameVocabulary(item);
    return;
  }
  if (node === null || typeof node !== 'object') return;
  const properties = (node as Record<string, unknown>).properties as
    | Record<string, Record<string, unknown>>
    | undefined;
  if (properties !== undefined) {
    for (const key of ['that', 'atEnd'])
      if (properties[key]?.type === 'object') properties[key].propertyNames = { enum: [...OBSERVABLE_NAMES] };
    const objective = properties.text !== undefined;
    for (const key of objective ? ['event', 'never'] : ['event']) {
      const field = properties[key];
      if (field?.type === 'string')
        properties[key] = {
          type: 'string',
          enum: objective ? [...EVENT_NAMES, ...TRAINEE_ACTION_NAMES] : [...EVENT_NAMES],
        };
    }
  }
  for (const value of Object.values(node)) nameVocabulary(value);
}
