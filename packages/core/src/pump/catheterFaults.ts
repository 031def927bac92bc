import { ok, type Result, refuse } from '../refusal.ts';
import type { Nanolitres } from '../units/quantity.ts';
import { appendPortions, plugFlowContents, takeFromOutlet } from './plugFlow.ts';
import type { Breach, PumpState, TipLocation } from './pumpState.ts';

/** A catheter fault as it starts. The pump senses none of them. */
export type CatheterFault =
  /** Blocks a share of the flow (1 000 000 ppm: fully occluded). */
  | { readonly kind: 'occlusion'; readonly blockedPpm: number }
  /** Blocks the flow for `kinkedMs` at the start of every `periodMs`. */
  | { readonly kind: 'kink'; readonly periodMs: number; readonly kinkedMs: number }
  /** The catheter comes off the pump connector: everything goes into the pocket. */
  | { readonly kind: 'disconnect' }
  /** A hole `atVolume` of catheter from the pump lets a share of the flow escape. */
  | { readonly kind: 'leak'; readonly atVolume: Nanolitres; readonly escapePpm: number }
  /** The catheter breaks `atVolume` from the pump: everything escapes there. */
  | { readonly kind: 'fracture'; readonly atVolume: Nanolitres }
  /** The tip moves out of the intrathecal space. */
  | { readonly kind: 'tipMigration'; readonly tip: TipLocation };

/** Kinds of catheter fault. */
export type CatheterFaultKind = CatheterFault['kind'];

const catheterVolume = (state: PumpState): number =>
  plugFlowContents(state.truth.path.catheter).volume + plugFlowContents(state.truth.path.catheterProximal).volume;

/** Joins a breached catheter back into one tube (tip first). */
function rejoined(state: PumpState): PumpState {
  const { path } = state.truth;
  return {
    ...state,
    truth: {
      ...state.truth,
      path: { ...path, catheter: appendPortions(path.catheter, path.catheterProximal), catheterProximal: [] },
      catheter: { ...state.truth.catheter, breach: null },
    },
  };
}

/** Opens a breach: the catheter is split at the breach point into the part before and after it. */
function breached(state: PumpState, breach: Omit<Breach, 'passed' | 'escaped'>): PumpState {
  const whole = rejoined(state);
  const { path } = whole.truth;
  const distal = takeFromOutlet(path.catheter, (catheterVolume(whole) - breach.atVolume) as Nanolitres);
  return {
    ...whole,
    truth: {
      ...whole.truth,
      path: { ...path, catheter: distal.out, catheterProximal: distal.tube },
      catheter: { ...whole.truth.catheter, breach: { ...breach, passed: 0, escaped: 0 } },
    },
  };
}

/**
 * Starts a catheter fault in the truth. Only the physical path changes: the pump's belief, alarms
 * and log are untouched, as on the real device. Refused (code `fault.invalid`) for figures that
 * cannot be.
 */
export function startCatheterFault(state: PumpState, fault: CatheterFault): Result<PumpState> {
  const condition = state.truth.catheter;
  const withCondition = (c: typeof condition): PumpState => ({ ...state, truth: { ...state.truth, catheter: c } });
  const ppmOk = (ppm: number) => Number.isSafeInteger(ppm) && ppm >= 0 && ppm <= 1_000_000;
  switch (fault.kind) {
    case 'occlusion':
      if (!ppmOk(fault.blockedPpm)) return refuse('fault.invalid', 'An occlusion blocks from 0 to 100 % of the flow.');
      return ok(withCondition({ ...condition, occlusionPpm: fault.blockedPpm }));
    case 'kink':
      if (
        !(
          Number.isSafeInteger(fault.periodMs) &&
          fault.periodMs > 0 &&
          fault.kinkedMs >= 0 &&
          fault.kinkedMs <= fault.periodMs
        )
      ) {
        return refuse('fault.invalid', 'A kink needs a period greater than zero and a kinked time within it.');
      }
      return ok(
        withCondition({ ...condition, kink: { since: state.now, periodMs: fault.periodMs, kinkedMs: fault.kinkedMs } }),
      );
    case 'tipMigration':
      return ok(withCondition({ ...condition, tip: fault.tip }));
    case 'disconnect':
      return ok(breached(state, { kind: 'disconnect', atVolume: 0 as Nanolitres, escapePpm: 1_000_000 }));
    case 'leak':
    case 'fracture': {
      const escapePpm = fault.kind === 'leak' ? fault.escapePpm : 1_000_000;
      if (
        !ppmOk(escapePpm) ||
        !Number.isSafeInteger(fault.atVolume) ||
        fault.atVolume < 0 ||
        fault.atVolume > catheterVolume(state)
      ) {
        return refuse(
          'fault.invalid',
          'A leak or fracture lies along the catheter and lets 0 to 100 % of the flow escape.',
        );
      }
      return ok(breached(state, { kind: fault.kind, atVolume: fault.atVolume, escapePpm }));
    }
  }
}

/** Ends a catheter fault: the flow is restored, the catheter rejoined, the tip back in place. */
export function endCatheterFault(state: PumpState, kind: CatheterFaultKind): PumpState {
  const condition = state.truth.catheter;
  const withCondition = (c: typeof condition): PumpState => ({ ...state, truth: { ...state.truth, catheter: c } });
  switch (kind) {
    case 'occlusion':
      return withCondition({ ...condition, occlusionPpm: 0 });
    case 'kink':
      return withCondition({ ...condition, kink: null });
    case 'tipMigration':
      return withCondition({ ...condition, tip: 'intrathecal' });
    case 'disconnect':
    case 'leak':
    case 'fracture':
      return condition.breach?.kind === kind ? rejoined(state) : state;
  }
}
