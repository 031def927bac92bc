import { describe, expect, it } from 'vitest';
import { runScenario } from '../src/index.ts';
import { smallScenario } from './smallScenario.ts';

// What the report shows between its regular samples, against figures worked by hand.
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * 250 mcg/day from a 20 mL pump with no dead space; at day 1 every drop is aspirated (19.5 mL after
 * a day at 0.5 mL/day) and 18 mL of 1000 mcg/mL go in, without a bridge bolus. The tubing (0.2 mL)
 * and 40 cm of catheter at 0.0026 mL/cm (0.104 mL) still hold 0.304 mL of 500 mcg/mL, which the new
 * flow of 0.25 mL/day pushes out in 0.304 / 0.25 = 1.216 days = 29 h 11 min 2.4 s. Until then the
 * tip gives 500 x 0.25 = 125 mcg/day: half the dose.
 */
const switched = () =>
  runScenario(
    smallScenario({
      duration: 'P4D',
      pump: {
        model: 'synchromed-ii-20',
        reservoirDeadSpaceMl: 0,
        reservoir: { volumeMl: 20, drug: 'baclofen', concentrationMcgPerMl: 500 },
        catheter: { implantedLengthCm: 40 },
        therapy: { mode: 'simple', doseMcgPerDay: 250 },
      },
      timeline: [
        {
          at: 'P1D',
          action: 'refill',
          withdrawMl: 'all',
          volumeMl: 18,
          concentrationMcgPerMl: 1000,
          bridgeBolus: false,
        },
      ],
    }),
  );

describe('the report between samples', () => {
  it('shows the concentration at the tip lagging the reservoir by the dead volume after a concentration change', () => {
    const report = switched();
    const at = (t: number) => report.series.find((p) => p.at >= t);
    expect(at(DAY)?.programmedConcentrationMcgPerMl).toBe(1000);
    expect(at(DAY)?.tipConcentrationMcgPerMl).toBe(500);
    expect(at(DAY + 29 * HOUR)?.tipConcentrationMcgPerMl).toBe(500);
    expect(at(DAY + 30 * HOUR)?.tipConcentrationMcgPerMl).toBe(1000);
  });

  it('samples the tip on both sides of the instant the new concentration reaches it, not at the next grid point', () => {
    const report = switched();
    // 0.304 mL at 0.25 mL/day: 1.216 days after the refill = 105 062 400 ms after it
    const front = DAY + 105_062_400;
    const point = (t: number) => report.series.find((p) => p.at === t);
    expect(point(front - 1)?.tipConcentrationMcgPerMl).toBe(500);
    expect(point(front)?.tipConcentrationMcgPerMl).toBe(1000);
    // the grid alone (every 864 s) has no point there
    expect(front % Math.floor((4 * DAY) / 400)).not.toBe(0);
    // and no point in between steps: the first point at 1000 is the front itself
    expect(report.series.find((p) => p.tipConcentrationMcgPerMl === 1000)?.at).toBe(front);
  });

  it('adds up the drug that reached the CSF each day: 250, then 125 while old drug leaves, then 223', () => {
    const report = switched();
    // day 2: 5 h 11 min 2.4 s (0.216 d) at 125 mcg/day, then 0.784 d at 250 mcg/day = 27 + 196
    expect(report.daily).toEqual([
      { day: 0, deliveredMcg: 250, programmedMcgPerDay: 250 },
      { day: 1, deliveredMcg: 125, programmedMcgPerDay: 250 },
      { day: 2, deliveredMcg: 223, programmedMcgPerDay: 250 },
      { day: 3, deliveredMcg: 250, programmedMcgPerDay: 250 },
    ]);
  });

  it('records what the refill found: 19.50 mL expected, 19.50 mL aspirated, no discrepancy, 18 mL in', () => {
    expect(switched().refills).toEqual([
      {
        at: DAY,
        calculatedMl: 19.5,
        expectedMl: 19.5,
        aspiratedMl: 19.5,
        discrepancyMl: 0,
        injectedMl: 18,
        concentrationMcgPerMl: 1000,
        needle: 'reservoir',
        recordedMl: 18,
      },
    ]);
  });

  it('expects back what the calculated volume holds less the dead space: a normal refill shows no discrepancy', () => {
    // the profile's 1.4 mL stays in the reservoir: 19.5 mL calculated, 18.1 mL expected back and aspirated
    const r = runScenario(
      smallScenario({
        timeline: [{ at: 'P1D', action: 'refill', withdrawMl: 'all', volumeMl: 18, concentrationMcgPerMl: 500 }],
      }),
    );
    expect(r.refills[0]).toMatchObject({
      calculatedMl: 19.5,
      expectedMl: 18.1,
      aspiratedMl: 18.1,
      discrepancyMl: 0,
      recordedMl: 19.4,
    });
  });

  it('samples just before and at a 10-minute bolus and its end, which fall between grid samples', () => {
    const report = runScenario(
      smallScenario({
        duration: 'P2D',
        timeline: [{ at: 'PT10H1M', action: 'bolus', kind: 'single', doseMcg: 50, duration: 'PT10M' }],
      }),
    );
    const t = 10 * HOUR + 60_000;
    const end = t + 10 * 60_000;
    const sampled = report.series.map((p) => p.at);
    for (const instant of [t - 1, t, end - 1, end]) expect(sampled).toContain(instant);
    // the bolus adds 50 mcg to the 250 mcg/day basal over its 10 minutes (1.736111 mcg)
    const delivered = (instant: number) => report.series.find((p) => p.at === instant)?.deliveredMcg ?? 0;
    expect(delivered(end) - delivered(t)).toBeCloseTo(50 + (250 * 10) / (24 * 60), 3);
  });

  it('lists faults and scans as spans, open-ended when they never end', () => {
    const report = runScenario(
      smallScenario({
        timeline: [
          { at: 'PT1H', action: 'fault', kind: 'catheterOcclusion', blockedPercent: 100, until: 'PT5H' },
          { at: 'PT6H', action: 'mri', duration: 'PT30M', fieldT: 1.5 },
          { at: 'PT8H', action: 'fault', kind: 'motorStall' },
        ],
      }),
    );
    expect(report.faults).toEqual([
      { kind: 'catheterOcclusion', from: HOUR, to: 5 * HOUR },
      { kind: 'mri 1.5 T', from: 6 * HOUR, to: 6.5 * HOUR },
      { kind: 'motorStall', from: 8 * HOUR, to: null },
    ]);
    expect(report.startsAt).toBe('2026-01-01T00:00');
  });
});
