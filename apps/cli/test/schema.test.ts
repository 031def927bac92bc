import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EVENT_NAMES, OBSERVABLE_NAMES } from '@itps/scenarios';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { itps, ROOT } from './itps.ts';

// The JSON Schema `itps schema` prints, judged by a JSON Schema validator that is not zod: it
// accepts every file the project ships and refuses what the format refuses.
const printed = itps(['schema']);
const schema = JSON.parse(printed.stdout) as Record<string, unknown>;
const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);
const shipped = ['packages/scenarios/scenarios', 'packages/scenarios/training'].flatMap((dir) =>
  readdirSync(join(ROOT, dir))
    .filter((f) => /\.scenario\.(ya?ml|json)$/.test(f))
    .map((f) => join(dir, f)),
);
const example = parse(readFileSync(join(ROOT, 'packages/scenarios/scenarios/contract-example.scenario.yaml'), 'utf8'));

describe('itps schema', () => {
  it('prints JSON Schema 2020-12 with its $id, exit 0', () => {
    expect(printed.code).toBe(0);
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.$id).toBe('https://itps.invalid/schema/itps-scenario-1.json');
  });

  it.each(shipped)('accepts %s', (file) => {
    const ok = validate(parse(readFileSync(join(ROOT, file), 'utf8')));
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    expect(shipped.length).toBeGreaterThan(35);
  });

  it.each([
    ['an unknown field', { ...example, colour: 'red' }],
    ['no format', { ...example, format: undefined }],
    ['a duration that is not ISO 8601', { ...example, duration: '60 days' }],
    ['a duration of P alone', { ...example, duration: 'P' }],
    ['an unknown pump model', { ...example, pump: { ...example.pump, model: 'acme-1' } }],
    [
      'a negative reservoir',
      { ...example, pump: { ...example.pump, reservoir: { ...example.pump.reservoir, volumeMl: -1 } } },
    ],
    ['an empty that', { ...example, expect: [{ at: 'P1D', that: {} }] }],
    ['an unknown action', { ...example, timeline: [{ at: 'P1D', action: 'teleport' }] }],
    ['a string for a number', { ...example, pump: { ...example.pump, lowReservoirAlarmMl: 'two' } }],
    // the names the runner knows: an editor catches a typo in one
    ['a typo in an observable', { ...example, expect: [{ at: 'P1D', that: { 'pump.reservoirML': 5 } }] }],
    ['an unknown alarm', { ...example, expect: [{ at: 'P1D', that: { 'alarm.lowBattery': 'active' } }] }],
    ['a typo in an event', { ...example, expect: [{ event: 'alarm.lowReservoir.rised', never: true }] }],
  ])('refuses %s', (_, doc) => {
    expect(validate(JSON.parse(JSON.stringify(doc)))).toBe(false);
  });

  it('knows every observable and event name the runner knows, and no other', () => {
    const ok = (that: Record<string, unknown>) => validate({ ...example, expect: [{ at: 'P1D', that }] });
    for (const name of OBSERVABLE_NAMES) expect(ok({ [name]: name.startsWith('alarm.') ? 'active' : 1 })).toBe(true);
    for (const event of EVENT_NAMES) expect(validate({ ...example, expect: [{ event, never: true }] })).toBe(true);
    expect(ok({ 'truth.deliveredMcg': 1, 'truth.deliverdMcg': 1 })).toBe(false);
  });

  it('lets a file name the schema with $schema, which the runner then ignores', () => {
    expect(validate({ $schema: 'https://itps.invalid/schema/itps-scenario-1.json', ...example })).toBe(true);
  });
});
