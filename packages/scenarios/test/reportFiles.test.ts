import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  diffReports,
  eventsCsv,
  faultWords,
  parseScenario,
  reportHtml,
  runScenario,
  type ScenarioReport,
  seriesCsv,
  shortEventWords,
} from '../src/index.ts';
import { smallScenario } from './smallScenario.ts';

// The report files (HTML page, series and events CSV) and the report diff, on library scenarios
// that have what each part shows: a patient, a pocket fill, a catheter fault, a refusal, a failure.
const chart = { script: '/*uplot*/', css: '/*css*/' };
const library = (file: string): ScenarioReport => {
  const parsed = parseScenario(readFileSync(new URL(`../scenarios/${file}`, import.meta.url), 'utf8'), file);
  if (!parsed.ok) throw new Error(`${file} does not parse`);
  return runScenario(parsed.scenario);
};
/** The data the page hands its plots. */
const plotData = (html: string) => JSON.parse(/const data = (.*);\n/.exec(html)?.[1] ?? 'null');

describe('report.html', () => {
  it('with a patient: the patient plots, and the patient columns in series.csv', () => {
    const r = library('contract-example.scenario.yaml');
    const html = reportHtml(r, chart);
    expect(html).toContain('id="patient"');
    expect(html).toContain('id="stages"');
    expect(plotData(html).patient.ashworth.length).toBe(r.series.length);
    expect(seriesCsv(r).split('\n')[0]).toMatch(/,ashworth,relative_effect,withdrawal_stage,overdose_stage$/);
  });

  it('a pocket fill: the refill row is marked, with the needle where it really was', () => {
    const html = reportHtml(library('pocket-fill.scenario.yaml'), chart);
    expect(html).toContain('Refills: what each found');
    expect(html).toMatch(/<tr class="fail">(<td>[^<]*<\/td>){7}<td>pocket<\/td>/);
  });

  it('a catheter fault is a shaded span on every time plot, from its start to its end or the end of the run', () => {
    const r = library('catheter-occlusion.scenario.yaml');
    const faults = plotData(reportHtml(r, chart)).faults;
    expect(faults.length).toBe(r.faults.length);
    // in a clinician's words, not the file's code name
    expect(r.faults[0]?.kind).toBe('catheterOcclusion');
    expect(faults[0]).toMatchObject({ text: 'Catheter occluded' });
    expect(faults[0].to).toBe((r.faults[0]?.to ?? r.durationMs) / 86_400_000);
  });

  it('no expectation, no alarm: says so, and the verdict is not a pass', () => {
    const r = runScenario(smallScenario());
    const html = reportHtml(r, chart);
    expect(html).toContain('This scenario has no expectations: nothing was checked.');
    expect(html).toContain('No alarm sounded during the run.');
    expect(html).toContain('<span class="verdict fail">no expectations</span>');
  });

  it('a failed expectation, a refused action and a violated invariant each show in their place', () => {
    const r = runScenario(
      smallScenario({
        timeline: [{ at: 'PT1H', action: 'bolus', kind: 'single', doseMcg: 5000, duration: 'PT1M' }],
        expect: [{ at: 'P1D', that: { 'belief.reservoirMl': 1 } }],
      }),
    );
    expect(r.refusals.length).toBe(1);
    const failed = reportHtml(r, chart);
    expect(failed).toContain('an expectation failed');
    expect(failed).toContain('<strong>FAILED</strong>');
    expect(failed).toContain('Actions the pump refused');
    const violated = { ...r, violations: [{ requirement: 'REQ-CONS-01', at: 3_600_000, message: 'lost <1 nL>' }] };
    const html = reportHtml(violated, chart);
    expect(html).toContain('a safety invariant was violated');
    expect(html).toContain('Safety invariants violated');
    expect(html).toContain('lost &lt;1 nL&gt;');
  });

  it('alarm lanes from the log, a sounding alarm to the end of the run; events at one instant named once', () => {
    const r = library('reservoir-empty.scenario.yaml');
    const data = plotData(reportHtml(r, chart));
    expect(data.alarms.length).toBeGreaterThan(0);
    for (const lane of data.alarms) for (const [from, to] of lane.spans) expect(to).toBeGreaterThanOrEqual(from);
    const crowded = runScenario(
      smallScenario({
        timeline: [
          { at: 'PT1H', action: 'bolus', kind: 'single', doseMcg: 50, duration: 'PT1H' },
          { at: 'PT1H', action: 'program', therapy: { mode: 'stopped' } },
        ],
      }),
    );
    expect(plotData(reportHtml(crowded, chart)).events.some((e: { text: string }) => /\(\+\d+\)$/.test(e.text))).toBe(
      true,
    );
  });

  it('names instants by the caller’s calendar, and quotes CSV text', () => {
    const r = runScenario(smallScenario({ timeline: [{ at: 'PT0S', action: 'interrogate' }] }));
    const label = (ms: number) => `the "${ms}" ms`;
    expect(reportHtml(r, chart, label)).toContain('from the &quot;0&quot; ms');
    expect(eventsCsv(r, label).split('\n')[1]).toMatch(/^0,0\.00000,"the ""0"" ms",/);
  });
});

