import { formatDuration } from '../duration.ts';
import { eventWords } from '../eventWords.ts';
import { replayCommand } from './replayCommand.ts';
import type { Distribution, SweepResult } from './sweepResult.ts';

const escapeHtml = (s: string) =>
  s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
const DAY = 86_400_000;

const row = (name: string, d: Distribution | null, show: (x: number) => string) =>
  d === null
    ? `<tr><td><code>${escapeHtml(name)}</code></td><td colspan="7">no values</td></tr>`
    : `<tr><td><code>${escapeHtml(name)}</code></td>${[d.min, d.p5, d.p50, d.p95, d.max, d.mean].map((x) => `<td>${show(x)}</td>`).join('')}<td>${d.count}</td></tr>`;

/**
 * `sweep.html`: a sweep's verdicts, the seeds that failed, and a histogram of each chosen
 * observable and of each event's first time, self-contained (chart library passed in).
 */
export function sweepHtml(result: SweepResult, chart: { readonly script: string; readonly css: string }): string {
  const plots: { id: string; title: string; unit: string; d: Distribution }[] = [];
  for (const [name, d] of Object.entries(result.distributions.observed))
    if (d !== null) plots.push({ id: `o${plots.length}`, title: `${name} at the end of the run`, unit: name, d });
  for (const [name, e] of Object.entries(result.distributions.firstAt))
    if (e.times !== null)
      plots.push({
        id: `o${plots.length}`,
        title: `${eventWords(name)} (${name}): first time, in days (happened in ${e.happened} of ${result.runs.length} runs)`,
        unit: 'day',
        d: { ...e.times, histogram: e.times.histogram.map((b) => ({ from: b.from / DAY, count: b.count })) },
      });
  const head =
    '<tr><th></th><th>min</th><th>p5</th><th>median</th><th>p95</th><th>max</th><th>mean</th><th>runs</th></tr>';
  const observed = Object.entries(result.distributions.observed)
    .map(([name, d]) => row(name, d, (x) => String(x)))
    .join('');
  const events = Object.entries(result.distributions.firstAt)
    .map(([name, e]) =>
      row(`${name} (in ${e.happened} of ${result.runs.length})`, e.times, (x) => formatDuration(Math.round(x))),
    )
    .join('');
  const failed =
    result.failed.length === 0
      ? '<p>No run failed.</p>'
      : `<p>${result.failed.length} runs failed or were invalid. Seeds: ${result.failed
          .slice(0, 200)
          .map(
            (f) =>
              `${f.seed}${Object.keys(f.settings).length === 0 ? '' : ` (${escapeHtml(JSON.stringify(f.settings))})`}`,
          )
          .join(
            ', ',
          )}${result.failed.length > 200 ? ', ...' : ''}</p><p>Replay each (plots with <code>itps report</code>, the same words and <code>--out DIR</code>):</p><pre>${result.failed
          .slice(0, 50)
          .map((f) => escapeHtml(replayCommand(result.file, f)))
          .join('\n')}${result.failed.length > 50 ? '\n...' : ''}</pre>`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>ITPS sweep: ${escapeHtml(result.scenario)}</title>
<style>${chart.css}
body{font-family:system-ui,'Liberation Sans',sans-serif;margin:0;color:#1b2430;background:#f4f6f8}
.notice{background:#fff4ce;border-bottom:2px solid #c9a400;padding:.5rem 1rem;text-align:center}
main{padding:1rem;max-width:1100px;margin:auto}h1{font-size:1.4rem}
section{background:#fff;border-radius:10px;padding:.75rem 1rem;margin:1rem 0;box-shadow:0 1px 3px rgba(0,0,0,.12)}
table{border-collapse:collapse;width:100%;font-size:.9rem}td,th{text-align:left;padding:.25rem .4rem;border-bottom:1px solid #e1e6ea}
</style></head><body>
<p class="notice">${escapeHtml(result.notice)}</p>
<main>
<h1>Sweep: ${escapeHtml(result.scenario)}</h1>
<p>${escapeHtml(result.file)} &middot; seeds ${escapeHtml(result.seeds)}${result.settings.length === 0 ? '' : ` &middot; ${escapeHtml(result.settings.join(' '))}`} &middot; shard ${escapeHtml(result.shard)} &middot; ${result.runs.length} of ${result.plannedRuns} runs</p>
<section><h2>Verdicts</h2><p><strong>${result.totals.pass}</strong> passed, <strong>${result.totals.fail}</strong> failed, ${result.totals.none} had no expectations, ${result.totals.invalid} were invalid.</p>${failed}</section>
<section><h2>Observables at the end</h2><table><thead>${head}</thead><tbody>${observed}</tbody></table></section>
<section><h2>When events first happened</h2><table><thead>${head}</thead><tbody>${events}</tbody></table></section>
${plots.map((p) => `<section><h2>${escapeHtml(p.title)}</h2><div id="${p.id}"></div></section>`).join('\n')}
</main>
<script>${chart.script}</script>
<script>
const plots = ${JSON.stringify(plots.map((p) => ({ id: p.id, unit: p.unit, from: p.d.histogram.map((b) => b.from), count: p.d.histogram.map((b) => b.count) })))};
const width = Math.min(1060, document.querySelector('main').clientWidth - 40);
for (const p of plots) {
  // each bar spans its bin, from its lower edge to the next; counts from zero
  const binWidth = p.from.length > 1 ? p.from[1] - p.from[0] : 1;
  new uPlot({
    width, height: 220,
    scales: { x: { time: false, range: [p.from[0], p.from[p.from.length - 1] + binWidth] }, y: { range: (u, min, max) => [0, Math.max(1, max) * 1.1] } },
    axes: [{ label: p.unit }, { label: 'runs' }],
    series: [{ label: p.unit }, { label: 'runs', stroke: '#2f5d8a', fill: 'rgba(47,93,138,0.35)', points: { show: false }, paths: uPlot.paths.bars({ size: [0.95, Infinity], align: 1 }) }],
  }, [p.from, p.count], document.getElementById(p.id));
}
</script>
</body></html>
`;
}
