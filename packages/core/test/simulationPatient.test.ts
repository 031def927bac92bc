import { describe, expect, it } from 'vitest';
import {
  createPatientParameters,
  fluidAt,
  type Milliseconds,
  mcgPerMl,
  type Nanolitres,
  type PatientState,
} from '../src/index.ts';
import { createSimulation } from '../src/sim/simulation.ts';
import { buildPumpInput, flexProgram, simpleProgram } from '../src/testing/index.ts';
import { refillAt } from './refillAt.ts';

// The simulation feeds the patient piecewise-constant drug: it must cut time wherever the rate at the
// tip changes (the pump's own events, a concentration front reaching the tip), however the caller
// cuts it, and start the patient on what really reaches the CSF.
const HOUR = 3_600_000;
const parameters = createPatientParameters({ origin: 'spinal' });

function advanced(
  input: Parameters<typeof createSimulation>[0],
  hours: number,
  callMs: number,
  setup?: (s: ReturnType<typeof createSimulation>) => void,
) {
  const sim = createSimulation(input, undefined, { parameters });
  setup?.(sim);
  const end = sim.now() + hours * HOUR;
  while (sim.now() < end) sim.advanceTo(Math.min(end, sim.now() + callMs) as Milliseconds);
  return sim.patient() as PatientState;
}

// the pump delivers whole picograms, and the patient logs overdose stages at the end of its
// 15-minute steps, whose grid depends on where time was cut
const same = (a: PatientState, b: PatientState) => {
  for (const key of ['spread', 'csf', 'effect'] as const) expect(a.drug[key]).toBeCloseTo(b.drug[key], 3);
  expect(a.log.map((e) => e.type)).toEqual(b.log.map((e) => e.type));
  for (const [i, e] of a.log.entries()) expect(Math.abs(e.at - (b.log[i]?.at ?? 0))).toBeLessThanOrEqual(15 * 60_000);
};

describe('the simulation cuts time for the patient', () => {
  it('at each flex step, in one call as in calls of 15 minutes', () => {
    const input = buildPumpInput({
      program: flexProgram([
        ['00:00', 100],
        ['12:00', 900],
      ]),
    });
    same(advanced(input, 72, 72 * HOUR), advanced(input, 72, 15 * 60_000));
  });

  it('where the front of a new concentration reaches the tip', () => {
    const switchTo2000 = (sim: ReturnType<typeof createSimulation>) => {
      const r = refillAt(sim, { aspirate: 'all', inject: fluidAt(18_000_000 as Nanolitres, mcgPerMl(2000)) });
      expect(r.ok).toBe(true);
    };
    const input = buildPumpInput({ program: simpleProgram(300) });
    const long = advanced(input, 48, 48 * HOUR, switchTo2000);
    same(long, advanced(input, 48, 15 * 60_000, switchTo2000));
    // the old 500 mcg/mL in the tubing and catheter goes first, then four times the dose: overdose
    expect(long.log.map((e) => e.type)).toContain('patient.overdose.drowsy');
  });

  it('starts the patient on the dose that reaches the CSF: none when stopped, off the intrathecal space or dry', () => {
    const start = (over: Parameters<typeof buildPumpInput>[0]) =>
      createSimulation(buildPumpInput({ program: simpleProgram(300), ...over }), undefined, { parameters }).patient()
        ?.dependence;
    expect(start({})).toBe(1);
    expect(start({ program: simpleProgram(150) })).toBeCloseTo(0.5, 9);
    expect(start({ program: { ...simpleProgram(300), therapy: { mode: 'stopped' } } })).toBe(0);
    expect(start({ tip: 'subdural' })).toBe(0);
    expect(start({ catheterVolume: 0 as Nanolitres })).toBe(0);
  });

  it('has no patient without parameters, and keeps a restored patient as it was', () => {
    const input = buildPumpInput({});
    expect(createSimulation(input).patient()).toBeNull();
    const sim = createSimulation(input, undefined, { parameters });
    sim.advanceTo((30 * HOUR) as Milliseconds);
    const restored = createSimulation(input, sim.persist(), { parameters, state: sim.patient() as PatientState });
    expect(restored.patient()).toEqual(sim.patient());
    restored.advanceTo((60 * HOUR) as Milliseconds);
    sim.advanceTo((60 * HOUR) as Milliseconds);
    expect(restored.patient()).toEqual(sim.patient());
  });

  it('stops at the next event within a limit, or at the limit', () => {
    const sim = createSimulation(
      buildPumpInput({
        program: flexProgram([
          ['00:00', 100],
          ['12:00', 900],
        ]),
      }),
      undefined,
      {
        parameters,
      },
    );
    expect(sim.stepToNextEvent((24 * HOUR) as Milliseconds)).toBe(12 * HOUR);
    expect(sim.now()).toBe(12 * HOUR);
    expect(sim.stepToNextEvent((13 * HOUR) as Milliseconds)).toBe(13 * HOUR);
    expect(sim.stepToNextEvent((24 * HOUR) as Milliseconds)).toBe(24 * HOUR);
  });
});
