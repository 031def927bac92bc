import type { PumpBeliefView } from '../pump/pumpStatus.ts';
import type { McgPerMl, Nanolitres } from '../units/quantity.ts';

/**
 * What the needle has done during a refill in progress, held by the programmer session (so by the
 * world, not the page): a reload, a second window, a lost link or a class reconnect finds it again.
 */
export interface RefillProgress {
  /** What the syringe brought back over every aspiration so far; null before the needle acted. */
  readonly aspirated: Nanolitres | null;
  /** How many times the reservoir was aspirated (a clinician may reposition the needle and try again). */
  readonly aspirations: number;
  /** What went in through the septum; null before the injection. */
  readonly injected: { readonly volume: Nanolitres; readonly concentration: McgPerMl } | null;
  /**
   * The pump's calculated volume as last read when the needle first acted: the pump runs on while
   * the refill is open, so whatever it believes it delivered since is no longer in the reservoir.
   */
  readonly beliefAtNeedle?: Nanolitres | null;
}

/** A refill before the needle goes in. */
export const NO_REFILL_YET: RefillProgress = { aspirated: null, aspirations: 0, injected: null, beliefAtNeedle: null };

/** Whether the needle has acted: from then on the refill can only be left by recording the truth or stopping the pump. */
export const needleActed = (refill: RefillProgress | null): boolean =>
  refill !== null && (refill.aspirated !== null || refill.injected !== null);

/**
 * What is known to be in the reservoir after aspirating it: aspiration takes everything but the
 * dead space, so when anything came back the dead space is what is left; when nothing came back the
 * reservoir may be empty (or the needle is not in it), so nothing is known to be left. Never the
 * pump's calculated volume: drug that did not come back cannot be counted on.
 */
export function leftAfterAspiration(view: PumpBeliefView, aspirated: Nanolitres): Nanolitres {
  return (aspirated > 0 ? view.reservoirDeadSpace : 0) as Nanolitres;
}

/**
 * The volume known to be in the reservoir now: what aspiration left plus what was injected, less
 * what the pump reports it delivered since the needle acted (a refill left open across a lost link
 * and read again hours later); null before aspiration.
 */
export function knownReservoir(view: PumpBeliefView, refill: RefillProgress | null): Nanolitres | null {
  if (refill === null || refill.aspirated === null) return null;
  const since = Math.max(0, (refill.beliefAtNeedle ?? view.calculatedReservoir) - view.calculatedReservoir);
  return Math.max(
    0,
    leftAfterAspiration(view, refill.aspirated) + (refill.injected?.volume ?? 0) - since,
  ) as Nanolitres;
}
