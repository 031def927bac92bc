import { describe, expect, it } from 'vitest';
import {
  advancePump,
  aspirateReservoir,
  checkPumpState,
  createPumpState,
  createWorld,
  fluidOf,
  hoursToMs,
  injectIntoReservoir,
  type McgPerMl,
  type Milliseconds,
  massOf,
  type Nanolitres,
  pumpTruthView,
  type Solution,
  timeToTipConcentrationChange,
} from '../src/index.ts';
import { buildPumpInput, simpleProgram } from '../src/testing/index.ts';
import { act } from './worldActs.ts';

const MCG = 1_000_000;
const MG = 1_000_000_000;
const solution = (baclofen: number, morphine: number): Solution => [
  { drug: 'baclofen', concentration: baclofen as McgPerMl },
  { drug: 'morphine', concentration: morphine as McgPerMl },
];

// Every figure here is worked by hand. A 20 mL pump holds 10 mL of baclofen 500 mcg/mL with
// morphine 10 mg/mL (10 000 mcg/mL); tubing 0.2 mL and catheter 0.1 mL hold the same. Baclofen
// 500 mcg/day at 500 mcg/mL is 1 mL/day, so morphine goes at 10 mg/day.
const start = () =>
  createPumpState(
    buildPumpInput({
      program: simpleProgram(500),
      reservoirVolume: 10_000_000 as Nanolitres,
      catheterVolume: 100_000 as Nanolitres,
      actualSolution: solution(500, 10_000),
    }),
  );

