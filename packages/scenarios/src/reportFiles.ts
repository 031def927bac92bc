import { formatDuration } from './duration.ts';
import { ALARM_WORDS, eventWords, faultWords, shortEventWords } from './eventWords.ts';
import { expectationRows } from './expectationRows.ts';
import type { ScenarioReport } from './report.ts';

const DAY = 86_400_000;
const csvCell = (v: string | number) => (typeof v === 'number' ? String(v) : `"${v.replaceAll('"', '""')}"`);

/** How a report names an instant: the caller's calendar (from `startsAt`), or days and a clock. */
export type TimeLabel = (ms: number) => string;

/** An instant as days to a fixed precision and a clock: `day 36 01:00` (no calendar needed). */
export const dayLabel: TimeLabel = (ms) => {
  const day = Math.floor(ms / DAY);
  const rest = ms - day * DAY;
  const hh = String(Math.floor(rest / 3_600_000)).padStart(2, '0');
  const mm = String(Math.floor((rest % 3_600_000) / 60_000)).padStart(2, '0');
  const ss = rest % 60_000 === 0 ? '' : `:${String(Math.floor((rest % 60_000) / 1000)).padStart(2, '0')}`;
  return `day ${day} ${hh}:${mm}${ss}`;
};

/** Days since t = 0 to 5 places (under a second), never a float's tail like 3.1666666666666665. */
const days = (ms: number) => (ms / DAY).toFixed(5);

/** `series.csv`: belief and truth over time. */
export function seriesCsv(report: ScenarioReport, label: TimeLabel = dayLabel): string {
  const patient = report.series.some((p) => p.ashworth !== undefined);
  const pain = report.series.some((p) => p.painScore !== undefined);
  const head = `at_ms,day,time,belief_reservoir_ml,truth_reservoir_ml,low_reservoir_alarm_ml,dose_mcg_per_day,programmed_concentration_mcg_per_ml,tip_concentration_mcg_per_ml,delivered_csf_mcg,pocket_mcg,leaked_mcg,active_alarms${patient ? ',ashworth,relative_effect,withdrawal_stage,overdose_stage' : ''}${pain ? ',pain_score,respiratory_rate_per_min,sedation_stage,respiratory_stage' : ''}`;
  const rows = report.series.map((p) =>
    [
      p.at,
      days(p.at),
      label(p.at),
      p.beliefReservoirMl,
      p.truthReservoirMl,
      p.lowReservoirAlarmMl,
      p.doseMcgPerDay,
      p.programmedConcentrationMcgPerMl,
      p.tipConcentrationMcgPerMl,
      p.deliveredMcg,
      p.pocketMcg,
      p.leakedMcg ?? 0,
      p.alarms.join(' '),
      ...(patient ? [p.ashworth ?? '', p.relativeEffect ?? '', p.withdrawalStage ?? '', p.overdoseStage ?? ''] : []),
      ...(pain ? [p.painScore ?? '', p.respiratoryRate ?? '', p.sedationStage ?? '', p.respiratoryStage ?? ''] : []),
    ]
      .map((v) => (typeof v === 'string' && /^\d+\.\d{5}$/.test(v) ? v : csvCell(v)))
      .join(','),
  );
  return `${[head, ...rows].join('\n')}\n`;
}

/** `events.csv`: the pump's event log and the patient's course, with times a person reads. */
export function eventsCsv(report: ScenarioReport, label: TimeLabel = dayLabel): string {
  const rows = report.events.map(
    (e) => `${e.at},${days(e.at)},${csvCell(label(e.at))},${csvCell(e.type)},${csvCell(eventWords(e.type))}`,
  );
  return `${['at_ms,day,time,type,meaning', ...rows].join('\n')}\n`;
}

const escapeHtml = (s: string) =>
  s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

/** Which event names an instant when several happen at once: what a clinician did, before how the pump said it. */
const MARK_ORDER = [
  'refill.recorded',
  'program.committed',
  'bolus.started',
  'motor.stall',
  'pump.reset',
  'update.incomplete',
  'pump.stopped',
  'pump.started',
];
const rank = (type: string) => {
  const i = MARK_ORDER.indexOf(type);
  return i === -1 ? MARK_ORDER.length : i;
};