describe('report files from a report edited by hand', () => {
  it('patient figures missing at some instants are left empty, in the CSV and the plots', () => {
    const r = library('contract-example.scenario.yaml');
    const first = r.series[0];
    if (first === undefined) throw new Error('no series');
    const without = ({ ashworth, relativeEffect, withdrawalStage, overdoseStage, ...rest }: typeof first) => rest;
    const gaps: ScenarioReport = {
      ...r,
      series: [without(first), ...r.series.slice(1)],
    };
    expect(seriesCsv(gaps).split('\n')[1]).toMatch(/,"","","",""$/);
    const patient = plotData(reportHtml(gaps, chart)).patient;
    expect([patient.ashworth[0], patient.effect[0], patient.withdrawal[0], patient.overdose[0]]).toEqual([
      null,
      null,
      null,
      null,
    ]);
  });

  it('an alarm cleared with no raise in the log draws nothing; one the words do not know keeps its name', () => {
    const r = runScenario(smallScenario());
    const edited: ScenarioReport = {
      ...r,
      events: [
        { at: 1000, when: 'PT1S', type: 'alarm.lowReservoir.cleared' },
        { at: 2000, when: 'PT2S', type: 'alarm.newAlarm.raised' },
      ],
    };
    const lanes = plotData(reportHtml(edited, chart)).alarms;
    expect(lanes).toEqual([
      { name: 'Low reservoir', spans: [] },
      { name: 'newAlarm', spans: [[2000 / 86_400_000, r.durationMs / 86_400_000]] },
    ]);
  });

  it('a refill that found more than expected shows its discrepancy with a plus sign', () => {
    const r = library('pocket-fill.scenario.yaml');
    const refill = r.refills[0];
    if (refill === undefined) throw new Error('no refill');
    const html = reportHtml({ ...r, refills: [{ ...refill, discrepancyMl: 1.5 }] }, chart);
    expect(html).toContain('<td>+1.50</td>');
  });
});

