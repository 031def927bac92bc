import type { DrugId } from '../drug/drug.ts';
import { drugOf, solutionStabilityDays } from '../drug/drugLibrary.ts';
import { formatConcentration } from '../drug/formatDose.ts';
import type { SolutionPart } from '../drug/solution.ts';
import type { BolusRequest } from '../pump/bolus.ts';
import { implantedCatheterVolume } from '../pump/catheterVolume.ts';
import { type DeviceProfile, getDeviceProfile } from '../pump/deviceProfile.ts';
import type { FlexStep, PumpProgram, Therapy } from '../pump/program.ts';
import type { PtmSettings } from '../pump/ptmSettings.ts';
import type { PumpBeliefView } from '../pump/pumpStatus.ts';
import { ok, type Result } from '../refusal.ts';
import { divide } from '../units/mulDiv.ts';
import type { McgPerMl, Milliseconds, Nanolitres, Picograms, PicogramsPerDay } from '../units/quantity.ts';
import { MS_PER_DAY } from '../units/time.ts';
import { planBridgeBolus, primingVolume } from './bolusPlanning.ts';
import { type Draft, EMPTY_DRAFT } from './draft.ts';
import { forecastReservoir, type ReservoirForecast } from './forecastReservoir.ts';
import { programOfView, sameProgram } from './programOfView.ts';
import { checkRefillDiscrepancy, type RefillDiscrepancy } from './refillDiscrepancy.ts';
import { nextRefillAt } from './refillPlanning.ts';
import { knownReservoir, leftAfterAspiration, type RefillProgress } from './refillProgress.ts';

const programOf = programOfView;

/**
 * The patient's therapy manager in the dosing workflow: `settings` programmed (or `null`: PTM
 * switched off) on the program the draft already changes, or on the pump's own. The therapy gate
 * judges them (the drug allows it, the patient is opioid tolerant, the dose per bolus and per day).
 */
export function ptmDraft(view: PumpBeliefView, settings: PtmSettings | null, draft: Draft = EMPTY_DRAFT): Draft {
  const { ptm: _old, ...program } = draft.update.program ?? programOf(view);
  return {
    ...draft,
    update: { ...draft.update, program: settings === null ? program : { ...program, ptm: settings } },
  };
}

/** A dose change for simple continuous therapy. */
export const doseChangeDraft = (view: PumpBeliefView, dose: PicogramsPerDay): Draft => ({
  ...EMPTY_DRAFT,
  update: { program: { ...programOf(view), therapy: { mode: 'simple', dose } } },
});

/** A new flex schedule (the 24-hour total and its change are checked by the guard rails). */
export const flexScheduleDraft = (view: PumpBeliefView, steps: readonly FlexStep[]): Draft => ({
  ...EMPTY_DRAFT,
  update: { program: { ...programOf(view), therapy: { mode: 'flex', steps } } },
});

/** Stops therapy (the program's mode becomes stopped); restart by programming a therapy again. */
export const stopDraft = (view: PumpBeliefView): Draft => ({
  ...EMPTY_DRAFT,
  update: { program: { ...programOf(view), therapy: { mode: 'stopped' } } },
});

/** Restarts therapy with a given therapy (usually the one in force before the stop). */
export const restartDraft = (view: PumpBeliefView, therapy: Therapy): Draft => ({
  ...EMPTY_DRAFT,
  update: { program: { ...programOf(view), therapy } },
});

/** A new low-reservoir alarm threshold. */
export const alarmThresholdDraft = (volume: Nanolitres): Draft => ({
  ...EMPTY_DRAFT,
  update: { lowReservoirThreshold: volume },
});

/** Catheter data after implant or revision: implanted length (cm) times volume per cm. */
export const catheterDataDraft = (lengthCm: number, volumePerCm: Nanolitres): Draft => ({
  ...EMPTY_DRAFT,
  update: { catheterVolumeEntered: implantedCatheterVolume(lengthCm, volumePerCm) },
});

/** Sounds both alarm tones so the patient learns them. */
export const alarmTestDraft = (): Draft => ({ ...EMPTY_DRAFT, alarmTest: true });

/** A single bolus of `doseMcg` (in pg) over a duration, at the pump's concentration. */
export function singleBolusDraft(view: PumpBeliefView, dose: Picograms, durationMs: number): Draft {
  const volume = divide(dose, view.concentration, 'nearest') as Nanolitres;
  return { ...EMPTY_DRAFT, bolus: { kind: 'single', volume, durationMs } };
}

/**
 * A priming bolus after implant or catheter revision: the pump tubing plus the catheter as entered
 * (catheter data), pushed at the pump's maximum flow.
 */
