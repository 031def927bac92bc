import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addFluids,
  createPumpState,
  fluidOf,
  getDeviceProfile,
  injectIntoReservoir,
  massOf,
  type Nanolitres,
  pumpBeliefView,
  reservoirContents,
} from '../src/index.ts';
import {
  believedPart,
  checkBolusLimits,
  type HistoryStep,
  pumpHistoryArb,
  pumpInputArb,
  runPumpHistory,
  sensedPart,
  solutionArb,
} from '../src/testing/index.ts';

describe('the complete pump', () => {
  it('REQ-FID-01: the pump never raises an alarm or changes its belief for a fault it cannot sense', () =>
    fc.assert(
      fc.property(pumpHistoryArb(), ({ input, commands }) => {
        // A Prometra-like valve dump in MRI depends on what is really in the reservoir (its shut-off
        // valve then stops the pump), so MRI scans stay out of this comparison on those profiles.
        const kept =
          getDeviceProfile(input.profileId).mri.behaviour === 'valveDump'
            ? commands.filter((c) => c.kind !== 'mri')
            : commands;
        const withFaults = runPumpHistory(input, kept);
        const sensed = kept.map(sensedPart);
        const withoutFaults = runPumpHistory(
          input,
          sensed.filter((c) => c !== null),
        );
        // what an interrogation would return after every step, and what the pump keeps to itself
        const answer = (s: HistoryStep) => ({
          interrogation: pumpBeliefView(s.after.context.pump, s.after.value),
          internal: believedPart(s.after.context.pump),
        });
        expect(withFaults.filter((_, i) => sensed[i] !== null).map(answer)).toEqual(withoutFaults.map(answer));
      }),
    ));

  it('REQ-BOL-01: boluses never overlap and the commanded flow never exceeds the profile maximum', () =>
    fc.assert(
      fc.property(pumpHistoryArb({ maxWaitDays: 5 }), ({ input, commands }) => {
        expect(checkBolusLimits(runPumpHistory(input, commands))).toEqual([]);
      }),
    ));

  it('REQ-MIX-01: a refill mixes by mass: the mixture holds the sum of volumes and masses', () =>
    fc.assert(
      fc.property(
        pumpInputArb(),
        fc.integer({ min: 0, max: 40_000_000 }),
        fc.integer({ min: 1, max: 2000 }),
        (input, volume, concentration) => {
          const pump = createPumpState(input);
          const before = reservoirContents(pump.truth.path.reservoir);
          const fluid = { volume: volume as never, masses: { baclofen: (volume * concentration) as never } };
          const result = injectIntoReservoir(pump, fluid);
          const capacity = getDeviceProfile(input.profileId).capacity;
          expect(result.ok).toBe(before.volume + volume <= capacity);
          if (result.ok) {
            const after = reservoirContents(result.value.truth.path.reservoir);
            expect(after).toEqual(addFluids(before, fluid));
          }
        },
      ),
    ));

  it('REQ-MIX-01, REQ-CONS-02: an admixture mixes drug by drug: each drug in the mixture is what was left of it plus what went in', () =>
    fc.assert(
      fc.property(
        pumpInputArb(),
        solutionArb,
        solutionArb,
        fc.integer({ min: 0, max: 40_000_000 }),
        (input, first, second, volume) => {
          const pump = createPumpState({ ...input, actualSolution: first });
          const before = reservoirContents(pump.truth.path.reservoir);
          // the reservoir at the start holds volume x concentration of each drug of the first solution
          for (const { drug, concentration } of first) expect(massOf(before, drug)).toBe(before.volume * concentration);
          const fluid = fluidOf(volume as Nanolitres, second);
          const result = injectIntoReservoir(pump, fluid);
          if (!result.ok) return;
          const after = reservoirContents(result.value.truth.path.reservoir);
          expect(after.volume).toBe(before.volume + volume);
          for (const drug of ['baclofen', 'morphine', 'ziconotide'] as const) {
            const added = second.filter((p) => p.drug === drug).reduce((m, p) => m + volume * p.concentration, 0);
            expect(massOf(after, drug)).toBe(massOf(before, drug) + added);
          }
        },
      ),
    ));
});
