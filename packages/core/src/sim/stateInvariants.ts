import { doseToRate } from '../drug/doseToRate.ts';
import { alarmConditions } from '../pump/alarmConditions.ts';
import { getDeviceProfile } from '../pump/deviceProfile.ts';
import { addFluids, type DrugMasses, drugsIn, type Fluid, sameMasses } from '../pump/fluid.ts';
import { plugFlowContents } from '../pump/plugFlow.ts';
import type { PumpState } from '../pump/pumpState.ts';
import { reservoirContents } from '../pump/reservoir.ts';

/** One broken invariant: which requirement (docs/safety.md), when (ms since t = 0), and what was seen. */
export interface Violation {
  readonly requirement: string;
  readonly at: number;
  readonly message: string;
}

/** Where all fluid put into the pump is now: in the path plus every sink. */
export function accountedFor(state: PumpState): Fluid {
  const { path, sinks } = state.truth;
  let total = addFluids(reservoirContents(path.reservoir), plugFlowContents(path.tubing));
  total = addFluids(total, plugFlowContents(path.catheter));
  total = addFluids(total, plugFlowContents(path.catheterProximal));
  for (const sink of Object.values(sinks)) total = addFluids(total, sink);
  return total;
}

/** Masses in words: `N pg` for baclofen alone (as before there were other drugs), else each drug named. */
const massesText = (m: DrugMasses): string => {
  const drugs = drugsIn(m);
  if (drugs.every((d) => d === 'baclofen')) return `${m.baclofen ?? 0} pg`;
  return drugs.map((d) => `${m[d]} pg ${d}`).join(' + ');
};

/** Every drug's mass and the volume put in are all accounted for, each to the picogram (REQ-CONS-01, REQ-CONS-02). */
const conservation = (s: PumpState): Violation[] => {
  const a = accountedFor(s);
  const { loaded } = s.truth;
  return a.volume === loaded.volume && sameMasses(a.masses, loaded.masses)
    ? []
    : [
        {
          requirement: 'REQ-CONS-01',
          at: s.now,
          message: `loaded ${loaded.volume} nL / ${massesText(loaded.masses)}, accounted ${a.volume} nL / ${massesText(a.masses)}`,
        },
      ];
};

const calculatedVolumeBounds = (s: PumpState): Violation[] => {
  const v = s.belief.calculatedReservoir;
  const cap = getDeviceProfile(s.profileId).capacity;
  return Number.isSafeInteger(v) && v >= 0 && v <= cap
    ? []
    : [{ requirement: 'REQ-RES-01', at: s.now, message: `calculated volume ${v} nL outside [0, ${cap}]` }];
};

const programmedRate = (s: PumpState): Violation[] => {
  const profile = getDeviceProfile(s.profileId);
  const { therapy, concentration } = s.program;
  const doses =
    therapy.mode === 'simple' ? [therapy.dose] : therapy.mode === 'flex' ? therapy.steps.map((x) => x.dose) : [];
  return doses
    .map((d) => doseToRate(d, concentration))
    .filter((r) => r < profile.minRate || r > profile.maxRate)
    .map((r) => ({
      requirement: 'REQ-RATE-01',
      at: s.now,
      message: `stored rate ${r} nL/day outside the profile's limits`,
    }));
};

const alarmsMatchConditions = (s: PumpState): Violation[] => {
  const c = alarmConditions(s);
  return Object.entries(s.alarms)
    .filter(([name, status]) => status.active !== c[name as keyof typeof c])
    .map(([name, status]) => ({
      requirement: 'REQ-ALM-01',
      at: s.now,
      message: `${name} active=${status.active} but condition=${!status.active}`,
    }));
};

/**
 * The safety invariants that can be judged from one pump state alone, by requirement id. The
 * scenario runner checks those a scenario lists under `checks`; the testing kit's run invariants
 * apply them to every state of a history.
 */
export const STATE_INVARIANTS = {
  'REQ-CONS-01': conservation,
  'REQ-RES-01': calculatedVolumeBounds,
  'REQ-RATE-01': programmedRate,
  'REQ-ALM-01': alarmsMatchConditions,
} as const satisfies Record<string, (s: PumpState) => Violation[]>;

/** A requirement whose invariant can be judged from one state. */
export type StateRequirement = keyof typeof STATE_INVARIANTS;

/** Every state-level invariant listed, applied to one state. */
export const checkPumpState = (s: PumpState, requirements: readonly StateRequirement[]): Violation[] =>
  requirements.flatMap((r) => STATE_INVARIANTS[r](s));
