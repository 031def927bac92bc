import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenario, runScenario } from '../src/index.ts';

// The format's PTM fields on a pump whose drug the pump does not know: 1000 mcg/mL at 2000 mcg/day
// (2 mL/day), a 100 mcg bolus (0.1 mL) over 15 min, 1 h lockout, 3 in any 24 hours. The clinical
// rules (which drug may have PTM) are the programmer's gate, not the file's.
const file = (ptm: string, timeline: string, expect = '') => `
format: itps-scenario/1
name: PTM mechanics
duration: P2D
pump:
  model: synchromed-ii-20
  reservoir: { volumeMl: 20, drug: baclofen, concentrationMcgPerMl: 1000 }
  catheter: { implantedLengthCm: 0 }
  therapy:
    mode: simple
    doseMcgPerDay: 2000
${ptm}
timeline:
${timeline}
expect:
  - at: P2D
    that: { pump.mode: simple }
${expect}`;
const PTM = '    ptm: { bolusDoseMcg: 100, bolusDuration: PT15M, lockout: PT1H, maxPerDay: 3 }';

describe('PTM in the scenario format', () => {
  it('presses at times: given, locked out, the day limit; counted in the PTM report and the events', () => {
    const parsed = parseScenario(
      file(
        PTM,
        `  - { at: PT1H, action: ptm.press }
  - { at: PT1H30M, action: ptm.press }
  - { at: PT2H, action: ptm.press }
  - { at: PT5H, action: ptm.press }
  - { at: PT8H, action: ptm.press }`,
        `  - at: PT8H
    that: { pump.ptmPresses24h: 5, pump.ptmBoluses24h: 3, pump.ptmLockouts24h: 1, pump.ptmDayLimits24h: 1 }
  - at: P1D
    that: { truth.deliveredMcg: { near: 2300, within: 0.000001 } }
  - at: P1DT1H
    that: { pump.ptmPresses24h: 4, pump.ptmBoluses24h: 2 }
  - { event: ptm.lockedOut, between: [PT1H30M, PT1H30M] }
  - { event: ptm.dayLimit, between: [PT8H, PT8H] }
  - { event: ptm.unavailable, never: true }`,
      ),
      'ptm.scenario.yaml',
    );
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    const report = runScenario(parsed.scenario);
    expect(report.expectations.filter((e) => !e.passed)).toEqual([]);
    expect(report.refusals).toEqual([]);
    expect(report.events.filter((e) => e.type.startsWith('ptm.')).map((e) => `${e.when} ${e.type}`)).toEqual([
      'PT1H ptm.bolus',
      'PT1H30M ptm.lockedOut',
      'PT2H ptm.bolus',
      'PT5H ptm.bolus',
      'PT8H ptm.dayLimit',
    ]);
  });

  it('a press without PTM is the pump refusing it in its log, never a refused action; a program switches PTM on', () => {
    const parsed = parseScenario(
      file(
        '',
        `  - { at: PT1H, action: ptm.press }
  - { at: PT2H, action: program, therapy: { mode: simple, doseMcgPerDay: 2000, ptm: { bolusDoseMcg: 100, bolusDuration: PT15M, lockout: PT1H, maxPerDay: 3 } } }
  - { at: PT3H, action: ptm.press }`,
        `  - { event: ptm.unavailable, between: [PT1H, PT1H] }
  - { event: ptm.bolus, between: [PT3H, PT3H] }`,
      ),
      'ptm.scenario.yaml',
    );
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    const report = runScenario(parsed.scenario);
    expect(report.expectations.filter((e) => !e.passed)).toEqual([]);
    expect(report.refusals).toEqual([]);
    // a pump with PTM has its report in the final belief; a pump never with PTM keeps its report as before
    // the report is there once the pump has PTM; at P2D the 03:00 bolus is more than 24 hours old
    expect(report.final.belief['pump.ptmBoluses24h']).toBe(0);
  });

  it('refuses a dose in the unit that does not fit the drug, in both or neither, and settings the pump cannot run', () => {
    const problems = (ptm: string) => {
      const parsed = parseScenario(file(ptm, '  - { at: PT1H, action: ptm.press }'), 'ptm.scenario.yaml');
      return parsed.ok ? [] : parsed.problems.map((p) => `${p.path}: expected ${p.expected}, found ${p.found}`);
    };
    expect(problems('    ptm: { bolusDoseMg: 0.1, bolusDuration: PT15M, lockout: PT1H, maxPerDay: 3 }')).toEqual([
      'pump.therapy.ptm: expected the bolus dose as bolusDoseMcg (baclofen doses are in mcg), found bolusDoseMg',
    ]);
    expect(problems('    ptm: { bolusDuration: PT15M, lockout: PT1H, maxPerDay: 3 }')).toEqual([
      'pump.therapy.ptm: expected the bolus dose as bolusDoseMcg (baclofen doses are in mcg), found no bolus dose',
    ]);
    const [short] = problems('    ptm: { bolusDoseMcg: 100, bolusDuration: PT2H, lockout: PT1H, maxPerDay: 3 }');
    expect(short).toContain('PTM: the lockout (60 min) must be at least the bolus duration (120 min).');
    expect(problems('    ptm: { bolusDoseMcg: 100, bolusDuration: PT15M, lockout: PT1H, maxPerDay: 0 }')[0]).toContain(
      'pump.therapy.ptm.maxPerDay',
    );
  });

  it('the library PTM day: every press at its time, as its comments work it by hand', () => {
    const file = 'ptm-day-with-lockouts.scenario.yaml';
    const parsed = parseScenario(readFileSync(new URL(`../scenarios/${file}`, import.meta.url), 'utf8'), file);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    const report = runScenario(parsed.scenario);
    expect(report.events.filter((e) => e.type.startsWith('ptm.')).map((e) => `${e.when} ${e.type}`)).toEqual([
      'PT1H ptm.bolus',
      'PT1H30M ptm.lockedOut',
      'PT2H59M ptm.lockedOut',
      'PT3H ptm.bolus',
      'PT8H ptm.bolus',
      'PT12H ptm.bolus',
      'PT14H ptm.dayLimit',
      'P1DT30M ptm.dayLimit',
      'P1DT1H ptm.bolus',
      'P1DT2H ptm.dayLimit',
      'P1DT3H ptm.bolus',
    ]);
    // each bolus ends 20 minutes after it starts
    expect(report.events.filter((e) => e.type === 'bolus.completed').map((e) => e.when)).toEqual([
      'PT1H20M',
      'PT3H20M',
      'PT8H20M',
      'PT12H20M',
      'P1DT1H20M',
      'P1DT3H20M',
    ]);
  });
});
