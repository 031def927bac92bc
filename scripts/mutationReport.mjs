// node scripts/mutationReport.mjs: writes the mutation score and the survivors of every file, from
// each package's last Stryker report (packages/*/reports/mutation/mutation.json), into
// docs/testing.md (between the mutation-report markers) and docs/mutation-survivors.md. Survivors
// listed in packages/*/mutation/equivalent.json (with a one-line reason each) are shown as
// equivalent and left out of the second score. `pnpm mutate` runs it after Stryker.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const BEGIN = '<!-- mutation-report:begin -->';
const END = '<!-- mutation-report:end -->';

/** The source line of a mutant, trimmed. */
const lineOf = (source, line) => (source ?? '').split('\n')[line - 1]?.trim() ?? '';

/** Whether an entry of equivalent.json names this surviving mutant. */
export const matchesEquivalent = (entry, file, mutant, sourceLine) =>
  entry.file === file &&
  entry.mutator === mutant.mutatorName &&
  (entry.replacement === undefined || entry.replacement === mutant.replacement) &&
  sourceLine.includes(entry.line);

/**
 * Figures of one Stryker report: per file and in all, with each survivor (and each mutant no test
 * covers) and the equivalent entry that explains it, if any. Entries matching nothing are returned
 * as stale so the list cannot rot.
 */
export function summarise(report, equivalents = []) {
  const used = new Set();
  const files = [];
  for (const [file, f] of Object.entries(report.files)) {
    const row = { file, mutants: 0, detected: 0, survived: 0, noCoverage: 0, equivalent: 0, survivors: [] };
    for (const m of f.mutants) {
      if (m.status === 'CompileError' || m.status === 'RuntimeError' || m.status === 'Ignored') continue;
      row.mutants += 1;
      if (m.status === 'Killed' || m.status === 'Timeout') {
        row.detected += 1;
        continue;
      }
      if (m.status === 'NoCoverage') row.noCoverage += 1;
      else row.survived += 1;
      const sourceLine = lineOf(f.source, m.location.start.line);
      const entry = equivalents.find((e) => matchesEquivalent(e, file, m, sourceLine));
      if (entry !== undefined) {
        used.add(entry);
        row.equivalent += 1;
      }
      row.survivors.push({
        line: m.location.start.line,
        mutator: m.mutatorName,
        replacement: m.replacement ?? '',
        status: m.status,
        source: sourceLine,
        reason: entry?.reason ?? null,
      });
    }
    files.push(row);
  }
  files.sort((a, b) => a.file.localeCompare(b.file));
  const total = files.reduce(
    (t, r) => ({
      mutants: t.mutants + r.mutants,
      detected: t.detected + r.detected,
      survived: t.survived + r.survived,
      noCoverage: t.noCoverage + r.noCoverage,
      equivalent: t.equivalent + r.equivalent,
    }),
    { mutants: 0, detected: 0, survived: 0, noCoverage: 0, equivalent: 0 },
  );
  return { files, total, stale: equivalents.filter((e) => !used.has(e)) };
}

/** Detected over all mutants that ran; and the same with the listed equivalents left out. */
export const scores = (r) => ({
  score: r.mutants === 0 ? 100 : (100 * r.detected) / r.mutants,
  withoutEquivalents: r.mutants - r.equivalent === 0 ? 100 : (100 * r.detected) / (r.mutants - r.equivalent),
});

const pct = (x) => `${x.toFixed(2)} %`;
const cells = (r) => {
  const s = scores(r);
  return `${r.mutants} | ${r.detected} | ${r.survived} | ${r.noCoverage} | ${r.equivalent} | ${pct(s.score)} | ${pct(s.withoutEquivalents)}`;
};
const HEAD = '| mutants | detected | survived | no coverage | equivalent | score | without equivalents |';
const RULE = '| --- | --- | --- | --- | --- | --- | --- |';

/** The docs/testing.md section: the run, the score of each package and of each of its files. */
export function renderSection(packages, { date, command, provenance }) {
  const out = [
    BEGIN,
    '',
    `Written by \`${command}\` on ${date}.${provenance ? ` ${provenance}` : ''} Detected means killed or timed out; a mutant no test`,
    'covers counts as undetected. Survivors, line by line: `docs/mutation-survivors.md`.',
    '',
    `| package ${HEAD}`,
    `| --- ${RULE}`,
    ...packages.map((p) =>
      p.summary === null
        ? `| ${p.name} | not run yet: \`pnpm mutate\` runs it whole | | | | | | |`
        : `| ${p.name} | ${cells(p.summary.total)} |`,
    ),
  ];
  for (const p of packages) {
    if (p.summary === null) continue;
    out.push('', `${p.name}, by file:`, '', `| file ${HEAD}`, `| --- ${RULE}`);
    for (const r of p.summary.files) out.push(`| \`${r.file}\` | ${cells(r)} |`);
  }
  out.push('', END);
  return out.join('\n');
}

