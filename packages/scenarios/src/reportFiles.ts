import type { ScenarioReport } from './report.ts';

const DAY = 86_400_000;
const csvCell = (v: string | number) => (typeof v === 'number' ? String(v) : `"${v.replaceAll('"', '""')}"`);

/** `series.csv`: belief and truth over time. */
export function seriesCsv(report: ScenarioReport): string {
  const patient = report.series.some((p) => p.ashworth !== undefined);
  const head = `at_ms,day,belief_reservoir_ml,truth_reservoir_ml,dose_mcg_per_day,delivered_csf_mcg,pocket_mcg,active_alarms${patient ? ',ashworth,relative_effect,withdrawal_stage,overdose_stage' : ''}`;
  const rows = report.series.map((p) =>
    [
      p.at,
      p.at / DAY,
      p.beliefReservoirMl,
      p.truthReservoirMl,
      p.doseMcgPerDay,
      p.deliveredMcg,
      p.pocketMcg,
      p.alarms.join(' '),
      ...(patient ? [p.ashworth ?? '', p.relativeEffect ?? '', p.withdrawalStage ?? '', p.overdoseStage ?? ''] : []),
    ]
      .map(csvCell)
      .join(','),
  );
  return `${[head, ...rows].join('\n')}\n`;
}

/** `events.csv`: the pump's event log. */
export function eventsCsv(report: ScenarioReport): string {
  const rows = report.events.map((e) => [e.at, e.at / DAY, e.type].map(csvCell).join(','));
  return `${['at_ms,day,type', ...rows].join('\n')}\n`;
}

const escapeHtml = (s: string) =>
  s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

/**
 * `report.html`: one self-contained page that opens offline: the charting library's script and
 * styles are inlined (the caller passes them in, so this stays pure). Plots of the reservoir as the
 * pump believes it beside the truth, the programmed dose, drug delivered to the CSF and the pocket,
 * alarms and, with a patient, the spasticity score and stages, on one shared time axis; then the
 * expectations and the event log.
 */
