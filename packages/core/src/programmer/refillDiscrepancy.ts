import type { DeviceProfile } from '../pump/deviceProfile.ts';
import { nanolitresToMl } from '../units/conversions.ts';
import { mulDiv } from '../units/mulDiv.ts';
import type { Nanolitres } from '../units/quantity.ts';

/** What a refill's aspiration says against what the pump expected. */
export interface RefillDiscrepancy {
  /** The calculated reservoir volume less the dead space that cannot be aspirated. */
  readonly expectedWithdrawal: Nanolitres;
  /** Aspirated minus expected, in nL: positive when more came back than expected. */
  readonly difference: number;
  /** What the accuracy spec and syringe reading explain since the last refill. */
  readonly tolerance: Nanolitres;
  /** True when the difference exceeds both the profile's refill-discrepancy limit and the tolerance. */
  readonly flagged: boolean;
  /** Possible causes, most likely first, when flagged. */
  readonly likelyCauses: readonly string[];
  readonly message: string;
}

/**
 * Compares the volume aspirated at a refill with the pump's calculated reservoir. A difference over
 * 1 mL (20 mL pumps) or 2 mL (40 mL pumps) that the accuracy spec over the volume delivered since
 * the last refill, plus a syringe-reading error, does not explain is flagged with its likely causes.
 * The pump never detects this itself: only the programmer and the clinician can.
 */
export function checkRefillDiscrepancy(options: {
  readonly calculatedReservoir: Nanolitres;
  readonly aspirated: Nanolitres;
  /** Volume the pump believes it delivered since the last refill. */
  readonly deliveredSinceLastRefill: Nanolitres;
  readonly profile: DeviceProfile;
  /** What this pump's aspiration leaves behind (the pump reports it; default the profile's). */
  readonly deadSpace?: Nanolitres;
}): RefillDiscrepancy {
  const { profile } = options;
  const deadSpace = options.deadSpace ?? profile.reservoirDeadSpace;
  const expectedWithdrawal = Math.max(0, options.calculatedReservoir - deadSpace) as Nanolitres;
  const difference = options.aspirated - expectedWithdrawal;
  const tolerance = (mulDiv(options.deliveredSinceLastRefill, profile.accuracySpecPpm, 1_000_000, 'ceil') +
    profile.syringeReadingError) as Nanolitres;
  const size = Math.abs(difference);
  const flagged = size > profile.refillDiscrepancyLimit && size > tolerance;
  const more = difference > 0;
  const likelyCauses = !flagged
    ? []
    : more
      ? [
          'drug is not leaving the pump: a motor stall, or therapy stopped or at minimum rate',
          'an occluded, kinked or blocked catheter holding the flow back',
          'the program delivers less than believed (wrong dose or concentration entered)',
          'a pump fault: investigate before restarting (a restart can release a large dose)',
        ]
      : [
          'the needle is not in the reservoir now (in the pocket or the catheter access port): check its place with the template before anything is injected',
          'a pocket fill at the last refill (drug injected outside the reservoir)',
          'a leak from the reservoir, pump or catheter',
          'a volume mis-entered or a short fill at the last refill',
          'over-delivery by the pump',
        ];
  const ml = (nl: number) => `${nanolitresToMl(nl as Nanolitres).toFixed(2)} mL`;
  const message = flagged
    ? `Aspirated ${ml(options.aspirated)} where ${ml(expectedWithdrawal)} was expected: ${ml(size)} ${more ? 'more' : 'less'}, beyond the ${ml(tolerance)} the pump's accuracy and syringe reading explain. Investigate before refilling.`
    : `Aspirated ${ml(options.aspirated)}; ${ml(expectedWithdrawal)} was expected: within tolerance.`;
  return { expectedWithdrawal, difference, tolerance, flagged, likelyCauses, message };
}
