import { parseDuration } from '@itps/scenarios';
import { keysOf } from './draftPath.ts';

/**
 * The exercise with its timeline (and its right plan) in time order, as the format wants it, while
 * the editor keeps the educator's order (a dragged event does not jump lanes under the pointer);
 * `editingPath` turns a path of the ordered copy into the path of the same field being edited.
 */
export function orderedTimeline(doc: Readonly<Record<string, unknown>>): {
  readonly doc: Readonly<Record<string, unknown>>;
  readonly editingPath: (path: string) => string;
} {
  const orders: Record<string, number[]> = {};
  const sortList = (list: unknown, name: string): unknown => {
    if (!Array.isArray(list)) return list;
    const keyed = list.map((item, i) => {
      const at = (item as { at?: unknown } | null)?.at;
      return {
        item,
        i,
        ms: typeof at === 'string' ? (parseDuration(at) ?? Number.POSITIVE_INFINITY) : Number.POSITIVE_INFINITY,
      };
    });
    keyed.sort((a, b) => a.ms - b.ms || a.i - b.i);
    orders[name] = keyed.map((k) => k.i);
    return keyed.map((k) => k.item);
  };
  const training = doc.training as Record<string, unknown> | undefined;
  const ordered: Record<string, unknown> = { ...doc };
  if (doc.timeline !== undefined) ordered.timeline = sortList(doc.timeline, 'timeline');
  if (training?.plan !== undefined) ordered.training = { ...training, plan: sortList(training.plan, 'plan') };
  const editingPath = (path: string): string => {
    const keys = keysOf(path);
    const [first, second, third] = keys;
    if (first === 'timeline' && second !== undefined && orders.timeline !== undefined)
      return ['timeline', String(orders.timeline[Number(second)] ?? second), ...keys.slice(2)].join('.');
    if (first === 'training' && second === 'plan' && third !== undefined && orders.plan !== undefined)
      return ['training', 'plan', String(orders.plan[Number(third)] ?? third), ...keys.slice(3)].join('.');
    return keys.join('.');
  };
  return { doc: ordered, editingPath };
}