describe('diffReports', () => {
  const a = runScenario(
    smallScenario({
      timeline: [{ at: 'P1D', action: 'program', therapy: { mode: 'simple', doseMcgPerDay: 200 } }],
      expect: [{ at: 'P1D', that: { 'belief.reservoirMl': 19.5 } }],
    }),
  );
  const none = { value: 0, timeMs: 0 };

  it('a report against itself: nothing moved', () => {
    expect(diffReports(a, a, none)).toEqual([]);
  });

  it('names every difference: verdict, expectations added, numbers and words, events, refusals, violations', () => {
    const key = Object.keys(a.final.belief).find((k) => typeof a.final.belief[k] === 'number') ?? '';
    const b: ScenarioReport = {
      ...a,
      seed: a.seed + 1,
      passed: !a.passed,
      expectations: [
        ...a.expectations,
        { ...(a.expectations[0] as ScenarioReport['expectations'][0]), index: 1, passed: false },
      ],
      final: {
        belief: { ...a.final.belief, [key]: (a.final.belief[key] as number) + 50, state: 'stopped' },
        truth: a.final.truth,
        patient: { ashworth: 2 },
      },
      events: [
        ...a.events.map((e) => ({ ...e, at: e.at + 10 })),
        { at: 5, when: 'PT0.005S', type: 'pump.interrogated' },
        { at: 6, when: 'PT0.006S', type: 'pump.interrogated' },
      ],
      refusals: [{ at: 0, action: 0, code: 'x', message: 'refused' }],
      violations: [{ requirement: 'REQ-RES-01', at: 0, message: 'negative' }],
    };
    const what = diffReports(a, b, none).map((c) => c.what);
    expect(what).toEqual(
      expect.arrayContaining([
        'seed',
        'passed',
        'expect[1]',
        `final.belief.${key}`,
        'final.belief.state',
        'final.patient.ashworth',
        'event pump.interrogated',
        'refusals',
        'violations',
      ]),
    );
    const moved = diffReports(a, b, none).find((c) => c.what.endsWith(' first'));
    expect(moved?.by).toBe(10);
    // within the tolerance the times and numbers are forgiven
    const forgiving = diffReports(a, b, { value: 100, timeMs: 10 }).map((c) => c.what);
    expect(forgiving).not.toContain(`final.belief.${key}`);
    expect(forgiving.some((w) => w.endsWith(' first'))).toBe(false);
    const twice = { ...b, events: [...b.events, { at: 7, when: 'PT0.007S', type: 'pump.interrogated' }] };
    expect(diffReports(b, twice, none).map((c) => [c.what, c.by])).toEqual([['event pump.interrogated count', 1]]);
    expect(diffReports(b, a, none).find((c) => c.what === 'refusals')).toMatchObject({
      before: 'refused',
      after: 'none',
    });
  });

  it('plots the drug leaked from the catheter, and names a fracture and a scan in clinical words', () => {
    const r = library('catheter-fracture.scenario.yaml');
    const data = plotData(reportHtml(r, chart));
    expect(r.faults.map((f) => f.kind)).toEqual(['catheterFracture']);
    expect(data.faults.map((f: { text: string }) => f.text)).toEqual(['Catheter fractured']);
    // what leaked is plotted and in series.csv, and ends where the report's final truth says
    expect(data.leaked.at(-1)).toBe(r.final.truth['truth.leakMcg']);
    expect(data.leaked.at(-1)).toBeGreaterThan(0);
    expect(seriesCsv(r).split('\n')[0]).toContain(',pocket_mcg,leaked_mcg,');
    expect(reportHtml(r, chart)).toContain("label: 'leaked from the catheter'");
    expect(faultWords('mri 1.5 T')).toBe('MRI scan (1.5 T)');
    expect(faultWords('somethingNew')).toBe('a pump or catheter fault');
  });

  it("names every line it draws: the patient's stage changes apart from the pump's events, each in the key", () => {
    const r = library('concentration-switch-no-bridge.scenario.yaml');
    const data = plotData(reportHtml(r, chart));
    const patient = data.events.filter((e: { patient: boolean }) => e.patient);
    expect(patient.length).toBeGreaterThan(0);
    expect(patient.map((e: { text: string }) => e.text)).toContain('Patient: drowsy');
    // numbered 1..n, and every number in the key under the plots with its words
    expect(data.events.map((e: { n: number }) => e.n)).toEqual(data.events.map((_: unknown, i: number) => i + 1));
    const html = reportHtml(r, chart);
    expect(html).toContain('Events marked on the plots');
    for (const e of data.events)
      expect(html).toContain(`<span class="mark${e.patient ? ' patient' : ''}">${e.n}</span>`);
    expect(html).toContain('The patient reached drowsiness');
    expect(shortEventWords('patient.withdrawal.none')).toBe('Patient: withdrawal over');
  });
});