/** A line drawn on the plots at an instant with events: its number in the key, its label, and whether it is the patient's. */
interface EventMark {
  readonly n: number;
  readonly at: number;
  readonly day: number;
  readonly text: string;
  /** Every event at that instant, in words, for the key under the plots. */
  readonly all: string;
  readonly patient: boolean;
}

/**
 * One numbered, labelled mark per instant with events (alarms have their own lanes), named by its
 * most telling event; the patient's stage changes marked apart from the pump's events (the patient
 * can change while the pump logs nothing). Every mark is in the key under the plots by its number,
 * so a line whose label does not fit is still named.
 */
function eventMarks(report: ScenarioReport): EventMark[] {
  type Mark = { at: number; type: string; types: string[]; patient: boolean };
  const marks: Mark[] = [];
  // the last mark of the pump's events and of the patient's, to join events at one instant
  const last: { pump?: Mark; patient?: Mark } = {};
  for (const e of report.events) {
    if (e.type.startsWith('alarm.')) continue;
    const patient = e.type.startsWith('patient.');
    const same = patient ? last.patient : last.pump;
    if (same !== undefined && same.at === e.at) {
      same.types.push(e.type);
      if (rank(e.type) < rank(same.type)) same.type = e.type;
    } else {
      const mark = { at: e.at, type: e.type, types: [e.type], patient };
      marks.push(mark);
      if (patient) last.patient = mark;
      else last.pump = mark;
    }
  }
  return marks.map((m, i) => ({
    n: i + 1,
    at: m.at,
    day: m.at / DAY,
    text: m.types.length === 1 ? shortEventWords(m.type) : `${shortEventWords(m.type)} (+${m.types.length - 1})`,
    all: m.types.map(eventWords).join('; '),
    patient: m.patient,
  }));
}

/** Alarm lanes from the event log (raised to cleared), exact whatever the sampling. */
function alarmSpans(report: ScenarioReport): { name: string; spans: [number, number][] }[] {
  const open = new Map<string, number>();
  const lanes = new Map<string, [number, number][]>();
  for (const e of report.events) {
    const m = /^alarm\.(\w+)\.(raised|cleared)$/.exec(e.type);
    if (m === null) continue;
    /* v8 ignore next -- @preserve `??` here only satisfies the match type: the pattern always captures both groups */
    const name = m[1] ?? '';
    if (!lanes.has(name)) lanes.set(name, []);
    if (m[2] === 'raised') open.set(name, e.at);
    else {
      const from = open.get(name);
      if (from !== undefined) lanes.get(name)?.push([from / DAY, e.at / DAY]);
      open.delete(name);
    }
  }
  for (const [name, from] of open) lanes.get(name)?.push([from / DAY, report.durationMs / DAY]);
  return [...lanes].map(([name, spans]) => ({
    name: ALARM_WORDS[name as keyof typeof ALARM_WORDS] ?? name,
    spans,
  }));
}

const table = (head: string[], rows: string[][], classes: string[] = []) =>
  `<table class="data"><thead><tr>${head.map((h) => `<th>${h}</th>`).join('')}</tr></thead><tbody>${rows
    .map((r, i) => `<tr class="${classes[i] ?? ''}">${r.map((c) => `<td>${c}</td>`).join('')}</tr>`)
    .join('')}</tbody></table>`;

const ml = (x: number) => x.toFixed(2);

/**
 * `report.html`: one self-contained page that opens offline (the charting library's script and
 * styles are passed in, so this stays pure). On one shared time axis with fault spans shaded and
 * labelled events: the reservoir as the pump believes it beside the truth and the alarm threshold;
 * the drug that reached the CSF each day beside the programmed dose; the concentration at the tip
 * beside the programmed one; cumulative drug to the CSF and the pocket; named alarm lanes; with a
 * patient, the spasticity score and stages. Each plot saves as PNG. Then the expectations, one row
 * per observable, the refills (what each found), and the event log in clinical words.
 */
