import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { parseScenario, runScenario } from '../src/index.ts';
import { SMALL_SCENARIO } from './smallScenario.ts';

// The scenario format's drugs in their own units: exactly one concentration field, the one that fits
// the drug (mg/mL for morphine, mcg/mL for baclofen and ziconotide), each drug's own range, a dose
// in the lead drug's unit, an admixture of other drugs each once. Each problem in full.
const base = { ...SMALL_SCENARIO, name: 'drugs' };
const problemsOf = (over: Record<string, unknown>) => {
  const parsed = parseScenario(stringify({ ...base, ...over }), 'drugs.yaml');
  return parsed.ok ? [] : parsed.problems.map(({ path, expected, found }) => ({ path, expected, found }));
};
const pump = (
  reservoir: Record<string, unknown>,
  therapy: Record<string, unknown> = { mode: 'simple', doseMgPerDay: 5 },
) => problemsOf({ pump: { ...base.pump, reservoir: { volumeMl: 20, ...reservoir }, therapy } });
const morphine = { drug: 'morphine', concentrationMgPerMl: 25 };

describe('drugs in a scenario file, each in its own unit', () => {
  it('takes morphine in mg/mL and mg/day, and format-1 baclofen as it was', () => {
    expect(pump(morphine)).toEqual([]);
    expect(problemsOf({})).toEqual([]);
  });

  it('names the field that does not fit the drug, the one expected and the one found', () => {
    expect(pump({ drug: 'morphine', concentrationMcgPerMl: 25 })).toEqual([
      {
        path: 'pump.reservoir.concentrationMcgPerMl',
        expected: 'concentrationMgPerMl for morphine (its unit is mg/mL), not concentrationMcgPerMl',
        found: 'concentrationMcgPerMl: 25',
      },
    ]);
    expect(pump({ drug: 'baclofen', concentrationMgPerMl: 0.5 }, { mode: 'simple', doseMcgPerDay: 250 })).toEqual([
      {
        path: 'pump.reservoir.concentrationMgPerMl',
        expected: 'concentrationMcgPerMl for baclofen (its unit is mcg/mL), not concentrationMgPerMl',
        found: 'concentrationMgPerMl: 0.5',
      },
    ]);
    // both at once: the one that does not fit is named
    expect(pump({ ...morphine, concentrationMcgPerMl: 25 })).toEqual([
      expect.objectContaining({ path: 'pump.reservoir.concentrationMcgPerMl', found: 'concentrationMcgPerMl: 25' }),
    ]);
    expect(pump({ drug: 'morphine' })).toEqual([
      {
        path: 'pump.reservoir.concentrationMgPerMl',
        expected: "morphine's concentration in concentrationMgPerMl (0.1 mg/mL to 25 mg/mL)",
        found: 'nothing',
      },
    ]);
  });

  it('holds each drug to its own range and to whole mcg/mL', () => {
    expect(pump({ drug: 'morphine', concentrationMgPerMl: 50 })).toEqual([
      { path: 'pump.reservoir.concentrationMgPerMl', expected: 'morphine at 0.1 mg/mL to 25 mg/mL', found: '50' },
    ]);
    expect(pump({ drug: 'morphine', concentrationMgPerMl: 2.0005 })).toEqual([
      {
        path: 'pump.reservoir.concentrationMgPerMl',
        expected: 'morphine at 0.1 mg/mL to 25 mg/mL, a whole number of mcg/mL',
        found: '2.0005',
      },
    ]);
    expect(pump({ drug: 'ziconotide', concentrationMcgPerMl: 500 }, { mode: 'simple', doseMcgPerDay: 2.4 })).toEqual([
      { path: 'pump.reservoir.concentrationMcgPerMl', expected: 'ziconotide at 1 mcg/mL to 100 mcg/mL', found: '500' },
    ]);
  });

  it('asks the dose in the lead drug unit', () => {
    expect(pump(morphine, { mode: 'simple', doseMcgPerDay: 5000 })).toEqual([
      {
        path: 'pump.therapy.doseMcgPerDay',
        expected: 'doseMgPerDay for a program led by morphine (its doses are in mg/day), not doseMcgPerDay',
        found: 'doseMcgPerDay: 5000',
      },
    ]);
    expect(pump(morphine, { mode: 'flex', steps: [{ start: '00:00', doseMgPerDay: 4 }, { start: '12:00' }] })).toEqual([
      { path: 'pump.therapy.steps[1].doseMgPerDay', expected: 'the daily dose of morphine', found: 'nothing' },
    ]);
  });

  it('takes an admixture of other drugs, each once and in its own unit', () => {
    const lead = { drug: 'baclofen', concentrationMcgPerMl: 500 };
    const dose = { mode: 'simple', doseMcgPerDay: 250 };
    expect(pump({ ...lead, admixture: [{ drug: 'morphine', concentrationMgPerMl: 10 }] }, dose)).toEqual([]);
    expect(pump({ ...lead, admixture: [{ drug: 'baclofen', concentrationMcgPerMl: 500 }] }, dose)).toEqual([
      {
        path: 'pump.reservoir.admixture[0].drug',
        expected: 'a drug not already in the solution (baclofen)',
        found: 'baclofen',
      },
    ]);
    expect(pump({ ...lead, admixture: [{ drug: 'morphine', concentrationMcgPerMl: 10_000 }] }, dose)).toEqual([
      expect.objectContaining({
        path: 'pump.reservoir.admixture[0].concentrationMcgPerMl',
        found: 'concentrationMcgPerMl: 10000',
      }),
    ]);
  });

  it('checks refills: the drug in the syringe, its unit, and the bridge question when the lead drug changes', () => {
    const timeline = (refill: Record<string, unknown>) =>
      problemsOf({ timeline: [{ at: 'P1D', action: 'refill', volumeMl: 18, ...refill }] });
    expect(timeline({ concentrationMgPerMl: 0.5 })).toEqual([
      {
        path: 'timeline[0].concentrationMgPerMl',
        expected: 'concentrationMcgPerMl for baclofen (its unit is mcg/mL), not concentrationMgPerMl',
        found: 'concentrationMgPerMl: 0.5',
      },
    ]);
    expect(timeline({ drug: 'morphine', concentrationMgPerMl: 10 })).toEqual([
      {
        path: 'timeline[0].bridgeBolus',
        expected: 'true or false: the drug changes from baclofen to morphine',
        found: 'nothing',
      },
    ]);
    // an admixed drug's change leaves the lead drug's rate alone: no bridge is asked for
    expect(
      timeline({ concentrationMcgPerMl: 500, admixture: [{ drug: 'morphine', concentrationMgPerMl: 10 }] }),
    ).toEqual([]);
  });

  it('takes a bolus in the lead drug unit: doseMg on a morphine pump', () => {
    const morphinePump = {
      ...base.pump,
      reservoir: { volumeMl: 20, ...morphine },
      therapy: { mode: 'simple', doseMgPerDay: 5 },
    };
    const bolus = (dose: Record<string, unknown>) =>
      problemsOf({
        pump: morphinePump,
        timeline: [{ at: 'P1D', action: 'bolus', kind: 'single', duration: 'PT1H', ...dose }],
      });
    expect(bolus({ doseMg: 0.5 })).toEqual([]);
    expect(bolus({ doseMcg: 500 })).toEqual([
      {
        path: 'timeline[0].doseMcg',
        expected: 'doseMg for a program led by morphine, not doseMcg',
        found: 'doseMcg: 500',
      },
    ]);
    expect(bolus({})).toEqual([
      { path: 'timeline[0]', expected: 'exactly one of doseMg and volumeMl', found: 'neither' },
    ]);
    // 0.5 mg at 25 mg/mL is 0.02 mL: the bolus runs and completes
    const parsed = parseScenario(
      stringify({
        ...base,
        pump: morphinePump,
        timeline: [{ at: 'P1D', action: 'bolus', kind: 'single', duration: 'PT1H', doseMg: 0.5 }],
        expect: [{ event: 'bolus.completed', between: ['P1D', 'P1DT1H'] }],
      }),
      'bolus.yaml',
    );
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    const report = runScenario(parsed.scenario);
    expect(report.refusals).toEqual([]);
    expect(report.passed).toBe(true);
  });

  it('a format-1 file runs as it did: a baclofen pump holds baclofen alone and its report has no per-drug block', () => {
    const parsed = parseScenario(stringify(base), 'base.yaml');
    if (!parsed.ok) throw new Error('the base scenario does not parse');
    const report = runScenario(parsed.scenario);
    expect(report.final).not.toHaveProperty('drugs');
    expect(Object.keys(report.final.truth)).not.toContain('truth.delivered.baclofenMcg');
  });
});
