import type { PumpUpdate } from '../pump/applyUpdate.ts';
import type { BolusRequest } from '../pump/bolus.ts';
import type { CatheterFault, CatheterFaultKind } from '../pump/catheterFaults.ts';
import { EMPTY_FLUID, type Fluid } from '../pump/fluid.ts';
import type { MriScan } from '../pump/motorFaults.ts';
import type { PumpReplacement } from '../pump/replacePump.ts';
import type { InjectionSite } from '../pump/reservoirAccess.ts';
import type { Nanolitres } from '../units/quantity.ts';

/** One step of a random pump history, as a clinician, a refill nurse, a fault or time would take it. */
export type PumpCommand =
  | { readonly kind: 'wait'; readonly ms: number }
  | {
      readonly kind: 'refill';
      readonly aspirate: Nanolitres | 'all';
      readonly inject: Fluid;
      readonly record: Nanolitres;
      /** Where the needle really is; the reservoir unless said otherwise. */
      readonly site?: InjectionSite;
    }
  | { readonly kind: 'update'; readonly update: PumpUpdate; readonly abandon: boolean }
  | { readonly kind: 'stop' }
  | { readonly kind: 'start' }
  | { readonly kind: 'bolus'; readonly bolus: BolusRequest }
  | { readonly kind: 'cancelBolus' }
  | { readonly kind: 'catheterFault'; readonly fault: CatheterFault }
  | { readonly kind: 'endCatheterFault'; readonly fault: CatheterFaultKind }
  | { readonly kind: 'motorStall'; readonly recoversAfterMs: number | null | 'drawn' }
  | { readonly kind: 'mri'; readonly scan: MriScan }
  | { readonly kind: 'interrogate' }
  | { readonly kind: 'lowBatteryReset' }
  | { readonly kind: 'memoryError' }
  /** The surgeon replaces the pump (refused before ERI or EOS without a fault that calls for it). */
  | { readonly kind: 'replace'; readonly replacement: PumpReplacement }
  /** The surgeon connects the kept catheter to a new pump set up on the table. */
  | { readonly kind: 'connect' };

/**
 * The command as the pump would see it were every unsensed part taken away: catheter faults vanish,
 * and a refill with the needle outside the reservoir keeps its session (the pump sees that) but
 * injects nothing. Null when nothing is left.
 */
export function sensedPart(command: PumpCommand): PumpCommand | null {
  if (command.kind === 'catheterFault' || command.kind === 'endCatheterFault') return null;
  if (command.kind === 'refill' && command.site !== undefined && command.site !== 'reservoir') {
    return { ...command, inject: EMPTY_FLUID, site: 'reservoir' };
  }
  return command;
}

/** Commands that change only what the pump cannot sense. */
export const isUnsensed = (command: PumpCommand): boolean =>
  command.kind === 'catheterFault' ||
  command.kind === 'endCatheterFault' ||
  (command.kind === 'refill' && command.site !== undefined && command.site !== 'reservoir');
