import { describe, expect, it } from 'vitest';
import {
  createPumpState,
  describeUnverified,
  type McgPerMl,
  type NanolitresPerDay,
  programOfView,
  pumpBeliefView,
  sameProgram,
} from '../src/index.ts';
import { buildPumpInput, flexProgram, simpleProgram } from '../src/testing/index.ts';

// The pump as last read: 500 mcg/mL of baclofen at 250 mcg/day (0.5 mL/day), running.
const view = pumpBeliefView(createPumpState(buildPumpInput({})), 'running');
const SEND = 'Send the update again (it is reviewed again first) or restart therapy.';
const HELD = 'simple continuous 250 mcg/day at 500 mcg/mL';

describe('describeUnverified', () => {
  it('says what the pump is doing and which program it holds, against the one sent', () => {
    expect(describeUnverified(view, null)).toBe(`Not verified. The pump is running. It holds ${HELD}. ${SEND}`);
    // the update sent is the program the pump holds: it arrived, but was not confirmed
    const sentHeld = { update: { program: programOfView(view) }, mustRun: true };
    expect(describeUnverified({ ...view, suspended: true }, sentHeld)).toBe(
      `Not verified. The pump is STOPPED: the update did not complete, and it delivers nothing until the update is sent again or therapy is restarted. It holds the new program (${HELD}), but the update is not confirmed. ${SEND}`,
    );
    // a flex schedule of 200, 300, 250 mcg/day for 8, 12, 4 hours: 66.67 + 150 + 41.67 = 258.3 mcg/day
    const flex = flexProgram([
      ['00:00', 200],
      ['08:00', 300],
      ['20:00', 250],
    ]).therapy;
    expect(
      describeUnverified(
        { ...view, state: 'error', therapy: flex },
        { update: { program: simpleProgram(300) }, mustRun: true },
      ),
    ).toBe(
      `Not verified. The pump reports an error and delivers nothing. It still holds the old program (a flex schedule of 3 steps, 258.3 mcg/day in 24 hours, at 500 mcg/mL), not the one sent. ${SEND}`,
    );
  });

  it('names the drug when it is not baclofen alone, and says when nothing is delivered', () => {
    const morphine = {
      ...view,
      drug: 'morphine' as const,
      concentration: 10_000 as McgPerMl,
      therapy: { mode: 'minimum' as const },
      deliveringRate: 0 as NanolitresPerDay,
    };
    expect(describeUnverified(morphine, null)).toBe(
      `Not verified. The pump is delivering nothing. It holds minimum flow of morphine. ${SEND}`,
    );
    expect(
      describeUnverified(
        {
          ...view,
          state: 'endOfService',
          therapy: { mode: 'stopped' },
          admixed: [{ drug: 'morphine', concentration: 2_500 as McgPerMl }],
        },
        null,
      ),
    ).toBe(
      `Not verified. The pump has reached end of service and delivers nothing. It holds therapy stopped of baclofen with morphine 2.5 mg/mL. ${SEND}`,
    );
  });
});

describe('sameProgram', () => {
  it('holds two programs the same whatever their fields order, and an empty admixture as none', () => {
    const p = simpleProgram(250);
    const reordered = {
      therapy: { dose: p.therapy.mode === 'simple' ? p.therapy.dose : 0, mode: 'simple' },
      concentration: p.concentration,
      drug: p.drug,
    };
    expect(sameProgram(p, reordered as typeof p)).toBe(true);
    expect(sameProgram({ ...p, admixed: [] }, p)).toBe(true);
    expect(sameProgram(p, { ...p, admixed: [] })).toBe(true);
    expect(sameProgram(p, simpleProgram(251))).toBe(false);
    expect(sameProgram(p, { ...p, admixed: [{ drug: 'morphine', concentration: 2_500 as McgPerMl }] })).toBe(false);
  });
});
