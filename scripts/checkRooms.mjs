#!/usr/bin/env node
// The house's rooms: no import circles inside a package's src, and in @itps/core no folder imports
// one above it (sim/ sits on the pump, patient, telemetry and programmer folders; testing/ on all).
// Run: node scripts/checkRooms.mjs   (exit 1 with every offence listed; prints the folder graph)
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Core folders from the bottom up: a folder may import its own rank or below, never above. */
export const CORE_RANKS = {
  '.': 0,
  units: 1,
  random: 1,
  drug: 2,
  pump: 3,
  patient: 3,
  telemetry: 3,
  programmer: 4,
  sim: 5,
  testing: 6,
  // the package's one front door re-exports every room
  index: 7,
};

function filesUnder(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return filesUnder(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

/** Every relative import of every file under `src`, as file -> files. */
export function importGraph(src) {
  const graph = new Map();
  for (const file of filesUnder(src)) {
    const text = readFileSync(file, 'utf8');
    const targets = [...text.matchAll(/(?:import|export)[^'";]*?from\s+'(\.{1,2}\/[^']+)'/g)].map((m) =>
      resolve(dirname(file), m[1]),
    );
    graph.set(file, targets);
  }
  return graph;
}

/** The import circles of a graph (strongly connected components of more than one file, or a self-import). */
export function circles(graph) {
  let index = 0;
  const stack = [];
  const on = new Set();
  const idx = new Map();
  const low = new Map();
  const found = [];
  const visit = (v) => {
    idx.set(v, index);
    low.set(v, index);
    index += 1;
    stack.push(v);
    on.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v), low.get(w)));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v), idx.get(w)));
    }
    if (low.get(v) === idx.get(v)) {
      const component = [];
      let w;
      do {
        w = stack.pop();
        on.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (graph.get(v) ?? []).includes(v)) found.push(component);
    }
  };
  for (const v of graph.keys()) if (!idx.has(v)) visit(v);
  return found;
}

/** Imports in core from a folder up to a higher one. */
export function upwardImports(src, graph) {
  const folder = (file) => {
    const rel = relative(src, file).split('/');
    if (rel.length === 1) return rel[0] === 'index.ts' ? 'index' : '.';
    return rel[0];
  };
  const offences = [];
  for (const [file, targets] of graph)
    for (const target of targets) {
      const [from, to] = [folder(file), folder(target)];
      if ((CORE_RANKS[to] ?? 99) > (CORE_RANKS[from] ?? -1))
        offences.push(`${relative(root, file)} imports ${relative(root, target)} (${from}/ up to ${to}/)`);
    }
  return offences;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const offences = [];
  for (const pkg of ['packages/core', 'packages/scenarios']) {
    const src = join(root, pkg, 'src');
    const graph = importGraph(src);
    for (const c of circles(graph)) offences.push(`circle in ${pkg}: ${c.map((f) => relative(src, f)).join(' -> ')}`);
    if (pkg === 'packages/core') offences.push(...upwardImports(src, graph));
    const edges = [...graph.values()].reduce((n, t) => n + t.length, 0);
    console.log(`${pkg}/src: ${graph.size} files, ${edges} imports`);
  }
  for (const o of offences) console.log(`  ${o}`);
  console.log(offences.length === 0 ? 'rooms: no circles, no upward imports' : `rooms: ${offences.length} offences`);
  process.exit(offences.length === 0 ? 0 : 1);
}
