import { ok, type Result, refuse } from '../refusal.ts';
import { nanolitresToMl } from '../units/conversions.ts';
import type { Nanolitres } from '../units/quantity.ts';
import { getDeviceProfile } from './deviceProfile.ts';
import { flowThroughPath } from './flowThroughPath.ts';
import { addFluids, type Fluid, portionFluid, wholeBatch } from './fluid.ts';
import type { PumpState } from './pumpState.ts';
import { drawFromReservoir, mixIntoReservoir, reservoirVolume } from './reservoir.ts';

/**
 * Injects fluid into the reservoir through its septum (the physical act; the pump does not know).
 * It mixes with what is left by mass. Refused when it would overfill the reservoir.
 */
export function injectIntoReservoir(state: PumpState, fluid: Fluid): Result<PumpState> {
  const { capacity } = getDeviceProfile(state.profileId);
  const present = reservoirVolume(state.truth.path.reservoir);
  if (present + fluid.volume > capacity) {
    return refuse(
      'reservoir.overCapacity',
      `Injecting ${nanolitresToMl(fluid.volume)} mL into ${nanolitresToMl(present)} mL would overfill the ${nanolitresToMl(capacity)} mL reservoir.`,
    );
  }
  const { truth } = state;
  return ok({
    ...state,
    truth: {
      ...truth,
      path: { ...truth.path, reservoir: mixIntoReservoir(truth.path.reservoir, fluid, truth.nextBatchId) },
      loaded: addFluids(truth.loaded, fluid),
      nextBatchId: truth.nextBatchId + 1,
    },
  });
}

/** Where a needle can put an injection. */
export type InjectionSite = 'reservoir' | 'pocket' | 'catheterAccessPort';

/**
 * An injection through the skin, wherever the needle really is: into the reservoir (it mixes with
 * what is left), into the pocket (a pocket fill: the drug goes to tissue), or into the catheter
 * access port (the whole injection goes straight down the catheter and pushes the catheter's
 * contents out of the tip). The pump knows none of this.
 */
export function giveInjection(state: PumpState, site: InjectionSite, fluid: Fluid): Result<PumpState> {
  if (site === 'reservoir') return injectIntoReservoir(state, fluid);
  const { truth } = state;
  const loaded = addFluids(truth.loaded, fluid);
  if (site === 'pocket') {
    return ok({
      ...state,
      truth: { ...truth, loaded, sinks: { ...truth.sinks, pocket: addFluids(truth.sinks.pocket, fluid) } },
    });
  }
  const batch = { id: truth.nextBatchId, volume: fluid.volume, masses: fluid.masses };
  const flowed = flowThroughPath(truth.path, truth.sinks, truth.catheter, [wholeBatch(batch)], 'catheter');
  return ok({
    ...state,
    truth: {
      ...truth,
      loaded,
      path: flowed.path,
      sinks: flowed.sinks,
      catheter: flowed.catheter,
      nextBatchId: truth.nextBatchId + 1,
    },
  });
}

/** The volume aspiration can withdraw now: all but the reservoir's dead space. */
export function withdrawableVolume(state: PumpState): Nanolitres {
  return Math.max(0, reservoirVolume(state.truth.path.reservoir) - state.reservoirDeadSpace) as Nanolitres;
}

/**
 * Aspirates up to `volume` (or all that can be withdrawn) from the reservoir into the syringe.
 * Returns the new state and what was withdrawn, which the clinician measures.
 */
export function aspirateReservoir(
  state: PumpState,
  volume: Nanolitres | 'all',
): { state: PumpState; withdrawn: Fluid } {
  const limit = withdrawableVolume(state);
  const wanted = volume === 'all' ? limit : Math.min(volume, limit);
  const { truth } = state;
  const { reservoir, portion } = drawFromReservoir(truth.path.reservoir, wanted);
  const withdrawn = portionFluid(portion);
  return {
    state: {
      ...state,
      truth: {
        ...truth,
        path: { ...truth.path, reservoir },
        sinks: { ...truth.sinks, aspirated: addFluids(truth.sinks.aspirated, withdrawn) },
      },
    },
    withdrawn,
  };
}
