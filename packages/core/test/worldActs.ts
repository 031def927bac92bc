import { expect } from 'vitest';
import {
  type ClinicianEvent,
  type CommandResult,
  EMPTY_FLUID,
  type Fluid,
  type InjectionSite,
  type LinkConditions,
  type LinkDisturbance,
  type LinkPart,
  type Milliseconds,
  type Nanolitres,
  type Refusal,
  type World,
} from '../src/index.ts';

const interrogationsLogged = (w: World) =>
  w
    .state()
    .pump.log.runs.flat()
    .filter((e) => e.type === 'pump.interrogated').length;
/** Per world: interrogations logged before its first programmer act, and interrogations sent since. */
const interrogations = new WeakMap<World, { before: number; sent: number }>();

/**
 * How many programmer acts left a late or copied answer of the random link on its way (only the
 * link's random mishaps do): evidence that the model-based runs meet the random link, not only the
 * faults they inject.
 */
export const randomAnswerMishaps = { seen: 0 };

/**
 * A clinician's action on the programmer, through the world's door. Every call also judges
 * REQ-LINK-01 from outside the link: the pump acts on each interrogation the programmer sends at most
 * once (a copy or a straggler never twice), so it never logs more interrogations than the
 * programmer's session has entered its reading states. (A world that is also interrogated at the
 * bedside, not through the programmer, must not use this helper.)
 */
export const act = (w: World, event: ClinicianEvent): CommandResult => {
  const count = interrogations.get(w) ?? { before: interrogationsLogged(w), sent: 0 };
  interrogations.set(w, count);
  const result = w.apply({ type: 'programmer.act', event });
  count.sent += (result.ok ? (result.trail ?? []) : []).filter(
    (s) => s.session === 'interrogating' || s.session === 'verifying',
  ).length;
  expect(interrogationsLogged(w) - count.before).toBeLessThanOrEqual(count.sent);
  if (w.state().link.onTheWay.answer !== null) randomAnswerMishaps.seen += 1;
  return result;
};

/** A world restored from another's saved state (a reload) keeps the other's count of interrogations sent. */
export const carryActs = (from: World, to: World): void => {
  const count = interrogations.get(from);
  if (count !== undefined) interrogations.set(to, count);
};

/** Simulated time moves to `to`, through the door. */
export const advance = (w: World, to: Milliseconds | number): CommandResult =>
  w.apply({ type: 'time.advance', to: to as Milliseconds });
/** Moves the communicator or changes the interference, through the door. */
export const setLink = (w: World, conditions: LinkConditions): CommandResult =>
  w.apply({ type: 'link.set', conditions });
/** Drops the next messages, through the door. */
export const dropNext = (w: World, count: number, afterDelivered = 0, part: LinkPart = 'message'): CommandResult =>
  w.apply({ type: 'link.drop', count, afterDelivered, part });

/** Disturbs the next exchanges (a copy, a late arrival, a reordering), through the door. */
export const disturbNext = (w: World, count: number, afterDelivered: number, fault: LinkDisturbance): CommandResult =>
  w.apply({ type: 'link.disturb', count, afterDelivered, fault });

/** The syringe at the pump with no injection: what it withdrew. */
export const aspirate = (w: World, volume: Nanolitres | 'all'): Fluid => {
  const r = w.apply({ type: 'visit.needle', visit: { aspirate: volume, site: 'reservoir', inject: EMPTY_FLUID } });
  return r.ok ? (r.withdrawn ?? EMPTY_FLUID) : EMPTY_FLUID;
};
/** The needle at a site with no aspiration: the refusal, or null when it went in. */
export const inject = (w: World, site: InjectionSite, fluid: Fluid): Refusal | null => {
  const r = w.apply({ type: 'visit.needle', visit: { aspirate: 0 as Nanolitres, site, inject: fluid } });
  return r.ok ? null : r.refusal;
};
