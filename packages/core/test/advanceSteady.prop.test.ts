import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { advancePump, type Milliseconds } from '../src/index.ts';
import { advancePumpStepwise } from '../src/pump/advancePump.ts';
import { pumpCommandArb, pumpInputArb, runPumpHistory } from '../src/testing/index.ts';

// The fast path (advanceSteady.ts) is held to the stepwise advance, which builds and settles a
// state at every due instant; the reference pump (referenceModel.prop.test.ts) judges both through
// the machine. Every state a random history passes through is advanced to a random later instant
// both ways, faults, boluses and the end of battery life included.
const historyArb = (nearEndOfLife: boolean) =>
  pumpInputArb({ nearEndOfLife }).chain((input) =>
    fc.record({
      input: fc.constant(input),
      commands: fc.array(pumpCommandArb(input.profileId, 90, { catheterVolume: input.catheterVolume }), {
        minLength: 1,
        maxLength: 14,
      }),
      // up to 40 days ahead: the stepwise oracle pays for every kink of a one-minute cycle
      ahead: fc.array(fc.integer({ min: 0, max: 40 * 86_400_000 }), { minLength: 14, maxLength: 14 }),
    }),
  );

const property = (nearEndOfLife: boolean) =>
  fc.property(historyArb(nearEndOfLife), ({ input, commands, ahead }) => {
    runPumpHistory(input, commands).forEach((step, i) => {
      for (const state of [step.before.context.pump, step.after.context.pump]) {
        const to = (state.now + (ahead[i] ?? 0)) as Milliseconds;
        expect(advancePump(state, to)).toEqual(advancePumpStepwise(state, to));
      }
    });
  });

describe('the steady fast path', () => {
  it('REQ-TIME-02: advancing with the fast path gives the state the stepwise advance gives, to the picogram and the event count', () =>
    fc.assert(property(false), { numRuns: 120 }));

  it('REQ-TIME-02: the same near the end of battery life, across ERI and EOS', () =>
    fc.assert(property(true), { numRuns: 60 }));
});