export function primingBolusDraft(view: PumpBeliefView): Draft {
  const profile = getDeviceProfile(view.profileId);
  const volume = primingVolume(profile.pumpTubingVolume, view.catheterVolumeEntered);
  const bolus: BolusRequest = {
    kind: 'priming',
    volume,
    durationMs: divide(volume * MS_PER_DAY, profile.maxRate, 'ceil'),
  };
  return { ...EMPTY_DRAFT, bolus };
}

/**
 * A bridge bolus on its own, after a concentration change whose old drug is still in the pump
 * tubing and catheter (a refill done without one, a change programmed elsewhere): the dead volume is
 * moved at the flow that gives today's daily dose at the OLD concentration, then the new basal flow
 * follows. Refused when there is no dose to bridge.
 */
export function bridgeBolusDraft(view: PumpBeliefView, oldConcentration: McgPerMl): Result<Draft> {
  const profile = getDeviceProfile(view.profileId);
  const planned = planBridgeBolus({
    deadVolume: (profile.pumpTubingVolume + view.catheterVolumeEntered) as Nanolitres,
    dose: view.therapy.mode === 'simple' ? view.therapy.dose : view.dose,
    oldConcentration,
  });
  return planned.ok ? ok({ ...EMPTY_DRAFT, bolus: planned.value }) : planned;
}

/** What the clinician enters in the Replacement workflow once the new pump is filled. */
export interface ReplacementEntry {
  /** Whether the new pump is on the catheter already implanted, or on a new one. */
  readonly catheter: 'kept' | 'new';
  /** With a new catheter: its implanted volume (catheter data); the old pump's is carried over when kept. */
  readonly newCatheterVolume?: Nanolitres;
  /** The priming bolus: the new pump's tubing only, tubing and catheter, or none. */
  readonly priming: 'tubing' | 'tubingAndCatheter' | 'none';
}

/**
 * The Replacement workflow's draft for the new pump, once its reservoir is filled: the old pump's
 * program carried over as the starting point (at the strength injected), the reservoir volume known
 * from the needle, the old pump's low-reservoir alarm, the catheter data (the old pump's when the
 * catheter is kept), and the priming bolus chosen, at the pump's maximum flow. Every part of it is
 * judged by the one gate like any other draft. Null while the new pump's reservoir is not filled.
 */
export function replacementDraft(
  view: PumpBeliefView,
  old: PumpBeliefView,
  refill: RefillProgress | null,
  entry: ReplacementEntry,
): Draft | null {
  const injected = refill?.injected ?? null;
  if (refill === null || refill.aspirated === null || injected === null) return null;
  const profile = getDeviceProfile(view.profileId);
  const catheterVolume =
    entry.catheter === 'kept' ? old.catheterVolumeEntered : (entry.newCatheterVolume ?? (0 as Nanolitres));
  const program: PumpProgram = { ...programOf(old), concentration: injected.concentration, therapy: old.therapy };
  const volume =
    entry.priming === 'tubing'
      ? profile.pumpTubingVolume
      : entry.priming === 'tubingAndCatheter'
        ? primingVolume(profile.pumpTubingVolume, catheterVolume)
        : null;
  const bolus: BolusRequest | null =
    volume === null || volume === 0
      ? null
      : { kind: 'priming', volume, durationMs: divide(volume * MS_PER_DAY, profile.maxRate, 'ceil') };
  return {
    ...EMPTY_DRAFT,
    update: {
      program,
      calculatedReservoir: knownReservoir(view, refill) ?? (0 as Nanolitres),
      lowReservoirThreshold: old.lowReservoirThreshold,
      catheterVolumeEntered: catheterVolume,
    },
    bolus,
    // a new strength: the kept catheter's old drug is not bridged (the gate asks to confirm it)
    bridgeDecision: injected.concentration !== view.concentration ? 'none' : null,
    replacementCatheter: entry.catheter,
  };
}

/** What the refill screen shows before the needle goes in. */
export interface RefillExpectation {
  /** The calculated reservoir volume: what the pump believes is left. */
  readonly expectedResidual: Nanolitres;
  /** What aspiration should bring back: the residual less the dead space. */
  readonly expectedWithdrawal: Nanolitres;
  /** Volume the pump believes it delivered since the last recorded refill. */
  readonly deliveredSinceLastRefill: Nanolitres;
}

/** The expected residual, from the pump's calculated volume and its last recorded refill. */
export function refillExpectation(view: PumpBeliefView): RefillExpectation {
  const last = view.lastRefill?.volume ?? view.calculatedReservoir;
  return {
    expectedResidual: view.calculatedReservoir,
    expectedWithdrawal: Math.max(0, view.calculatedReservoir - view.reservoirDeadSpace) as Nanolitres,
    deliveredSinceLastRefill: Math.max(0, last - view.calculatedReservoir) as Nanolitres,
  };
}

