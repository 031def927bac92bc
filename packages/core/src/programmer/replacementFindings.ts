import { drugOf } from '../drug/drugLibrary.ts';
import { formatAmount, formatConcentration } from '../drug/formatDose.ts';
import { getDeviceProfile } from '../pump/deviceProfile.ts';
import type { PumpBeliefView } from '../pump/pumpStatus.ts';
import { massInVolume, nanolitresToMl } from '../units/conversions.ts';
import type { Nanolitres, Picograms } from '../units/quantity.ts';
import { MS_PER_MINUTE } from '../units/time.ts';
import type { GateInput } from './gateInput.ts';
import type { GuardFinding } from './guardRails.ts';

/** Reason codes of the gate's checks on a pump replacement. */
export type ReplacementCode =
  | 'replacement.oldNotRead'
  | 'replacement.newNotRead'
  | 'replacement.catheterUnknown'
  | 'replacement.primingThroughCatheter'
  | 'replacement.primingTooLarge'
  | 'replacement.primingTubing'
  | 'replacement.primingNewCatheter'
  | 'replacement.noPriming';

/** A finding of the replacement checks: its own codes, and the restart a new pump's start is. */
export interface ReplacementFinding {
  readonly code: ReplacementCode | 'therapy.restart';
  readonly severity: GuardFinding['severity'];
  readonly message: string;
}

/** Why a pump was not delivering, as a clinician says it. */
const STOPPED_WORDS: Readonly<Record<string, string>> = {
  endOfService: 'end of service',
  error: 'a pump failure',
  stalled: 'a motor stall',
};

const ml = (nl: number) => `${nanolitresToMl(nl as Nanolitres).toFixed(2)} mL`;

/**
 * The gate's checks on the Replacement workflow's draft: the old pump must have been read and the
 * new one read since (its own serial); the draft must say whether the catheter was kept; and the
 * priming bolus is judged by what the catheter holds. With the catheter kept, it still holds the old
 * drug at the old concentration: a priming bolus larger than the new pump's own tubing would push
 * the whole catheter into the spinal fluid at priming speed (refused); the tubing alone is
 * confirmed, in words of what it does (the tubing's sterile water goes into the catheter and the
 * same volume of old drug leaves the tip within minutes). With a new catheter (spinal fluid, no
 * drug), the priming bolus fills tubing and catheter, never more.
 */
export function replacementFindings(input: GateInput): ReplacementFinding[] {
  if (input.workflow !== 'replacement') return [];
  const { view, draft } = input;
  const old = input.replaced ?? null;
  if (old === null)
    return [{ code: 'replacement.oldNotRead', severity: 'hard', message: 'Read the old pump before it comes out.' }];
  if (view.serial === old.serial)
    return [
      {
        code: 'replacement.newNotRead',
        severity: 'hard',
        message: `The programmer still reads the old pump (serial ${old.serial}). Once the surgeon has connected the new pump, read it.`,
      },
    ];
  const catheter = draft.replacementCatheter;
  if (catheter === undefined)
    return [
      {
        code: 'replacement.catheterUnknown',
        severity: 'hard',
        message: 'Say whether the new pump is connected to the catheter already implanted, or to a new catheter.',
      },
    ];
  const tubing = getDeviceProfile(view.profileId).pumpTubingVolume;
  // the old pump had stopped delivering (end of service, a failure, a stall, a stop): the new pump
  // restarts therapy after a gap, and tolerance may have fallen
  const restart: ReplacementFinding[] =
    old.state === 'running' && !old.suspended
      ? []
      : [
          {
            code: 'therapy.restart',
            severity: 'confirm',
            message: `The old pump was not delivering when it was read (${STOPPED_WORDS[old.state] ?? 'therapy suspended'}). After more than a day without the drug, tolerance falls and the full former dose can cause an overdose. Confirm the restart dose, and watch the patient for the first day.`,
          },
        ];
  return [...restart, ...primingFindings(input, old, catheter, tubing)];
}

/** The priming bolus judged by what the kept catheter, or the new one, holds. */
function primingFindings(
  input: GateInput,
  old: PumpBeliefView,
  catheter: 'kept' | 'new',
  tubing: Nanolitres,
): ReplacementFinding[] {
  const { view, draft } = input;
  const bolus = draft.bolus;
  const catheterVolume = draft.update.catheterVolumeEntered ?? view.catheterVolumeEntered;
  const concentration = draft.update.program?.concentration ?? view.concentration;
  // each strength and mass in its drug's own unit: the old pump's drug in the catheter, the new one's in its reservoir
  const oldOf = drugOf(old.drug);
  const newOf = drugOf(draft.update.program?.drug ?? view.drug);
  const mcg = (pg: Picograms) => formatAmount(pg, oldOf);
  if (bolus === null || bolus.kind !== 'priming') {
    return [
      {
        code: 'replacement.noPriming',
        severity: 'confirm',
        message: `Without a priming bolus the new pump's tubing (${ml(tubing)} of sterile water) must pass at the basal flow before its drug reaches the catheter. Confirm.`,
      },
    ];
  }
  const minutes = Math.ceil(bolus.durationMs / MS_PER_MINUTE);
  if (catheter === 'kept') {
    // the catheter holds the old drug: what a priming bolus pushes out of the tip, at priming speed
    const oldDrug = massInVolume(old.catheterVolumeEntered, old.concentration);
    if (bolus.volume > tubing)
      return [
        {
          code: 'replacement.primingThroughCatheter',
          severity: 'hard',
          message: `The catheter is kept: it still holds ${ml(old.catheterVolumeEntered)} of the old drug at ${formatConcentration(old.concentration, oldOf)}. A priming bolus of ${ml(bolus.volume)} primes the catheter again: once it is connected, all of that drug (${mcg(oldDrug)}) is pushed into the spinal fluid within ${minutes} minutes, the new drug behind it; before it is connected, ${ml(bolus.volume - tubing)} of the new drug runs out into the pocket. Prime the new pump's tubing only (${ml(tubing)}).`,
        },
      ];
    return [
      {
        code: 'replacement.primingTubing',
        severity: 'confirm',
        message: `The priming bolus fills the new pump's tubing only (${ml(bolus.volume)} in ${minutes} minutes), before the surgeon connects the catheter: its sterile water runs out at the connector, not into the patient. Have the catheter connected as soon as it ends. The catheter's ${ml(old.catheterVolumeEntered)} of the old drug (${formatConcentration(old.concentration, oldOf)}, ${mcg(oldDrug)}) then reaches the spinal fluid first, at the new flow, before the new pump's ${formatConcentration(concentration, newOf)}. Confirm, and watch the patient for the first hours.`,
      },
    ];
  }
  const path = tubing + catheterVolume;
  if (bolus.volume > path)
    return [
      {
        code: 'replacement.primingTooLarge',
        severity: 'hard',
        message: `A priming bolus fills the new pump's tubing and the new catheter (${ml(path)}); ${ml(bolus.volume)} would push ${formatAmount(massInVolume((bolus.volume - path) as Nanolitres, concentration), newOf)} of the new drug on into the spinal fluid at priming speed.`,
      },
    ];
  return [
    {
      code: 'replacement.primingNewCatheter',
      severity: 'confirm',
      message: `The priming bolus fills the new pump's tubing and the new catheter (${ml(bolus.volume)} in ${minutes} minutes). At priming speed drug and spinal fluid mix: some drug arrives before the bolus ends and less for a while after. Confirm, and watch the patient for the first hours.`,
    },
  ];
}
