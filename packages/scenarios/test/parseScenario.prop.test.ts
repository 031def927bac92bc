import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { formatPath, parseScenario, runScenario } from '../src/index.ts';

const example = readFileSync(new URL('../scenarios/contract-example.scenario.yaml', import.meta.url), 'utf8');
const exampleDoc = JSON.parse(JSON.stringify((await import('yaml')).parse(example)));

/** Any JSON value, small. */
const anyValue = fc.jsonValue({ maxDepth: 3 });

/** The example with one field, anywhere, replaced by something random (or removed). */
const mutated = fc.tuple(fc.nat(), anyValue, fc.boolean()).map(([pick, replacement, remove]) => {
  const doc = structuredClone(exampleDoc);
  const slots: { parent: Record<string, unknown> | unknown[]; key: string | number }[] = [];
  const walk = (node: unknown) => {
    if (node === null || typeof node !== 'object') return;
    for (const [k, v] of Object.entries(node)) {
      slots.push({ parent: node as Record<string, unknown>, key: Array.isArray(node) ? Number(k) : k });
      walk(v);
    }
  };
  walk(doc);
  const slot = slots[pick % slots.length];
  if (slot !== undefined) {
    if (remove && !Array.isArray(slot.parent)) delete (slot.parent as Record<string, unknown>)[slot.key as string];
    else (slot.parent as Record<string | number, unknown>)[slot.key] = replacement;
  }
  return doc;
});

const texts = fc.oneof(
  fc.string(),
  anyValue.map((v) => JSON.stringify(v)),
  anyValue.map((v) => stringify(v)),
  mutated.map((d) => stringify(d)),
  mutated.map((d) => JSON.stringify(d)),
  fc
    .tuple(fc.string(), fc.nat())
    .map(([junk, at]) => example.slice(0, at % example.length) + junk + example.slice(at % example.length)),
);

describe('scenario parser under fuzzing', () => {
  it('never throws: every input either runs or gives problems naming file, path, expected and found', () => {
    fc.assert(
      fc.property(texts, (text) => {
        const parsed = parseScenario(text, 'fuzz.yaml');
        if (parsed.ok) {
          const report = runScenario(parsed.scenario);
          expect(typeof report.passed).toBe('boolean');
        } else {
          expect(parsed.problems.length).toBeGreaterThan(0);
          for (const p of parsed.problems) {
            expect(p.file).toBe('fuzz.yaml');
            expect(typeof p.path).toBe('string');
            expect(p.expected.length).toBeGreaterThan(0);
            expect(p.found.length).toBeGreaterThan(0);
          }
        }
      }),
      { numRuns: Math.max(10_000, fc.readConfigureGlobal().numRuns ?? 0) },
    );
    // budgeted by its runs (10 000 at least), not by time: 30 s alone, 132 s beside the coverage run
    // and other jobs on two cores, where 120 s failed it; the time-out only catches a hang
  }, 900_000);

  it('refuses a field the format does not have, wherever it is added, naming its path', () => {
    // every object of the example (the document, the pump, its reservoir, each timeline action, each
    // expectation) is strict: an unknown key anywhere is a problem at that key's path, and nothing runs
    const objects: { keys: (string | number)[]; node: Record<string, unknown> }[] = [];
    const walk = (node: unknown, keys: (string | number)[]) => {
      if (node === null || typeof node !== 'object') return;
      if (!Array.isArray(node)) objects.push({ keys, node: node as Record<string, unknown> });
      for (const [k, v] of Object.entries(node)) walk(v, [...keys, Array.isArray(node) ? Number(k) : k]);
    };
    walk(exampleDoc, []);
    // a `that:` record is keyed by observable names (checked against the vocabulary elsewhere)
    const strict = objects.filter(({ keys }) => keys.at(-1) !== 'that');
    fc.assert(
      fc.property(fc.nat(), fc.stringMatching(/^[a-z][a-zA-Z]{2,12}$/), anyValue, (pick, name, value) => {
        const target = strict[pick % strict.length];
        if (target === undefined || name in target.node) return;
        const doc = structuredClone(exampleDoc);
        let node: Record<string | number, unknown> = doc;
        for (const key of target.keys) node = node[key] as Record<string | number, unknown>;
        node[name] = value;
        const parsed = parseScenario(JSON.stringify(doc), 'extra.json');
        expect(parsed.ok).toBe(false);
        if (parsed.ok) return;
        expect(parsed.problems).toContainEqual(
          expect.objectContaining({
            path: formatPath([...target.keys, name]),
            expected: 'no such field (see the format)',
          }),
        );
      }),
      { numRuns: Math.max(500, fc.readConfigureGlobal().numRuns ?? 0) },
    );
  });
});