/** What the clinician did and entered at a refill. */
export interface RefillEntry {
  /** The volume measured in the syringe after aspiration. */
  readonly aspirated: Nanolitres;
  readonly injected: Nanolitres;
  readonly concentration: McgPerMl;
  /** The lead drug injected, when it is not the pump's drug (chosen from the drug library); the pump's drug when absent. */
  readonly drug?: DrugId;
  /** The other drugs of the solution injected, each at its own concentration; absent or empty: a single drug. */
  readonly admixed?: readonly SolutionPart[];
  /** The lead drug's daily dose from now on: required when the lead drug changes (the old dose is another drug's). */
  readonly dose?: PicogramsPerDay;
  /** For a concentration change: bridge the dead volume, or not (acknowledged). */
  readonly bridgeDecision: 'bridge' | 'none' | null;
  /** For a concentration change: whether the reservoir was rinsed (emptied, filled, emptied) before the fill. */
  readonly rinsed?: boolean;
  /** The pump's calculated volume when the needle first acted (see RefillProgress): what it pumped since is gone. */
  readonly beliefAtNeedle?: Nanolitres | null;
}

/** How the residual left in the reservoir changes a new drug strength, when it was not rinsed out. */
export interface ResidualMixing {
  /** Volume of old drug believed left in the reservoir after aspiration. */
  readonly residual: Nanolitres;
  /** The mass-weighted concentration the reservoir will really hold, in mcg/mL (decimal, for display). */
  readonly mixedConcentration: number;
  readonly message: string;
}

/** The refill workflow's outcome: the discrepancy check, the draft to send, and the new dates. */
export interface RefillPlan {
  readonly discrepancy: RefillDiscrepancy;
  /** For an unrinsed concentration change: what the residual does to the new strength; null otherwise. */
  readonly mixing: ResidualMixing | null;
  /** Whether the solution changes (a drug, an admixture or a strength): the bridge decision is then required. */
  readonly solutionChanges: boolean;
  /** The reservoir volume to record: what is known to be left after aspiration plus what was injected. */
  readonly newVolume: Nanolitres;
  readonly draft: Draft;
  readonly forecast: ReservoirForecast;
  readonly nextRefillAt: Milliseconds | null;
}

/**
 * The refill workflow: compares the aspirated volume with the expected one (the discrepancy check),
 * warns how an unrinsed residual dilutes or strengthens a new concentration,
 * records the new volume (what is known to be left after aspiration, at most the dead space, plus
 * what was injected), changes
 * the program's concentration when a different drug strength went in (the daily dose stays; the
 * session requires the bridge-bolus decision), adds the bridge bolus when chosen, and forecasts
 * the new low-reservoir and refill dates.
 */
