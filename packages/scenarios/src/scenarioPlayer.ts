import {
  getDeviceProfile,
  logEntriesSince,
  type Milliseconds,
  mlToNanolitres,
  type Nanolitres,
  type World,
  type WorldCommand,
} from '@itps/core';
import { faultEnd, perform, type RefillFinding } from './applyAction.ts';
import { beliefObservables } from './observe.ts';
import type { ScenarioAction, ScenarioFile } from './scenarioSchema.ts';

type Step =
  | { readonly at: Milliseconds; readonly order: 0; readonly kind: 'faultEnd'; readonly command: WorldCommand }
  | {
      readonly at: Milliseconds;
      readonly order: 1;
      readonly kind: 'action';
      readonly index: number;
      readonly action: ScenarioAction;
    };

/** A scenario's timeline played onto a simulation as its time moves. */
export interface ScenarioPlayer {
  readonly scenario: ScenarioFile;
  /**
   * Moves time to `to`, doing every timeline action (and fault end) due on the way, whole, at its
   * instant; `pace` (simulated ms a real ms) goes with every step of time (see `time.advance`).
   */
  advanceTo(to: Milliseconds, pace?: number): void;
  /** The instant of the next timeline step, or null when the timeline is done. */
  nextStepAt(): Milliseconds | null;
  /** Actions the pump refused (nothing applied), in words. */
  readonly refusals: {
    readonly at: number;
    readonly action: number;
    readonly code: string;
    readonly message: string;
  }[];
  /** What the programmer read at each `interrogate` action. */
  readonly interrogations: { readonly at: number; readonly belief: Readonly<Record<string, unknown>> }[];
  /** What each refill visit found (aspirated beside expected). */
  readonly refills: RefillFinding[];
  /**
   * Every program the pump may legitimately hold (as JSON): the one it started with, those confirmed
   * on this programmer's finish screen, and those set by actions outside it (REQ-SES-01).
   */
  readonly programs: ReadonlySet<string>;
  /** Indexes in the pump's log of the updates this programmer's sessions began (REQ-SES-02). */
  readonly sessionUpdates: ReadonlySet<number>;
}

/** The scenario's catheter volume per cm: its own, or the profile's default. */
export const catheterVolumePerCm = (s: ScenarioFile): Nanolitres =>
  s.pump.catheter.volumeMlPerCm === undefined
    ? getDeviceProfile(s.pump.model).catheterVolumePerCm
    : mlToNanolitres(s.pump.catheter.volumeMlPerCm);

/**
 * Plays a scenario's timeline onto a world (created from the same scenario): actions at the
 * same instant in file order, a fault's end before the actions of its instant. Used by the runner
 * and by the app's instructor console. `afterStep` runs after every step, for the runner's `checks`;
 * `playedThrough` resumes a timeline whose steps up to that instant already ran (a reloaded session).
 */
export function createScenarioPlayer(
  s: ScenarioFile,
  world: World,
  options: {
    readonly afterStep?: () => void;
    /** Resume a timeline already played up to this instant (a restored session): its steps are done. */
    readonly playedThrough?: Milliseconds;
  } = {},
): ScenarioPlayer {
  const steps: Step[] = [];
  (s.timeline ?? []).forEach((action, index) => {
    steps.push({ at: action.at, order: 1, kind: 'action', index, action });
    if (action.action === 'fault' && action.until !== undefined) {
      const end = faultEnd(action);
      if (end !== null) steps.push({ at: action.until, order: 0, kind: 'faultEnd', command: end });
    }
  });
  steps.sort(
    (a, b) => a.at - b.at || a.order - b.order || (a.kind === 'action' && b.kind === 'action' ? a.index - b.index : 0),
  );
  const perCm = catheterVolumePerCm(s);
  const pump = () => world.state().pump;
  const advance = (to: Milliseconds, pace: number | undefined) => {
    if (to > pump().now)
      world.apply(pace === undefined ? { type: 'time.advance', to } : { type: 'time.advance', to, pace });
  };
  const programs = new Set<string>([JSON.stringify(pump().program)]);
  const sessionUpdates = new Set<number>();
  const played = options.playedThrough;
  const firstDue = played === undefined ? 0 : steps.findIndex((step) => step.at > played);
  let next = firstDue === -1 ? steps.length : firstDue;
  const player: ScenarioPlayer = {
    scenario: s,
    refusals: [],
    interrogations: [],
    refills: [],
    programs,
    sessionUpdates,
    nextStepAt: () => steps[next]?.at ?? null,
    advanceTo(to, pace) {
      for (let step = steps[next]; step !== undefined && step.at <= to; step = steps[next]) {
        next += 1;
        advance(step.at, pace);
        if (step.kind === 'faultEnd') {
          world.apply(step.command);
          options.afterStep?.();
          continue;
        }
        const logBefore = pump().log.length;
        const refusal = perform(world, step.action, perCm, programs, (found) => player.refills.push(found));
        const after = world.state();
        const log = after.pump.log;
        if (step.action.action === 'session') {
          logEntriesSince(log, logBefore).forEach((e, i) => {
            if (e.type === 'update.begun') sessionUpdates.add(logBefore + i);
          });
        } else programs.add(JSON.stringify(after.pump.program));
        if (refusal !== null) player.refusals.push({ at: step.at, action: step.index, ...refusal });
        if (step.action.action === 'interrogate')
          player.interrogations.push({ at: step.at, belief: beliefObservables(after.pump, after.lifecycle) });
        options.afterStep?.();
      }
      advance(to, pace);
    },
  };
  return player;
}
