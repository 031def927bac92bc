/**
 * One change of a view, as a JSON Patch operation (RFC 6902: `add`, `replace`, `remove`, with
 * JSON Pointer paths, RFC 6901), so any JSON Patch implementation applies a delta as this one does.
 */
export type ViewDeltaOp =
  | { readonly op: 'add'; readonly path: string; readonly value: unknown }
  | { readonly op: 'replace'; readonly path: string; readonly value: unknown }
  | { readonly op: 'remove'; readonly path: string };

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** A key as a JSON Pointer token (`~` as `~0`, `/` as `~1`). */
const token = (key: string | number) => String(key).replace(/~/g, '~0').replace(/\//g, '~1');

/** A value as JSON would carry it: an object's undefined fields are absent. */
const present = (o: Record<string, unknown>, key: string) => Object.hasOwn(o, key) && o[key] !== undefined;

/** Whether two JSON values are equal (an object's undefined fields count as absent). */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i += 1) if (!sameJson(a[i], b[i])) return false;
    return true;
  }
  if (isObject(a)) {
    if (!isObject(b)) return false;
    for (const k of Object.keys(a)) if (present(a, k) && (!present(b, k) || !sameJson(a[k], b[k]))) return false;
    for (const k of Object.keys(b)) if (present(b, k) && !present(a, k)) return false;
    return true;
  }
  return false;
}

function diff(before: unknown, after: unknown, path: string, ops: ViewDeltaOp[]): void {
  if (before === after) return;
  if (Array.isArray(before) && Array.isArray(after)) {
    const common = Math.min(before.length, after.length);
    const own: ViewDeltaOp[] = [];
    for (let i = 0; i < common; i += 1) diff(before[i], after[i], `${path}/${i}`, own);
    // removed from the end, last first, so every index still names what it did when applied
    for (let i = before.length - 1; i >= after.length; i -= 1) own.push({ op: 'remove', path: `${path}/${i}` });
    for (let i = common; i < after.length; i += 1) own.push({ op: 'add', path: `${path}/${i}`, value: after[i] });
    // a list that shifted (a rolling log) changes at every index: sent whole, it is shorter
    if (own.length > 4 && own.length > after.length / 2) ops.push({ op: 'replace', path, value: after });
    else ops.push(...own);
    return;
  }
  if (isObject(before) && isObject(after)) {
    for (const key of Object.keys(before))
      if (present(before, key) && !present(after, key)) ops.push({ op: 'remove', path: `${path}/${token(key)}` });
    for (const key of Object.keys(after)) {
      if (!present(after, key)) continue;
      if (!present(before, key)) ops.push({ op: 'add', path: `${path}/${token(key)}`, value: after[key] });
      else diff(before[key], after[key], `${path}/${token(key)}`, ops);
    }
    return;
  }
  if (!sameJson(before, after)) ops.push({ op: 'replace', path, value: after });
}

/**
 * The changes that turn the view `before` into `after` (both JSON values): empty when nothing
 * changed; lists that grew at their end as the entries added; a list that shifted whole.
 * `applyViewDelta(before, viewDelta(before, after))` is `after` as JSON carries it.
 */
export function viewDelta(before: unknown, after: unknown): ViewDeltaOp[] {
  const ops: ViewDeltaOp[] = [];
  diff(before, after, '', ops);
  return ops;
}

/** A JSON Pointer's tokens. */
function tokens(path: string): string[] {
  if (path === '') return [];
  if (!path.startsWith('/')) throw new Error(`applyViewDelta: a path starts with "/", found ${JSON.stringify(path)}`);
  return path
    .slice(1)
    .split('/')
    .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function applyOne(doc: unknown, op: ViewDeltaOp, keys: readonly string[]): unknown {
  if (keys.length === 0) {
    if (op.op === 'remove') throw new Error('applyViewDelta: cannot remove the whole view');
    return op.value;
  }
  const [key, ...rest] = keys as [string, ...string[]];
  if (Array.isArray(doc)) {
    const index = key === '-' ? doc.length : Number(key);
    if (!Number.isInteger(index) || index < 0 || index > doc.length)
      throw new Error(`applyViewDelta: no index ${JSON.stringify(key)} in a list of ${doc.length}`);
    const copy = doc.slice();
    if (rest.length > 0) copy[index] = applyOne(doc[index], op, rest);
    else if (op.op === 'add') copy.splice(index, 0, op.value);
    else if (op.op === 'remove') copy.splice(index, 1);
    else copy[index] = op.value;
    return copy;
  }
  if (!isObject(doc)) throw new Error(`applyViewDelta: no field ${JSON.stringify(key)} in a value that has none`);
  const copy: Record<string, unknown> = { ...doc };
  // defined, not assigned: a field named "__proto__" stays a field
  const set = (value: unknown) =>
    Object.defineProperty(copy, key, { value, enumerable: true, writable: true, configurable: true });
  if (rest.length > 0) set(applyOne(Object.hasOwn(doc, key) ? doc[key] : undefined, op, rest));
  else if (op.op === 'remove') delete copy[key];
  else set(op.value);
  return copy;
}

/**
 * The view `before` with the changes applied, as a new value (`before` is not changed; what did
 * not change is shared). Throws on a change that does not fit the view (a delta against another
 * view): the client then asks for the whole view again.
 */
export function applyViewDelta<T>(before: T, ops: readonly ViewDeltaOp[]): T {
  let doc: unknown = before;
  for (const op of ops) doc = applyOne(doc, op, tokens(op.path));
  return doc as T;
}
