import { baclofen } from '../drug/baclofen.ts';
import type { SpasticityOrigin } from '../drug/drug.ts';
import { getDeviceProfile } from '../pump/deviceProfile.ts';
import type { PumpBeliefView } from '../pump/pumpStatus.ts';
import { validateProgram } from '../pump/validateProgram.ts';
import { massInVolume, nanolitresToMl } from '../units/conversions.ts';
import type { Nanolitres } from '../units/quantity.ts';
import type { Draft } from './draft.ts';
import { checkBolusDose, checkConcentration, checkTherapyChange, type GuardFinding } from './guardRails.ts';

/** Reason codes of a draft review beyond the drug and dose guard rails. */
export type DraftCode =
  | 'program.refused'
  | 'reservoir.overCapacity'
  | 'alarm.thresholdOutOfRange'
  | 'bridge.decisionRequired'
  | 'bridge.skipped'
  | 'draft.empty';

/** A finding of a draft review: a guard rail, or a draft-level check. */
export type DraftFinding =
  | GuardFinding
  | { readonly code: DraftCode; readonly severity: GuardFinding['severity']; readonly message: string };

/**
 * Every guard rail on what a draft would send, against the pump as last interrogated: the drug
 * library and titration checks on a therapy change, the concentration library, the pump's own
 * limits (as refusals it would give), the reservoir capacity and alarm range, and the bridge-bolus
 * decision a concentration change requires (a skipped bridge needs an explicit acknowledgement).
 */
export function reviewDraft(view: PumpBeliefView, draft: Draft, origin: SpasticityOrigin): DraftFinding[] {
  const profile = getDeviceProfile(view.profileId);
  const findings: DraftFinding[] = [];
  const { update } = draft;
  if (Object.keys(update).length === 0 && draft.bolus === null && !draft.alarmTest) {
    findings.push({ code: 'draft.empty', severity: 'hard', message: 'Nothing has been changed yet.' });
  }
  const program = update.program;
  if (program !== undefined) {
    findings.push(...checkConcentration(program.concentration, baclofen));
    const guards = checkTherapyChange({
      oldTherapy: view.therapy,
      newTherapy: program.therapy,
      concentration: program.concentration,
      origin,
      drug: baclofen,
      profile,
    });
    findings.push(...guards);
    const valid = validateProgram(program, profile);
    if (!valid.ok && !guards.some((g) => g.severity === 'hard')) {
      findings.push({ code: 'program.refused', severity: 'hard', message: valid.refusal.message });
    }
    const dosing = program.therapy.mode === 'simple' || program.therapy.mode === 'flex';
    if (program.concentration !== view.concentration && dosing) {
      if (draft.bridgeDecision === null) {
        findings.push({
          code: 'bridge.decisionRequired',
          severity: 'hard',
          message: `The concentration changes from ${view.concentration} to ${program.concentration} mcg/mL: ${nanolitresToMl(
            (profile.pumpTubingVolume + view.catheterVolumeEntered) as Nanolitres,
          )} mL of the old drug is still in the pump tubing and catheter. Choose a bridge bolus or no bridge.`,
        });
      } else if (draft.bridgeDecision === 'none') {
        findings.push({
          code: 'bridge.skipped',
          severity: 'confirm',
          message:
            'Without a bridge bolus the old drug in the tubing and catheter is delivered at the new flow: the dose will be wrong until it has passed. Confirm.',
        });
      }
    }
  }
  // a bolus's drug at the concentration it will run at (a new one when the same draft changes it)
  const bolus = draft.bolus;
  if (bolus !== null && bolus.kind === 'single') {
    const concentration = program?.concentration ?? view.concentration;
    findings.push(...checkBolusDose(massInVolume(bolus.volume, concentration), baclofen));
  }
  if (update.calculatedReservoir !== undefined && update.calculatedReservoir > profile.capacity) {
    findings.push({
      code: 'reservoir.overCapacity',
      severity: 'hard',
      message: `${nanolitresToMl(update.calculatedReservoir)} mL is more than the ${nanolitresToMl(profile.capacity)} mL reservoir holds.`,
    });
  }
  const threshold = update.lowReservoirThreshold;
  const range = profile.lowReservoirThresholdRange;
  if (threshold !== undefined && (threshold < range.min || threshold > range.max)) {
    findings.push({
      code: 'alarm.thresholdOutOfRange',
      severity: 'hard',
      message: `The low-reservoir alarm is set from ${nanolitresToMl(range.min)} to ${nanolitresToMl(range.max)} mL.`,
    });
  }
  return findings;
}
