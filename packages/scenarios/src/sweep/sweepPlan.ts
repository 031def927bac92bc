import { parse as parseYamlScalar } from 'yaml';
import { quoteShort } from '../problem.ts';

/** One parameter an engineer varies: a path in the scenario file and the values it takes. */
export interface SweepSetting {
  /** As the format writes it: `pump.therapy.doseMcgPerDay`, `timeline[0].at`. */
  readonly path: string;
  readonly values: readonly (string | number | boolean)[];
}

/** One run of a sweep: its place in the whole sweep, its seed and the values set. */
export interface SweepRunPlan {
  readonly index: number;
  readonly seed: number;
  readonly settings: Readonly<Record<string, string | number | boolean>>;
}

/** The most runs one sweep may plan (shards included). */
export const MAX_SWEEP_RUNS = 1_000_000;

type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

/** `1..1000`, `1,2,7` or `5`: the seeds of a sweep, in order, each a safe whole number. */
export function parseSeeds(text: string): Parsed<number[]> {
  const seeds: number[] = [];
  for (const part of text.split(',')) {
    const range = /^(-?\d{1,15})\.\.(-?\d{1,15})$/.exec(part.trim());
    const single = /^-?\d{1,15}$/.exec(part.trim());
    if (range !== null) {
      const from = Number(range[1]);
      const to = Number(range[2]);
      if (to < from) return { ok: false, message: `expected a range from low to high, found ${quoteShort(part)}` };
      if (seeds.length + (to - from + 1) > MAX_SWEEP_RUNS)
        return { ok: false, message: `expected at most ${MAX_SWEEP_RUNS} seeds, found more` };
      for (let s = from; s <= to; s += 1) seeds.push(s);
    } else if (single !== null) seeds.push(Number(part.trim()));
    else return { ok: false, message: `expected seeds like 1..1000 or 1,2,7, found ${quoteShort(part)}` };
  }
  return { ok: true, value: seeds };
}

/** `pump.therapy.doseMcgPerDay=100,150,200`: a path and its values (numbers where they read as numbers). */
export function parseSetting(text: string): Parsed<SweepSetting> {
  const m = /^([A-Za-z$][\w$]*(?:\.[A-Za-z$][\w$]*|\[\d{1,6}\])*)=(.+)$/.exec(text);
  if (m === null)
    return {
      ok: false,
      message: `expected PATH=VALUE[,VALUE...] such as pump.therapy.doseMcgPerDay=100,200, found ${quoteShort(text)}`,
    };
  /* v8 ignore next -- @preserve `??` here only satisfies the match type: the pattern always captures both groups */
  const values = (m[2] ?? '').split(',').map((v) => {
    const parsed: unknown = parseYamlScalar(v.trim());
    return typeof parsed === 'number' || typeof parsed === 'boolean' ? parsed : v.trim();
  });
  /* v8 ignore next -- @preserve `??` here only satisfies the match type: the pattern always captures both groups */
  return { ok: true, value: { path: m[1] ?? '', values } };
}

/** `2/4`: the second of four shards. */
export function parseShard(text: string): Parsed<{ index: number; count: number }> {
  const m = /^(\d{1,6})\/(\d{1,6})$/.exec(text);
  const index = Number(m?.[1]);
  const count = Number(m?.[2]);
  if (m === null || count < 1 || index < 1 || index > count)
    return { ok: false, message: `expected K/N with 1 <= K <= N, such as 2/4, found ${quoteShort(text)}` };
  return { ok: true, value: { index, count } };
}

/**
 * Every run of a sweep, in a fixed order (each setting's values, outermost first, then the seeds),
 * and the share of it one shard runs: run i belongs to shard (i mod N) + 1, so shards are balanced
 * and their union is the whole sweep.
 */
export function planSweep(
  seeds: readonly number[],
  settings: readonly SweepSetting[],
  shard: { index: number; count: number } = { index: 1, count: 1 },
): Parsed<SweepRunPlan[]> {
  let combos: Record<string, string | number | boolean>[] = [{}];
  for (const s of settings) combos = combos.flatMap((c) => s.values.map((v) => ({ ...c, [s.path]: v })));
  if (combos.length * seeds.length > MAX_SWEEP_RUNS)
    return { ok: false, message: `expected at most ${MAX_SWEEP_RUNS} runs, found ${combos.length * seeds.length}` };
  const runs: SweepRunPlan[] = [];
  let index = 0;
  for (const settingsOf of combos)
    for (const seed of seeds) {
      if (index % shard.count === shard.index - 1) runs.push({ index, seed, settings: settingsOf });
      index += 1;
    }
  return { ok: true, value: runs };
}

/**
 * A copy of a scenario document with the values of one run set, or why a path names nothing the
 * file could hold (its parent is missing, or an index is past a list's end). The copy is then
 * validated like any file.
 */
export function applySettings(
  doc: unknown,
  settings: Readonly<Record<string, string | number | boolean>>,
): Parsed<unknown> {
  const copy: unknown = structuredCloneOf(doc);
  for (const [path, value] of Object.entries(settings)) {
    const keys = [...path.matchAll(/([A-Za-z$][\w$]*)|\[(\d+)\]/g)].map((m) =>
      m[2] === undefined ? m[1] : Number(m[2]),
    );
    let at: unknown = copy;
    for (const key of keys.slice(0, -1)) {
      at = at !== null && typeof at === 'object' ? (at as Record<string | number, unknown>)[key as string] : undefined;
      if (at === null || typeof at !== 'object')
        return { ok: false, message: `${path}: the file has nothing at ${String(key)}` };
    }
    const last = keys[keys.length - 1];
    if (Array.isArray(at) && (typeof last !== 'number' || last >= at.length))
      return { ok: false, message: `${path}: the list has no entry ${String(last)}` };
    (at as Record<string | number, unknown>)[last as string] = value;
  }
  return { ok: true, value: copy };
}

/** A deep copy of plain data (a parsed document), without the platform's structuredClone. */
function structuredCloneOf(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(structuredCloneOf);
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, structuredCloneOf(v)]));
  return value;
}
