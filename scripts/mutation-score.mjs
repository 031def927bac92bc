// node scripts/mutation-score.mjs FULL.json [PARTIAL.json]: the mutation score of every file and in all,
// each file of the partial run (a re-run of some files) replacing that file's figures from the full run.
import { readFileSync } from 'node:fs';

const [full, targeted] = process.argv.slice(2).map((f) => JSON.parse(readFileSync(f, 'utf8')));
const files = { ...full.files };
if (targeted) for (const [path, f] of Object.entries(targeted.files)) files[path] = f;
const rows = [];
const total = { detected: 0, undetected: 0, mutants: 0, timeout: 0, survived: 0, noCoverage: 0 };
for (const [path, f] of Object.entries(files)) {
  const c = { Killed: 0, Timeout: 0, Survived: 0, NoCoverage: 0, other: 0 };
  for (const m of f.mutants) c[m.status in c ? m.status : 'other'] += 1;
  const detected = c.Killed + c.Timeout;
  const undetected = c.Survived + c.NoCoverage;
  total.detected += detected;
  total.undetected += undetected;
  total.mutants += f.mutants.length;
  total.timeout += c.Timeout;
  total.survived += c.Survived;
  total.noCoverage += c.NoCoverage;
  rows.push([
    path.replace(/^.*src\//, 'src/'),
    detected + undetected,
    detected,
    c.Survived,
    c.NoCoverage,
    detected + undetected === 0 ? 100 : (100 * detected) / (detected + undetected),
  ]);
}
rows.sort((a, b) => a[5] - b[5]);
for (const r of rows)
  console.log(
    `${r[5].toFixed(1).padStart(6)} %  ${String(r[1]).padStart(4)} mutants  ${String(r[3]).padStart(3)} survived ${String(r[4]).padStart(3)} no coverage  ${r[0]}`,
  );
console.log(
  `TOTAL ${((100 * total.detected) / (total.detected + total.undetected)).toFixed(2)} % of ${total.detected + total.undetected} (${total.detected} detected incl. ${total.timeout} timeouts, ${total.survived} survived, ${total.noCoverage} no coverage; ${total.mutants} mutants in all)`,
);
