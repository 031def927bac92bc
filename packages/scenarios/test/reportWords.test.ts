import { describe, expect, it } from 'vitest';
import {
  dayLabel,
  diffReports,
  eventsCsv,
  expectationRows,
  expectedWords,
  readReport,
  reportHtml,
  runScenario,
  scenarioJsonSchema,
  seriesCsv,
} from '../src/index.ts';
import { smallScenario } from './smallScenario.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
// the small pump: 20 mL of 500 mcg/mL at 250 mcg/day (0.5 mL/day) for two days
const report = (over: Record<string, unknown> = {}) => runScenario(smallScenario(over));

describe('reports in words', () => {
  it('writes expected values as a clinician reads them', () => {
    expect(expectedWords({ near: 1.98, within: 0.01 })).toBe('near 1.98 ± 0.01');
    expect(expectedWords({ min: 4.6, max: 5 })).toBe('from 4.6 to 5');
    expect(expectedWords('active')).toBe('= active');
    expect(expectedWords(1 / 3)).toBe('= 0.333333');
  });

  it('gives one row per observable checked, each judged alone, and one per event', () => {
    const r = report({
      expect: [
        { at: 'P1D', that: { 'pump.reservoirMl': 19.5, 'alarm.lowReservoir': 'active' } },
        { event: 'alarm.eos.raised', never: true },
        { event: 'bolus.started', between: ['PT1H', 'PT2H'] },
      ],
    });
    expect(expectationRows(r)).toEqual([
      { index: 0, at: DAY, subject: 'pump.reservoirMl', expected: '= 19.5', found: '19.5', passed: true },
      { index: 0, at: DAY, subject: 'alarm.lowReservoir', expected: '= active', found: 'inactive', passed: false },
      { index: 1, at: null, subject: 'alarm.eos.raised', expected: 'never', found: 'never', passed: true },
      {
        index: 2,
        at: null,
        subject: 'bolus.started',
        expected: 'first between PT1H and PT2H',
        found: 'never',
        passed: false,
      },
    ]);
  });

  it('labels instants by day and clock, and writes days to five places in the CSV files', () => {
    expect(dayLabel(36 * DAY + HOUR)).toBe('day 36 01:00');
    expect(dayLabel(3 * DAY + 4 * HOUR + 5_000)).toBe('day 3 04:00:05');
    const r = report({ timeline: [{ at: 'PT4H', action: 'interrogate' }] });
    expect(eventsCsv(r).split('\n').slice(0, 2)).toEqual([
      'at_ms,day,time,type,meaning',
      '14400000,0.16667,"day 0 04:00","pump.interrogated","Pump interrogated"',
    ]);
    expect(seriesCsv(r).split('\n')[1]).toBe('0,0.00000,"day 0 00:00",20,20,2,250,500,500,0,0,0,""');
  });

  it('escapes what a file names, says when nothing was expected and no alarm sounded', () => {
    const html = reportHtml(report({ name: '<script>alert(1)</script>' }), { script: '', css: '' });
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('This scenario has no expectations: nothing was checked.');
    expect(html).toContain('No alarm sounded during the run.');
    expect(html).toContain('no expectations');
  });
});

describe('diffs of two reports', () => {
  it('finds nothing between a report and itself, and every move beyond the tolerance otherwise', () => {
    const a = report({ expect: [{ at: 'P1D', that: { 'pump.reservoirMl': 19.5 } }] });
    expect(diffReports(a, a, { value: 0, timeMs: 0 })).toEqual([]);
    const b = report({
      pump: {
        model: 'synchromed-ii-20',
        reservoir: { volumeMl: 20, drug: 'baclofen', concentrationMcgPerMl: 500 },
        catheter: { implantedLengthCm: 40 },
        therapy: { mode: 'simple', doseMcgPerDay: 300 },
      },
      expect: [{ at: 'P1D', that: { 'pump.reservoirMl': 19.5 } }],
    });
    const changes = diffReports(a, b, { value: 0.001, timeMs: 0 });
    // 250 to 300 mcg/day: 0.6 instead of 0.5 mL/day, so after two days 18.8 mL instead of 19 mL
    expect(changes).toContainEqual({ what: 'passed', before: 'true', after: 'false' });
    expect(changes).toContainEqual({ what: 'expect[0]', before: 'held', after: 'failed' });
    expect(changes).toContainEqual({ what: 'final.belief.pump.reservoirMl', before: '19', after: '18.8', by: -0.2 });
    expect(diffReports(a, b, { value: 1000, timeMs: 0 }).some((c) => c.what.startsWith('final.'))).toBe(false);
  });

  it('reads a saved report back, and names what is wrong with one that is not', () => {
    const a = report();
    expect(readReport(JSON.parse(JSON.stringify(a)), 'a.json').ok).toBe(true);
    const bad = readReport({ format: 'itps-report/1', name: 1 }, 'b.json');
    expect(bad.ok === false && bad.problems[0]).toEqual({
      file: 'b.json',
      path: 'name',
      expected: 'a string',
      found: '1',
    });
  });
});

describe('the JSON Schema', () => {
  it('says every expectation checks something, and names itself', () => {
    const schema = JSON.stringify(scenarioJsonSchema());
    expect(schema).toContain('"minProperties":1');
    expect(scenarioJsonSchema().$id).toBe('https://itps.invalid/schema/itps-scenario-1.json');
  });
});
