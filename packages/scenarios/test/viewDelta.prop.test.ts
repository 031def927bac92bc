import fc from 'fast-check';
import { applyPatch, deepClone } from 'fast-json-patch';
import { describe, expect, it } from 'vitest';
import { applyViewDelta, viewDelta } from '../src/index.ts';

/** A value as JSON carries it. */
const asJson = (v: unknown): unknown => JSON.parse(JSON.stringify(v) ?? 'null');

/** A JSON value and a second made from it by small edits (what a view does from one push to the next). */
const editedPair = fc.jsonValue({ maxDepth: 4 }).chain((before) =>
  fc
    .array(fc.tuple(fc.nat(), fc.jsonValue({ maxDepth: 2 }), fc.constantFrom('set', 'drop', 'append')), {
      maxLength: 6,
    })
    .map((edits) => {
      const after = asJson(before);
      for (const [at, value, how] of edits) {
        // walk to a container at a random depth
        let node: unknown = after;
        let steps = at % 4;
        while (steps-- > 0 && node !== null && typeof node === 'object') {
          const keys = Object.keys(node);
          if (keys.length === 0) break;
          const next = (node as Record<string, unknown>)[keys[at % keys.length] as string];
          if (next === null || typeof next !== 'object') break;
          node = next;
        }
        if (Array.isArray(node)) {
          if (how === 'append') node.push(value);
          else if (how === 'drop') node.pop();
          else if (node.length > 0) node[at % node.length] = value;
        } else if (node !== null && typeof node === 'object') {
          const keys = Object.keys(node);
          const key = how === 'append' || keys.length === 0 ? `k${at}` : (keys[at % keys.length] as string);
          if (how === 'drop') delete (node as Record<string, unknown>)[key];
          else (node as Record<string, unknown>)[key] = value;
        }
      }
      return [before, after] as const;
    }),
);

/** Whether a field named `__proto__` lies anywhere in a JSON value. */
const hasProtoField = (v: unknown): boolean =>
  v !== null &&
  typeof v === 'object' &&
  (Object.hasOwn(v, '__proto__') || Object.values(v as Record<string, unknown>).some(hasProtoField));

const anyPair = fc.oneof(editedPair, fc.tuple(fc.jsonValue({ maxDepth: 4 }), fc.jsonValue({ maxDepth: 4 })));

describe('REQ-CLASS-02: a view sent as its changes is the view', () => {
  it('REQ-CLASS-02: applying the delta to the view before gives the view after, and leaves the one before as it was', () => {
    fc.assert(
      fc.property(anyPair, ([before, after]) => {
        const kept = JSON.stringify(before);
        const ops = viewDelta(before, after);
        expect(asJson(applyViewDelta(before, ops))).toEqual(asJson(after));
        expect(JSON.stringify(before)).toBe(kept);
      }),
      { numRuns: 1000 },
    );
  });

  it('REQ-CLASS-02: the delta is a JSON Patch (RFC 6902) that another implementation applies to the same view', () => {
    fc.assert(
      fc.property(anyPair, ([before, after]) => {
        // fast-json-patch refuses any path through `__proto__` by design (prototype pollution); the
        // product's own applier is held to such fields by the property above
        fc.pre(!hasProtoField(before) && !hasProtoField(after));
        const ops = viewDelta(before, after);
        const patched = applyPatch(deepClone(before), deepClone(ops), true, false).newDocument;
        expect(asJson(patched)).toEqual(asJson(after));
      }),
      { numRuns: 1000 },
    );
  });

  it('an unchanged view is no change; a list grown at its end is sent as what was added', () => {
    const view = { now: 5, log: [{ t: 1 }, { t: 2 }], alarms: [] as string[], draft: undefined };
    expect(viewDelta(view, asJson(view))).toEqual([]);
    expect(viewDelta(view, { ...view, now: 6, log: [...view.log, { t: 3 }], draft: { dose: 1 } })).toEqual([
      { op: 'replace', path: '/now', value: 6 },
      { op: 'add', path: '/log/2', value: { t: 3 } },
      { op: 'add', path: '/draft', value: { dose: 1 } },
    ]);
    // a rolling log that shifted by one is sent whole, not as a change at every index
    const rolled = { ...view, log: [{ t: 2 }, { t: 3 }, { t: 4 }, { t: 5 }, { t: 6 }, { t: 7 }] };
    const rolledOn = { ...view, log: [{ t: 3 }, { t: 4 }, { t: 5 }, { t: 6 }, { t: 7 }, { t: 8 }] };
    expect(viewDelta(rolled, rolledOn)).toEqual([{ op: 'replace', path: '/log', value: rolledOn.log }]);
    // fields named like JSON Pointer's escapes, and "__proto__", stay fields
    const odd = JSON.parse('{"a/b":1,"c~d":2,"__proto__":{"x":1}}') as unknown;
    const oddAfter = JSON.parse('{"a/b":2,"c~d":3,"__proto__":{"x":2}}') as unknown;
    expect(viewDelta(odd, oddAfter).map((o) => o.path)).toEqual(['/a~1b', '/c~0d', '/__proto__/x']);
    expect(asJson(applyViewDelta(odd, viewDelta(odd, oddAfter)))).toEqual(asJson(oddAfter));
  });

  it('refuses a delta that does not fit the view (made against another one)', () => {
    expect(() => applyViewDelta({ log: [] }, [{ op: 'replace', path: '/log/3', value: 1 }])).toThrow(/no index "3"/);
    expect(() => applyViewDelta({ now: 1 }, [{ op: 'add', path: '/now/x', value: 1 }])).toThrow(/no field "x"/);
    expect(() => applyViewDelta({}, [{ op: 'remove', path: '' }])).toThrow(/whole view/);
    expect(() => applyViewDelta({}, [{ op: 'add', path: 'x', value: 1 }])).toThrow(/starts with/);
  });
});