export function reportHtml(report: ScenarioReport, chart: { readonly script: string; readonly css: string }): string {
  const alarmNames = [...new Set(report.series.flatMap((p) => p.alarms))];
  const data = {
    days: report.series.map((p) => p.at / DAY),
    belief: report.series.map((p) => p.beliefReservoirMl),
    truth: report.series.map((p) => p.truthReservoirMl),
    dose: report.series.map((p) => p.doseMcgPerDay),
    delivered: report.series.map((p) => p.deliveredMcg),
    pocket: report.series.map((p) => p.pocketMcg),
    alarms: alarmNames.map((name, i) => ({
      name,
      values: report.series.map((p) => (p.alarms.includes(name) ? i + 1 : null)),
    })),
    events: report.events.map((e) => ({ day: e.at / DAY, type: e.type })),
    patient: report.series.some((p) => p.ashworth !== undefined)
      ? {
          ashworth: report.series.map((p) => p.ashworth ?? null),
          effect: report.series.map((p) => p.relativeEffect ?? null),
          withdrawal: report.series.map((p) => p.withdrawalStage ?? null),
          overdose: report.series.map((p) => p.overdoseStage ?? null),
        }
      : null,
  };
  const expectations = report.expectations
    .map(
      (e) =>
        `<tr class="${e.passed ? 'pass' : 'fail'}"><td>${e.index}</td><td>${e.passed ? 'held' : 'FAILED'}</td><td>${e.at === null ? '' : (e.at / DAY).toFixed(3)}</td><td><code>${escapeHtml(JSON.stringify(e.expected))}</code></td><td><code>${escapeHtml(JSON.stringify(e.actual))}</code></td></tr>`,
    )
    .join('');
  const violations =
    report.violations.length === 0
      ? ''
      : `<section><h2>Safety invariants violated</h2><table class="data"><thead><tr><th>requirement</th><th>day</th><th>what was found</th></tr></thead><tbody>${report.violations
          .map(
            (v) =>
              `<tr class="fail"><td>${escapeHtml(v.requirement)}</td><td>${(v.at / DAY).toFixed(3)}</td><td>${escapeHtml(v.message)}</td></tr>`,
          )
          .join('')}</tbody></table></section>`;
  const events = report.events
    .map((e) => `<tr><td>${(e.at / DAY).toFixed(3)}</td><td>${escapeHtml(e.type)}</td></tr>`)
    .join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>ITPS report: ${escapeHtml(report.name)}</title>
<style>${chart.css}
body{font-family:system-ui,'Liberation Sans',sans-serif;margin:0;color:#1b2430;background:#f4f6f8}
.notice{background:#fff4ce;border-bottom:2px solid #c9a400;padding:.5rem 1rem;text-align:center}
main{padding:1rem;max-width:1100px;margin:auto}
h1{font-size:1.4rem;margin:.5rem 0}.meta{color:#4a5868}
.verdict{font-weight:700;padding:.2rem .6rem;border-radius:6px}.verdict.pass{background:#d7f2df;color:#1e6b34}.verdict.fail{background:#f8d7d5;color:#b3261e}
section{background:#fff;border-radius:10px;padding:.75rem 1rem;margin:1rem 0;box-shadow:0 1px 3px rgba(0,0,0,.12)}
table.data{border-collapse:collapse;width:100%;font-size:.9rem;table-layout:fixed}.data td,.data th{text-align:left;padding:.25rem .4rem;border-bottom:1px solid #e1e6ea}
tr.fail td{background:#fdecea}code{font-size:.8rem;overflow-wrap:anywhere}.data th:nth-child(-n+3),.data td:nth-child(-n+3){width:4.5rem}
</style></head><body>
<p class="notice">${escapeHtml(report.notice)}</p>
<main>
<h1>${escapeHtml(report.name)}</h1>
<p class="meta">Seed ${report.seed} &middot; ${(report.durationMs / DAY).toFixed(2)} days simulated &middot; <span class="verdict ${report.passed ? 'pass' : 'fail'}">${report.passed ? 'all expectations held' : report.violations.length > 0 ? 'a safety invariant was violated' : 'an expectation failed'}</span></p>
<section><h2>Reservoir: the pump's belief and the truth (mL)</h2><div id="reservoir"></div></section>
<section><h2>Programmed dose (mcg/day)</h2><div id="dose"></div></section>
<section><h2>Drug delivered, cumulative (mcg)</h2><div id="delivered"></div></section>
<section><h2>Alarms active</h2><div id="alarms"></div></section>
${data.patient ? '<section><h2>Patient: Modified Ashworth score (0-4) and effect relative to need</h2><div id="patient"></div></section><section><h2>Patient: withdrawal and overdose stages (0 none; withdrawal 1 early, 2 moderate, 3 severe; overdose 1 drowsy to 4 coma)</h2><div id="stages"></div></section>' : ''}
${violations}
<section><h2>Expectations</h2><table class="data"><thead><tr><th>#</th><th>result</th><th>day</th><th>expected</th><th>actual</th></tr></thead><tbody>${expectations}</tbody></table></section>
<section><h2>Event log</h2><table class="data"><thead><tr><th>day</th><th>event</th></tr></thead><tbody>${events}</tbody></table></section>
</main>
<script>${chart.script}</script>
<script>
const data = ${JSON.stringify(data)};
const width = Math.min(1060, document.querySelector('main').clientWidth - 40);
const sync = uPlot.sync('itps');
const axes = (unit) => [{ label: 'day' }, { label: unit }];
const marks = (u) => {
  const ctx = u.ctx; ctx.save(); ctx.strokeStyle = 'rgba(120,120,120,0.35)'; ctx.setLineDash([4, 4]);
  for (const e of data.events) { const x = u.valToPos(e.day, 'x', true); ctx.beginPath(); ctx.moveTo(x, u.bbox.top); ctx.lineTo(x, u.bbox.top + u.bbox.height); ctx.stroke(); }
  ctx.restore();
};
const plot = (el, series, values, unit, stepped) => new uPlot({
  width, height: 220, cursor: { sync: { key: sync.key } }, axes: axes(unit), hooks: { draw: [marks] },
  scales: { x: { time: false } },
  series: [{ label: 'day' }, ...series.map((s) => ({ ...s, width: 2, ...(stepped ? { paths: uPlot.paths.stepped({ align: 1 }) } : {}) }))],
}, [data.days, ...values], document.getElementById(el));
plot('reservoir', [{ label: 'pump belief', stroke: '#2f5d8a' }, { label: 'truth', stroke: '#c0392b', dash: [6, 4] }], [data.belief, data.truth], 'mL');
plot('dose', [{ label: 'dose', stroke: '#6b4fa0' }], [data.dose], 'mcg/day', true);
plot('delivered', [{ label: 'to CSF', stroke: '#1e6b34' }, { label: 'to pocket', stroke: '#d35400' }], [data.delivered, data.pocket], 'mcg');
const palette = ['#b3261e', '#8a5a00', '#2f5d8a', '#6b4fa0', '#1e6b34', '#d35400', '#555'];
if (data.patient) {
  plot('patient', [{ label: 'Ashworth', stroke: '#6b4fa0' }, { label: 'effect / need', stroke: '#1e6b34', dash: [6, 4] }], [data.patient.ashworth, data.patient.effect], 'score');
  plot('stages', [{ label: 'withdrawal', stroke: '#b3261e' }, { label: 'overdose', stroke: '#2f5d8a' }], [data.patient.withdrawal, data.patient.overdose], 'stage', true);
}
plot('alarms', data.alarms.map((a, i) => ({ label: a.name, stroke: palette[i % palette.length], points: { show: true, size: 6 } })), data.alarms.map((a) => a.values), 'alarm', true);
</script>
</body></html>
`;
}