export function reportHtml(
  report: ScenarioReport,
  chart: { readonly script: string; readonly css: string },
  label: TimeLabel = dayLabel,
): string {
  const series = report.series;
  const marks = eventMarks(report);
  const data = {
    days: series.map((p) => p.at / DAY),
    belief: series.map((p) => p.beliefReservoirMl),
    truth: series.map((p) => p.truthReservoirMl),
    threshold: series.map((p) => p.lowReservoirAlarmMl),
    dose: series.map((p) => p.doseMcgPerDay),
    tipConcentration: series.map((p) => p.tipConcentrationMcgPerMl),
    programmedConcentration: series.map((p) => p.programmedConcentrationMcgPerMl),
    delivered: series.map((p) => p.deliveredMcg),
    pocket: series.map((p) => p.pocketMcg),
    leaked: series.map((p) => p.leakedMcg ?? 0),
    daily: {
      days: report.daily.map((d) => d.day),
      delivered: report.daily.map((d) => d.deliveredMcg),
      programmed: report.daily.map((d) => d.programmedMcgPerDay),
    },
    alarms: alarmSpans(report),
    events: marks.map(({ n, day, text, patient }) => ({ n, day, text, patient })),
    faults: report.faults.map((f) => ({
      from: f.from / DAY,
      to: (f.to ?? report.durationMs) / DAY,
      text: faultWords(f.kind),
    })),
    patient: series.some((p) => p.ashworth !== undefined)
      ? {
          ashworth: series.map((p) => p.ashworth ?? null),
          effect: series.map((p) => p.relativeEffect ?? null),
          withdrawal: series.map((p) => p.withdrawalStage ?? null),
          overdose: series.map((p) => p.overdoseStage ?? null),
        }
      : null,
    pain: series.some((p) => p.painScore !== undefined)
      ? {
          score: series.map((p) => p.painScore ?? null),
          breathing: series.map((p) => p.respiratoryRate ?? null),
          sedation: series.map((p) => p.sedationStage ?? null),
          respiratory: series.map((p) => p.respiratoryStage ?? null),
        }
      : null,
  };
  const rows = expectationRows(report);
  const expectations =
    rows.length === 0
      ? '<p class="fail-text">This scenario has no expectations: nothing was checked.</p>'
      : table(
          ['#', 'result', 'when', 'observable or event', 'expected', 'found'],
          rows.map((r) => [
            String(r.index),
            r.passed ? 'held' : '<strong>FAILED</strong>',
            r.at === null ? '' : escapeHtml(label(r.at)),
            `<code>${escapeHtml(r.subject)}</code>`,
            escapeHtml(r.expected),
            escapeHtml(r.found),
          ]),
          rows.map((r) => (r.passed ? 'pass' : 'fail')),
        );
  const violations =
    report.violations.length === 0
      ? ''
      : `<section><h2>Safety invariants violated</h2>${table(
          ['requirement', 'when', 'what was found'],
          report.violations.map((v) => [escapeHtml(v.requirement), escapeHtml(label(v.at)), escapeHtml(v.message)]),
          report.violations.map(() => 'fail'),
        )}</section>`;
  const refusals =
    report.refusals.length === 0
      ? ''
      : `<section><h2>Actions the pump refused</h2>${table(
          ['timeline entry', 'when', 'why'],
          report.refusals.map((r) => [`timeline[${r.action}]`, escapeHtml(label(r.at)), escapeHtml(r.message)]),
        )}</section>`;
  const refills =
    report.refills.length === 0
      ? ''
      : `<section><h2>Refills: what each found</h2>${table(
          [
            'when',
            'calculated (mL)',
            'expected back (mL)',
            'aspirated (mL)',
            'discrepancy (mL)',
            'injected (mL)',
            'concentration (mcg/mL)',
            'needle',
            'recorded (mL)',
          ],
          report.refills.map((r) => [
            escapeHtml(label(r.at)),
            ml(r.calculatedMl),
            ml(r.expectedMl),
            ml(r.aspiratedMl),
            `${r.discrepancyMl > 0 ? '+' : ''}${ml(r.discrepancyMl)}`,
            ml(r.injectedMl),
            String(r.concentrationMcgPerMl),
            r.needle,
            ml(r.recordedMl),
          ]),
          report.refills.map((r) => (Math.abs(r.discrepancyMl) >= 1 || r.needle !== 'reservoir' ? 'fail' : '')),
        )}</section>`;
  const key =
    marks.length === 0
      ? ''
      : `<section><h2>Events marked on the plots</h2>${table(
          ['line', 'when', 'what happened'],
          marks.map((m) => [
            `<span class="mark${m.patient ? ' patient' : ''}">${m.n}</span>`,
            escapeHtml(label(m.at)),
            escapeHtml(m.all),
          ]),
        )}</section>`;
  const events = table(
    ['when', 'event', 'name in the log'],
    report.events.map((e) => [
      escapeHtml(label(e.at)),
      escapeHtml(eventWords(e.type)),
      `<code>${escapeHtml(e.type)}</code>`,
    ]),
  );
  const verdict = report.passed
    ? report.expectations.length === 0
      ? 'no expectations'
      : 'all expectations held'
    : report.violations.length > 0
      ? 'a safety invariant was violated'
      : 'an expectation failed';
  const plotSection = (id: string, title: string) =>
    `<section class="plot"><h2>${title}</h2><button type="button" class="png" data-plot="${id}">Save PNG</button><div id="${id}"></div></section>`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>ITPS report: ${escapeHtml(report.name)}</title>
<style>${chart.css}
body{font-family:system-ui,'Liberation Sans',sans-serif;margin:0;color:#1b2430;background:#f4f6f8}
.notice{background:#fff4ce;border-bottom:2px solid #c9a400;padding:.5rem 1rem;text-align:center}
main{padding:1rem;max-width:1100px;margin:auto}
h1{font-size:1.4rem;margin:.5rem 0}.meta{color:#4a5868}
.verdict{font-weight:700;padding:.2rem .6rem;border-radius:6px}.verdict.pass{background:#d7f2df;color:#1e6b34}.verdict.fail{background:#f8d7d5;color:#b3261e}
section{background:#fff;border-radius:10px;padding:.75rem 1rem;margin:1rem 0;box-shadow:0 1px 3px rgba(0,0,0,.12);position:relative}
section h2{font-size:1.05rem;margin:.2rem 7rem .5rem 0}
button.png{position:absolute;top:.6rem;right:1rem;font:inherit;font-size:.85rem;padding:.3rem .7rem;border-radius:6px;border:1px solid #8a99a8;background:#fff;cursor:pointer}
table.data{border-collapse:collapse;width:100%;font-size:.9rem}.data td,.data th{text-align:left;padding:.25rem .4rem;border-bottom:1px solid #e1e6ea;vertical-align:top}
.mark{display:inline-block;min-width:1.4rem;text-align:center;border-radius:4px;background:#e3e7eb;font-weight:600}.mark.patient{background:#e8dff5;color:#4b2f80}
tr.fail td{background:#fdecea}code{font-size:.8rem;overflow-wrap:anywhere}.fail-text{color:#b3261e;font-weight:600}
</style></head><body>
<p class="notice">${escapeHtml(report.notice)}</p>
<main>
<h1>${escapeHtml(report.name)}</h1>
<p class="meta">Seed ${report.seed} &middot; from ${escapeHtml(label(0))} to ${escapeHtml(label(report.durationMs))} (${escapeHtml(formatDuration(report.durationMs))}) &middot; <span class="verdict ${report.passed && report.expectations.length > 0 ? 'pass' : 'fail'}">${verdict}</span></p>
${violations}
<section><h2>Expectations</h2>${expectations}</section>
${plotSection('reservoir', 'Reservoir (mL): the pump&rsquo;s calculated volume, the real volume, and the low-reservoir alarm threshold')}
${plotSection('daily', 'Drug that reached the CSF each day (mcg), beside the programmed daily dose')}
${plotSection('concentration', 'Concentration (mcg/mL): leaving the catheter tip, and as programmed')}
${plotSection('delivered', 'Drug delivered, cumulative (mcg): to the CSF, into the pocket, and leaked from the catheter')}
${data.alarms.length === 0 ? '<section><h2>Alarms</h2><p id="alarms">No alarm sounded during the run.</p></section>' : plotSection('alarms', 'Alarms: when each was sounding')}
${data.patient ? `${plotSection('patient', 'Patient: Modified Ashworth score (0-4) and effect relative to need')}${plotSection('stages', 'Patient: withdrawal and overdose stages (0 none; withdrawal 1 early, 2 moderate, 3 severe; overdose 1 drowsy to 4 coma)')}` : ''}${data.pain ? `${plotSection('pain', 'Patient treated for pain: pain score (0-10) and breaths a minute')}${plotSection('painStages', 'Patient treated for pain: sedation (1 drowsy to 4 coma) and respiratory depression (1 early to 4 arrest)')}` : ''}
${key}
${refills}
${refusals}
<section><h2>Event log</h2>${events}</section>
</main>
<script>${chart.script}</script>
<script>
const data = ${JSON.stringify(data)};
const width = Math.min(1060, document.querySelector('main').clientWidth - 40);
const sync = uPlot.sync('itps');
const dayAxis = { label: 'day', values: (u, ticks) => ticks.map((t) => +t.toFixed(3)) };
// fault spans shaded and labelled, other events as labelled dashed lines, on every time plot
const marks = (u) => {
  const ctx = u.ctx, top = u.bbox.top, h = u.bbox.height, px = devicePixelRatio || 1;
  ctx.save();
  ctx.font = (10 * px) + 'px sans-serif';
  // uPlot leaves the alignment of its last axis label: labels here start at their x
  ctx.textAlign = 'left'; ctx.textBaseline = 'alphabetic';
  for (const f of data.faults) {
    const x0 = u.valToPos(f.from, 'x', true), x1 = u.valToPos(f.to, 'x', true);
    ctx.fillStyle = 'rgba(211,84,0,0.10)'; ctx.fillRect(x0, top, Math.max(2 * px, x1 - x0), h);
    ctx.fillStyle = '#a04000'; ctx.fillText(f.text, x0 + 3 * px, top + h - 4 * px);
  }
  // every line named: its number and words where they fit (three rows, none over another), its
  // number alone where events crowd; the key under the plots names each number. The patient's
  // stage changes in purple, the pump's and the clinician's events in grey
  const rows = [-Infinity, -Infinity, -Infinity];
  for (const e of data.events) {
    const x = u.valToPos(e.day, 'x', true);
    if (x < u.bbox.left || x > u.bbox.left + u.bbox.width) continue;
    ctx.strokeStyle = e.patient ? 'rgba(107,79,160,0.75)' : 'rgba(90,90,90,0.45)'; ctx.setLineDash(e.patient ? [2 * px, 2 * px] : [4 * px, 4 * px]);
    ctx.beginPath(); ctx.moveTo(x, top); ctx.lineTo(x, top + h); ctx.stroke(); ctx.setLineDash([]);
    const right = u.bbox.left + u.bbox.width;
    const full = e.n + ' ' + e.text, short = String(e.n);
    let text = full, row = rows.findIndex((end) => x > end + 6 * px);
    if (row === -1 || x + ctx.measureText(full).width > right) { text = short; row = rows.findIndex((end) => x > end + 3 * px); }
    if (row === -1) continue;
    const width = ctx.measureText(text).width;
    const at = x + width + 2 * px > right ? x - width - 2 * px : x + 2 * px;
    rows[row] = at + width;
    ctx.fillStyle = e.patient ? '#4b2f80' : '#3b4654'; ctx.fillText(text, at, top + (11 + 11 * row) * px);
  }
  ctx.restore();
};
const plot = (el, series, values, unit, opts = {}) => new uPlot({
  width, height: opts.height || 230, cursor: { sync: { key: sync.key } },
  axes: [dayAxis, { label: unit, size: opts.axisSize || 60, ...(opts.yValues ? { values: opts.yValues, splits: opts.splits } : {}) }],
  hooks: { draw: [marks, ...(opts.draw ? [opts.draw] : [])] },
  scales: { x: { time: false, range: [0, data.days[data.days.length - 1]] }, ...(opts.y ? { y: opts.y } : {}) },
  series: [{ label: 'day' }, ...series.map((s) => ({ width: 2, ...s }))],
}, [opts.x || data.days, ...values], document.getElementById(el));
const stepped = uPlot.paths.stepped({ align: 1 });
plot('reservoir', [
  { label: 'pump calculated', stroke: '#2f5d8a' },
  { label: 'real volume', stroke: '#c0392b', dash: [6, 4] },
  { label: 'low-reservoir threshold', stroke: '#8a5a00', width: 1, dash: [2, 3], paths: stepped },
], [data.belief, data.truth, data.threshold], 'mL');
plot('daily', [
  { label: 'reached the CSF that day', stroke: '#1e6b34', fill: 'rgba(30,107,52,0.25)', paths: uPlot.paths.bars({ size: [0.9, Infinity], align: 1 }) },
  { label: 'programmed dose', stroke: '#6b4fa0', paths: stepped },
], [data.daily.delivered, data.daily.programmed], 'mcg/day', { x: data.daily.days, y: { range: (u, min, max) => [0, Math.max(1, max) * 1.1] } });
plot('concentration', [
  { label: 'leaving the tip', stroke: '#1e6b34' },
  { label: 'programmed', stroke: '#6b4fa0', dash: [6, 4], paths: stepped },
], [data.tipConcentration, data.programmedConcentration], 'mcg/mL');
plot('delivered', [{ label: 'to CSF', stroke: '#1e6b34' }, { label: 'into the pocket', stroke: '#d35400' }, { label: 'leaked from the catheter', stroke: '#b3261e', dash: [6, 4] }], [data.delivered, data.pocket, data.leaked], 'mcg');
if (data.patient) {
  plot('patient', [{ label: 'Ashworth', stroke: '#6b4fa0' }, { label: 'effect / need', stroke: '#1e6b34', dash: [6, 4] }], [data.patient.ashworth, data.patient.effect], 'score');
  plot('stages', [{ label: 'withdrawal', stroke: '#b3261e', paths: stepped }, { label: 'overdose', stroke: '#2f5d8a', paths: stepped }], [data.patient.withdrawal, data.patient.overdose], 'stage');
}
if (data.pain) {
  plot('pain', [{ label: 'pain score', stroke: '#6b4fa0' }, { label: 'breaths a minute', stroke: '#1e6b34', dash: [6, 4] }], [data.pain.score, data.pain.breathing], 'score, /min');
  plot('painStages', [{ label: 'sedation', stroke: '#b3261e', paths: stepped }, { label: 'respiratory depression', stroke: '#2f5d8a', paths: stepped }], [data.pain.sedation, data.pain.respiratory], 'stage');
}
// named alarm lanes: one row per alarm, a bar while it sounded (from the log, never lost between samples)
const lanes = data.alarms;
const laneDraw = (u) => {
  const ctx = u.ctx, px = devicePixelRatio || 1;
  ctx.save();
  lanes.forEach((lane, i) => {
    const y = u.valToPos(i + 1, 'y', true);
    ctx.fillStyle = ['#b3261e', '#8a5a00', '#2f5d8a', '#6b4fa0', '#1e6b34', '#d35400', '#555'][i % 7];
    for (const [a, b] of lane.spans) {
      const x0 = u.valToPos(a, 'x', true), x1 = u.valToPos(b, 'x', true);
      ctx.fillRect(x0, y - 6 * px, Math.max(3 * px, x1 - x0), 12 * px);
    }
  });
  ctx.restore();
};
if (lanes.length > 0) plot('alarms', [{ label: 'alarm', show: false }], [data.days.map(() => null)], '', {
  height: 70 + 34 * Math.max(1, lanes.length), axisSize: 190, draw: laneDraw,
  y: { range: [0.5, Math.max(1, lanes.length) + 0.5] },
  splits: () => lanes.map((_, i) => i + 1), yValues: (u, ticks) => ticks.map((t) => (lanes[t - 1] ? lanes[t - 1].name : '')),
});
for (const button of document.querySelectorAll('button.png')) {
  button.addEventListener('click', () => {
    const canvas = document.querySelector('#' + button.dataset.plot + ' canvas');
    const link = document.createElement('a');
    link.href = canvas.toDataURL('image/png');
    link.download = button.dataset.plot + '.png';
    link.click();
  });
}
</script>
</body></html>
`;
}