describe('an admixture along the fluid path, by hand', () => {
  it('every drug starts in the reservoir, tubing and catheter at its own concentration', () => {
    const truth = pumpTruthView(start());
    // 10 mL x 500 mcg/mL = 5000 mcg; 10 mL x 10 mg/mL = 100 mg
    expect(truth.reservoir).toEqual({ volume: 10_000_000, masses: { baclofen: 5000 * MCG, morphine: 100 * MG } });
    // 0.2 mL: 100 mcg and 2 mg; 0.1 mL: 50 mcg and 1 mg
    expect(truth.tubing).toEqual({ volume: 200_000, masses: { baclofen: 100 * MCG, morphine: 2 * MG } });
    expect(truth.catheter).toEqual({ volume: 100_000, masses: { baclofen: 50 * MCG, morphine: 1 * MG } });
    expect(truth.loaded.masses).toEqual({ baclofen: 5150 * MCG, morphine: 103 * MG });
  });

  it('one day delivers 1 mL: 500 mcg of baclofen and 10 mg of morphine', () => {
    const pump = advancePump(start(), hoursToMs(24));
    expect(pumpTruthView(pump).delivered).toEqual({
      volume: 1_000_000,
      masses: { baclofen: 500 * MCG, morphine: 10 * MG },
    });
  });

  it('REQ-CONS-02: a refill that raises morphine to 20 mg/mL: the old concentration leaves the tip for 7.2 h, then the mix', () => {
    let pump = advancePump(start(), hoursToMs(24));
    // 9 mL left; aspiration leaves the 1.4 mL dead space (0.7 mg baclofen, 14 mg morphine)
    const aspirated = aspirateReservoir(pump, 'all');
    expect(aspirated.withdrawn).toEqual({ volume: 7_600_000, masses: { baclofen: 3800 * MCG, morphine: 76 * MG } });
    // 8.6 mL of baclofen 500 mcg/mL with morphine 20 mg/mL: 4300 mcg and 172 mg
    const filled = injectIntoReservoir(aspirated.state, fluidOf(8_600_000 as Nanolitres, solution(500, 20_000)));
    if (!filled.ok) throw new Error(filled.refusal.message);
    pump = filled.value;
    // the reservoir: 10 mL, baclofen 700 + 4300 = 5000 mcg (still 500 mcg/mL), morphine 14 + 172 = 186 mg (18.6 mg/mL)
    expect(pumpTruthView(pump).reservoir).toEqual({
      volume: 10_000_000,
      masses: { baclofen: 5000 * MCG, morphine: 186 * MG },
    });
    // the morphine front is 0.3 mL (tubing and catheter) from the tip: 0.3 day at 1 mL/day = 7.2 h
    expect(timeToTipConcentrationChange(pump)).toBe(hoursToMs(7.2));
    pump = advancePump(pump, (hoursToMs(24) + hoursToMs(7.2)) as Milliseconds);
    // 0.3 mL at the old concentrations: 150 mcg of baclofen and 3 mg of morphine
    expect(pumpTruthView(pump).delivered).toEqual({
      volume: 1_300_000,
      masses: { baclofen: 650 * MCG, morphine: 13 * MG },
    });
    pump = advancePump(pump, hoursToMs(48));
    // the rest of the second day, 0.7 mL of the mix: 350 mcg of baclofen, 0.7 x 18.6 = 13.02 mg of morphine
    expect(pumpTruthView(pump).delivered).toEqual({
      volume: 2_000_000,
      masses: { baclofen: 1000 * MCG, morphine: 26_020_000_000 },
    });
    // and every drug is accounted for, each to the picogram
    expect(checkPumpState(pump, ['REQ-CONS-01'])).toEqual([]);
  });

  it('a refill with another drug changes nothing of the first but what is left of it', () => {
    // morphine alone refilled into a baclofen pump: the baclofen left in the dead space mixes with it
    let pump = createPumpState(buildPumpInput({ reservoirVolume: 10_000_000 as Nanolitres }));
    const aspirated = aspirateReservoir(pump, 'all');
    const filled = injectIntoReservoir(
      aspirated.state,
      fluidOf(8_600_000 as Nanolitres, [{ drug: 'morphine', concentration: 10_000 as McgPerMl }]),
    );
    if (!filled.ok) throw new Error(filled.refusal.message);
    pump = filled.value;
    // 1.4 mL x 500 mcg/mL = 700 mcg of baclofen and 8.6 mL x 10 mg/mL = 86 mg of morphine in 10 mL
    expect(pumpTruthView(pump).reservoir).toEqual({
      volume: 10_000_000,
      masses: { baclofen: 700 * MCG, morphine: 86 * MG },
    });
    expect(massOf(pumpTruthView(pump).loaded, 'morphine')).toBe(86 * MG);
  });

  it('the refill workflow at the world door injects the solution the syringe holds; a concentration alone is the program drug', () => {
    // 10 mL of baclofen 500 mcg/mL believed and real; aspirating all leaves the 1.4 mL dead space (700 mcg)
    const refillWith = (inject: Parameters<typeof act>[1]) => {
      const w = createWorld({ pump: buildPumpInput({ reservoirVolume: 10_000_000 as Nanolitres }), origin: 'spinal' });
      act(w, { type: 'session.connect' });
      act(w, { type: 'workflow.start', workflow: 'refill' });
      act(w, { type: 'refill.aspirate' });
      expect(act(w, inject)).toMatchObject({ ok: true });
      return w.state().pump;
    };
    // 8.6 mL of baclofen 500 mcg/mL with morphine 10 mg/mL: 4300 mcg and 86 mg
    const mixed = refillWith({
      type: 'refill.inject',
      volume: 8_600_000 as Nanolitres,
      concentration: 500 as McgPerMl,
      solution: solution(500, 10_000),
    });
    expect(pumpTruthView(mixed).reservoir).toEqual({
      volume: 10_000_000,
      masses: { baclofen: 5000 * MCG, morphine: 86 * MG },
    });
    expect(checkPumpState(mixed, ['REQ-CONS-01'])).toEqual([]);
    // without a solution the syringe holds the program's drug alone, as before
    const plain = refillWith({
      type: 'refill.inject',
      volume: 8_600_000 as Nanolitres,
      concentration: 500 as McgPerMl,
    });
    expect(pumpTruthView(plain).reservoir).toEqual({ volume: 10_000_000, masses: { baclofen: 5000 * MCG } });
  });
});