/** docs/mutation-survivors.md: every survivor with its line, mutator, replacement and reason. */
export function renderSurvivors(packages, { date, command, provenance }) {
  const out = [
    '# Mutation survivors',
    '',
    `Written by \`${command}\` on ${date}; do not edit.${provenance ? ` ${provenance}` : ''} A survivor marked equivalent is listed with its`,
    "reason in the package's `mutation/equivalent.json`; every other one is a test not yet written.",
  ];
  for (const p of packages) {
    if (p.summary === null) continue;
    out.push('', `## ${p.name}`);
    for (const r of p.summary.files) {
      if (r.survivors.length === 0) continue;
      out.push('', `### \`${r.file}\` (${r.survivors.length})`, '');
      for (const s of r.survivors) {
        const what = `line ${s.line}, ${s.mutator}${s.replacement === '' ? '' : ` to \`${s.replacement.replace(/\s+/g, ' ').slice(0, 60)}\``}`;
        const tag = s.status === 'NoCoverage' ? ' (no test covers it)' : '';
        out.push(`- ${what}${tag}: ${s.reason === null ? `\`${s.source.slice(0, 90)}\`` : `equivalent, ${s.reason}`}`);
      }
    }
    if (p.summary.stale.length > 0) {
      out.push('', `Entries of equivalent.json that match no survivor (remove them): ${p.summary.stale.length}.`);
    }
  }
  return `${out.join('\n')}\n`;
}

/** Replaces the marked section of a document. */
export function replaceSection(doc, section) {
  const a = doc.indexOf(BEGIN);
  const b = doc.indexOf(END);
  if (a < 0 || b < a) throw new Error(`docs/testing.md has no ${BEGIN} ... ${END} section`);
  return doc.slice(0, a) + section + doc.slice(b + END.length);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  const packages = [];
  for (const name of ['core', 'scenarios']) {
    const reportFile = join(root, 'packages', name, 'reports/mutation/mutation.json');
    if (!existsSync(reportFile)) {
      console.log(`packages/${name}: no report (${reportFile}); shown as not run`);
      packages.push({ name: `packages/${name}`, summary: null });
      continue;
    }
    const equivalentFile = join(root, 'packages', name, 'mutation/equivalent.json');
    const equivalents = existsSync(equivalentFile) ? JSON.parse(readFileSync(equivalentFile, 'utf8')) : [];
    const summary = summarise(JSON.parse(readFileSync(reportFile, 'utf8')), equivalents);
    packages.push({ name: `packages/${name}`, summary });
    const s = scores(summary.total);
    console.log(
      `packages/${name}: ${pct(s.score)} of ${summary.total.mutants} mutants (${summary.total.survived} survived, ${summary.total.noCoverage} no coverage, ${summary.total.equivalent} of them equivalent: ${pct(s.withoutEquivalents)} without)`,
    );
    if (summary.stale.length > 0) console.log(`  ${summary.stale.length} equivalent.json entries match no survivor`);
  }
  if (packages.every((p) => p.summary === null)) {
    console.error('mutation report: no package has a report; run pnpm mutate first');
    process.exit(1);
  }
  const meta = {
    date: new Date().toISOString().slice(0, 10),
    command: 'pnpm mutate (FC_SEED=20260101 FC_RUNS=20, Stryker incremental)',
    // where a report merges a run of some files on their own into a whole run, say so:
    // node scripts/mutationReport.mjs --provenance "…"
    provenance: process.argv.includes('--provenance')
      ? (process.argv[process.argv.indexOf('--provenance') + 1] ?? '')
      : '',
  };
  const testing = join(root, 'docs/testing.md');
  writeFileSync(testing, replaceSection(readFileSync(testing, 'utf8'), renderSection(packages, meta)));
  writeFileSync(join(root, 'docs/mutation-survivors.md'), renderSurvivors(packages, meta));
  console.log('written: docs/testing.md (mutation section), docs/mutation-survivors.md');
}