export function planRefill(view: PumpBeliefView, entry: RefillEntry): Result<RefillPlan> {
  const profile: DeviceProfile = getDeviceProfile(view.profileId);
  const expectation = refillExpectation(view);
  const discrepancy = checkRefillDiscrepancy({
    calculatedReservoir: view.calculatedReservoir,
    aspirated: entry.aspirated,
    deliveredSinceLastRefill: expectation.deliveredSinceLastRefill,
    profile,
    deadSpace: view.reservoirDeadSpace,
  });
  // what aspiration can have left: never more than the dead space (an empty or short aspiration
  // does not bring the pump's calculated volume back into being)
  const left = leftAfterAspiration(view, entry.aspirated);
  const since = Math.max(0, (entry.beliefAtNeedle ?? view.calculatedReservoir) - view.calculatedReservoir);
  const newVolume = Math.max(0, left + entry.injected - since) as Nanolitres;
  const drugId = entry.drug ?? view.drug;
  const admixed = entry.admixed ?? (entry.drug === undefined ? view.admixed : []);
  const held = programOf(view);
  const sameDrug = drugId === view.drug;
  const program: PumpProgram = {
    drug: drugId,
    concentration: entry.concentration,
    ...(admixed.length > 0 ? { admixed } : {}),
    therapy: entry.dose !== undefined ? { mode: 'simple', dose: entry.dose } : held.therapy,
  };
  // a new solution needs the bridge decision; a dose entered with it changes the program too
  const concentrationChanges = !sameProgram(held, { ...program, therapy: held.therapy });
  const programChanges = concentrationChanges || entry.dose !== undefined;
  let bolus: BolusRequest | null = null;
  if (concentrationChanges && entry.bridgeDecision === 'bridge') {
    const dose = view.therapy.mode === 'simple' ? view.therapy.dose : view.dose;
    const planned = planBridgeBolus({
      deadVolume: (profile.pumpTubingVolume + view.catheterVolumeEntered) as Nanolitres,
      dose,
      oldConcentration: view.concentration,
    });
    if (!planned.ok) return planned;
    bolus = planned.value;
  }
  let mixing: ResidualMixing | null = null;
  const strengthChanges = !sameDrug || entry.concentration !== view.concentration;
  if (strengthChanges && !entry.rinsed && left > 0 && newVolume > 0) {
    const oldDrug = drugOf(view.drug);
    const newDrug = drugOf(drugId);
    // the same drug mixes to a strength between the two; another drug is diluted by the residual and mixed with it
    const mixed = (left * (sameDrug ? view.concentration : 0) + entry.injected * entry.concentration) / newVolume;
    const about = (c: number) =>
      newDrug.doseUnit === 'mcg' ? `${Math.round(c * 10) / 10} mcg/mL` : `${Math.round(c / 100) / 10} mg/mL`;
    mixing = {
      residual: left as Nanolitres,
      mixedConcentration: mixed,
      message: sameDrug
        ? `${(left / 1_000_000).toFixed(2)} mL of ${formatConcentration(view.concentration, oldDrug)} stays in the reservoir and mixes with the new drug: the reservoir will hold about ${about(mixed)}, not ${formatConcentration(entry.concentration, newDrug)}. Rinse (empty, fill, empty) before the final fill, or confirm.`
        : `${(left / 1_000_000).toFixed(2)} mL of ${oldDrug.shortName} ${formatConcentration(view.concentration, oldDrug)} stays in the reservoir and mixes with the new drug: the reservoir will hold ${oldDrug.shortName} as well, and about ${about(mixed)} of ${newDrug.shortName}, not ${formatConcentration(entry.concentration, newDrug)}. Rinse (empty, fill, empty) before the final fill, or confirm.`,
    };
  }
  const draft: Draft = {
    ...EMPTY_DRAFT,
    update: { calculatedReservoir: newVolume, ...(programChanges ? { program } : {}) },
    bolus,
    bridgeDecision: concentrationChanges ? entry.bridgeDecision : null,
  };
  const forecast = forecastReservoir({
    now: view.now,
    timeOfDayAtStart: view.timeOfDayAtStart,
    calculatedReservoir: newVolume,
    threshold: view.lowReservoirThreshold,
    program,
    profile,
  });
  return ok({
    discrepancy,
    mixing,
    solutionChanges: concentrationChanges,
    newVolume,
    draft,
    forecast,
    nextRefillAt: nextRefillAt({
      lowReservoirAt: forecast.lowReservoirAt,
      lastRefillAt: view.now,
      stabilityDays: solutionStabilityDays(program, program.admixed),
    }),
  });
}

/** MRI preparation, which differs by pump. */
export interface MriPreparation {
  readonly advice: readonly string[];
  /** What to send before the scan, if anything. */
  readonly draft: Draft | null;
  /** Whether the reservoir must be emptied (aspirated) before the scan. */
  readonly emptyReservoir: boolean;
}

/**
 * MRI preparation per profile. SynchroMed-like: change nothing (a stopped pump would hide a
 * prolonged stall), interrogate after the scan to confirm the motor recovered. Prometra-like:
 * empty the reservoir and program the pump to stop, or the valves may dump the reservoir.
 */
export function mriPreparation(view: PumpBeliefView): MriPreparation {
  const profile = getDeviceProfile(view.profileId);
  if (profile.mri.behaviour === 'motorStall') {
    return {
      advice: [
        `Scan at no more than ${profile.mri.maxFieldMilliTesla / 1000} T. Do not program the pump to stop before the scan: a stopped pump would hide a prolonged motor stall.`,
        'The motor stops in the field and should restart afterwards; recovery can take hours. Interrogate after the scan to confirm the motor turns again; the log may show recovery only at a second interrogation.',
        `Watch a ${drugOf(view.drug).shortName} patient for ${drugOf(view.drug).words.stallWatch} until recovery is confirmed.`,
      ],
      draft: null,
      emptyReservoir: false,
    };
  }
  return {
    advice: [
      'Empty the reservoir completely and program the pump to stop before the scan: in the field its valves may open and release the whole reservoir. Use Refill: aspirate everything, then stop the pump until it is refilled (the reservoir is recorded empty only from the aspiration that emptied it).',
      'After the scan, refill and reprogram the pump.',
    ],
    draft: {
      ...EMPTY_DRAFT,
      update: { calculatedReservoir: 0 as Nanolitres, program: { ...programOf(view), therapy: { mode: 'stopped' } } },
    },
    emptyReservoir: true,
  };
}
