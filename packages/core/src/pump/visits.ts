import { ok, type Result } from '../refusal.ts';
import type { Nanolitres } from '../units/quantity.ts';
import { applyUpdate, type PumpUpdate } from './applyUpdate.ts';
import { EMPTY_FLUID, type Fluid } from './fluid.ts';
import type { PumpProgram } from './program.ts';
import type { PumpState } from './pumpState.ts';
import { reservoirVolume } from './reservoir.ts';
import { aspirateReservoir, giveInjection, type InjectionSite } from './reservoirAccess.ts';
import { withLog } from './withLog.ts';

/** A refill visit at the pump: what the syringe aspirates, what the needle injects, what the clinician records. */
export interface RefillVisit {
  readonly aspirate: Nanolitres | 'all';
  readonly inject: Fluid;
  /** Where the needle really is while injecting; the reservoir unless said otherwise. */
  readonly site?: InjectionSite;
  /** The reservoir volume the clinician records; defaults to what is left plus what was injected. */
  readonly record?: Nanolitres;
  /** The program recorded with the refill (a new concentration); the pump's own otherwise. */
  readonly program?: PumpProgram;
}

/** A needle visit: aspirate, then inject wherever the needle really is; the pump is not told. */
export interface NeedleVisit {
  readonly aspirate: Nanolitres | 'all';
  readonly site: InjectionSite;
  readonly inject: Fluid;
}

/** What a visit did: the pump after it, and what the syringe withdrew. */
export interface VisitOutcome {
  readonly pump: PumpState;
  readonly withdrawn: Fluid;
}

/**
 * A whole refill visit as one pump event: open a programming session (the pump stops), aspirate,
 * inject, record the volume (and program), commit (the pump restarts). Refused whole: a refused
 * visit leaves nothing applied.
 */
export function refillVisit(pump: PumpState, visit: RefillVisit): Result<VisitOutcome> {
  const begun = withLog({ ...pump, therapyActive: false }, 'update.begun', 'pump.stopped');
  const { state: aspirated, withdrawn } = aspirateReservoir(begun, visit.aspirate);
  const injected = giveInjection(aspirated, visit.site ?? 'reservoir', visit.inject);
  if (!injected.ok) return injected;
  // the clinician records what they believe is there: what was left plus what they injected
  const left = reservoirVolume(aspirated.truth.path.reservoir);
  const update: PumpUpdate = {
    calculatedReservoir: visit.record ?? ((left + visit.inject.volume) as Nanolitres),
    ...(visit.program === undefined ? {} : { program: visit.program }),
  };
  const committed = applyUpdate(injected.value, update);
  if (!committed.ok) return committed;
  return ok({ pump: withLog({ ...committed.value, therapyActive: true }, 'pump.started'), withdrawn });
}

/** A needle visit as one physical act: aspirate, then inject; refused whole (nothing withdrawn) when the injection is. */
export function needleVisit(pump: PumpState, visit: NeedleVisit): Result<VisitOutcome> {
  const { state: aspirated, withdrawn } = aspirateReservoir(pump, visit.aspirate);
  if (visit.inject.volume === 0) return ok({ pump: aspirated, withdrawn });
  const injected = giveInjection(aspirated, visit.site, visit.inject);
  return injected.ok ? ok({ pump: injected.value, withdrawn }) : injected;
}

/**
 * A whole programming session as one pump event: open it (the pump stops), apply the update, commit
 * (the pump restarts). Refused whole: nothing is applied and the pump goes on as it was.
 */
export function programVisit(pump: PumpState, update: PumpUpdate): Result<VisitOutcome> {
  const begun = withLog({ ...pump, therapyActive: false }, 'update.begun', 'pump.stopped');
  const committed = applyUpdate(begun, update);
  if (!committed.ok) return committed;
  return ok({ pump: withLog({ ...committed.value, therapyActive: true }, 'pump.started'), withdrawn: EMPTY_FLUID });
}
